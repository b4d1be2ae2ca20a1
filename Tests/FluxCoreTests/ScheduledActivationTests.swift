import Testing

@testable import FluxCore

/// When a change activates (a height, or a date through the clock before it), and every
/// refusal of a change with its key path and message.
@Suite struct ScheduledActivationTests {
  static let factor: [(String, RuleValue)] = [("subsidy.pon_factor", .scalar("1/2"))]

  /// A date activates at the first block the clock before the change projects at or
  /// after it: mainnet's clock puts block h ≥ 2,020,000 at 1,761,415,235 + 30 (h − 2,020,000).
  @Test func dateActivatesAtTheFirstBlockAtOrAfterIt() throws {
    // 2027-03-12T00:00:00Z = 1,804,809,600: 43,394,365 s after the anchor, 1,446,478.8
    // blocks, so block 2,020,000 + 1,446,479 = 3,466,479 is the first at or after it.
    let date = try Schedule.rules([Schedule.change("d", at: ("date", "2027-03-12"), Self.factor)])
    #expect(date.changes[0].activation == 3_466_479)
    #expect(date.changes[0].date == 1_804_809_600)
    // A date on a block's own time activates at that block; a second later, at the next.
    let onBlock = 1_761_415_235 + 30 * 1_000_000
    for (offset, expected) in [(0, 3_020_000), (1, 3_020_001), (-1, 3_020_000)] {
      let text = UTCTime.iso8601(Int64(onBlock + offset))
      let rules = try Schedule.rules([Schedule.change("d", at: ("date", text), Self.factor)])
      #expect(rules.changes[0].activation == expected, "\(text)")
    }
  }

  /// A later change's date is converted with the spacing an earlier change set.
  @Test func dateUsesTheEarlierChangesClock() throws {
    let rules = try Schedule.rules([
      Schedule.change("slow", height: 3_000_000, [("pon_target_spacing", .scalar("60s"))]),
      Schedule.change("later", at: ("date", "2030-01-01"), Self.factor),
    ])
    // Block 2,999,999 at 1,761,415,235 + 979,999 × 30 = 1,790,815,205; 2030-01-01 is
    // 1,893,456,000, 102,640,795 s later: 1,710,679.9 blocks of 60 s.
    #expect(rules.changes[1].activation == 2_999_999 + 1_710_680)
    #expect(rules.params.projectedTime(at: 4_710_679) >= 1_893_456_000)
    #expect(rules.params.projectedTime(at: 4_710_678) < 1_893_456_000)
  }

  /// A refused list of changes and the error it must give; the test log names a case by
  /// the key path alone, not by a dump of the values.
  struct Refusal: Sendable, CustomTestStringConvertible {
    let changes: [RuleValue]
    let keyPath: String
    let message: String

    init(_ changes: [RuleValue], _ keyPath: String, _ message: String) {
      self.changes = changes
      self.keyPath = keyPath
      self.message = message
    }

    var testDescription: String { "\(keyPath): " + (message.count > 80 ? message.prefix(79) + "…" : message) }
  }

  static let refusalCases: [Refusal] = [
    Refusal(
      [Schedule.change("a", height: 3_000_000, factor), Schedule.change("b", height: 3_000_000, factor)],
      "[1].at.height", "must come after the previous change's activation (block 3000000): found 3000000"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, factor), Schedule.change("b", at: ("date", "2026-01-01"), factor)],
      "[1].at.date",
      "must come after the previous change's activation (block 3000000): 2026-01-01T00:00:00Z is block 2213679"
    ),
    Refusal(
      [Schedule.change("a", height: 0, factor)], "[0].at.height",
      "expected a block height from 1 to 2147483647, found \"0\""
    ),
    Refusal(
      [Schedule.change("a", height: 2_147_483_648, factor)], "[0].at.height",
      "expected a block height from 1 to 2147483647, found \"2147483648\""
    ),
    Refusal(
      [Schedule.change("a", at: ("date", "2018-01-01"), factor)], "[0].at.date",
      "must fall after block 0 (projected at 2018-02-19T04:42:05Z) and no later than block 2147483647 "
        + "(4065-06-05T09:44:05Z), found 2018-01-01T00:00:00Z"
    ),
    Refusal(
      [Schedule.change("a", at: ("date", "2027-02-30"), factor)], "[0].at.date",
      "expected a UTC date such as 2027-03-12 or 2027-03-12T00:00:00Z, found \"2027-02-30\""
    ),
    Refusal(
      [Schedule.change("a", at: ("block", "5"), factor)], "[0].at.block",
      "unknown key; expected a mapping with exactly one of height and date, e.g. {height: 3466630} or {date: 2027-03-12}"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, factor), Schedule.change("a", height: 3_100_000, factor)], "[1].name",
      "\"a\" names an earlier change too; names must be unique"
    ),
    Refusal(
      [Schedule.change("Halving 2027", height: 3_000_000, factor)], "[0].name",
      "expected lower-case letters, digits and dashes (at most 100), found \"Halving 2027\""
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("subsidy.pon_initial", .scalar("7"))])],
      "[0].overrides.subsidy.pon_initial",
      "cannot change in a scheduled change: used once, at PoN start; to scale the PoN subsidy from a height use "
        + "subsidy.pon_factor"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("upgrades.pon", .scalar("3000000"))])], "[0].overrides.upgrades.pon",
      "cannot change in a scheduled change: an upgrade's height is when its rules start, for the whole chain; a "
        + "change's own height is its `at`"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("time_anchor.height", .scalar("3000000"))])],
      "[0].overrides.time_anchor.height",
      "cannot change in a scheduled change: the clock's anchor is a block of known time, which dates the whole chain"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("subsidy.halving_interval", .scalar("1000"))])],
      "[0].overrides.subsidy.halving_interval",
      "sets a PoW rule, which has no effect from PoN start (block 2020000): the change activates at 3000000"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("difficulty.pon_window", .scalar("40"))])],
      "[0].overrides.difficulty.pon_window",
      "cannot change in a scheduled change: a window reads the blocks before each block, so after a change of its "
        + "length the windows would straddle the change"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("subsidy.pon_reduction_percnt", .scalar("5"))])],
      "[0].overrides.subsidy.pon_reduction_percnt",
      "unknown rule key; did you mean 'subsidy.pon_reduction_percent'?"
    ),
    Refusal(
      [Schedule.change("a", height: 1_000_000, [("split.pon_tier_weights", Schedule.tiers("1", "1", "1"))])],
      "[0].overrides.split.pon_tier_weights",
      "sets a PoN rule: the change must activate at or after PoN start (block 2020000), found 1000000"
    ),
    Refusal(
      [Schedule.change("a", height: 3_000_000, [("pon_target_spacing", .scalar("1d"))])],
      "[0].overrides.pon_target_spacing",
      "with this change block 2147483647 would fall after 99999-12-31T23:59:59Z, the last date fluxsim prints"
    ),
  ]

  /// Each refusal names the change, the key and what was expected.
  @Test(arguments: Self.refusalCases)
  func refusals(_ refusal: Refusal) {
    #expect(Schedule.error(refusal.changes) == RuleError(keyPath: refusal.keyPath, message: refusal.message))
  }

  /// Shapes that are not a list of changes, or a change without its parts.
  @Test func malformedChanges() {
    func error(_ value: RuleValue) -> RuleError? {
      do {
        _ = try RuleSet(.mainnet).scheduling(value)
        return nil
      } catch { return error }
    }
    #expect(error(.scalar("soon"))?.message.hasPrefix("expected a list of changes") == true)
    #expect(
      error(.list(Array(repeating: Schedule.change("a", height: 1, []), count: 101)))?.message
        == "101 changes; at most 100")
    let noOverrides = RuleValue.map([
      RuleField(key: "name", value: .scalar("a")),
      RuleField(key: "at", value: .map([RuleField(key: "height", value: .scalar("5"))])),
    ])
    #expect(
      error(.list([noOverrides]))
        == RuleError(keyPath: "[0].overrides", message: "missing; a change needs name, at and overrides"))
    let extra = RuleValue.map([RuleField(key: "nmae", value: .scalar("a"))])
    #expect(
      error(.list([extra]))
        == RuleError(
          keyPath: "[0].nmae",
          message: "unknown key; expected one of name, at, description, overrides; did you mean 'name'?"))
    let twoAts = RuleValue.map([
      RuleField(key: "name", value: .scalar("a")),
      RuleField(
        key: "at",
        value: .map([
          RuleField(key: "height", value: .scalar("5")), RuleField(key: "date", value: .scalar("2030-01-01")),
        ])),
      RuleField(key: "overrides", value: .map([])),
    ])
    #expect(error(.list([twoAts]))?.keyPath == "[0].at")
    // Regtest never starts PoN: PoN keys have no effect there.
    let regtest = Schedule.error([Schedule.change("a", height: 500, Self.factor)], base: .regtest)
    #expect(
      regtest
        == RuleError(keyPath: "[0].overrides.subsidy.pon_factor", message: "has no effect while upgrades.pon is never"))
    // A change-only key among the top-level overrides.
    #expect(
      throws: RuleError(
        keyPath: "subsidy.pon_factor",
        message: "acts only in a scheduled change (changes[].overrides); from genesis set subsidy.pon_initial")
    ) {
      try RuleSet(base: .mainnet, overrides: .map([RuleField(key: "subsidy.pon_factor", value: .scalar("1/2"))]))
    }
  }

  /// An accepted schedule keeps its parts for reports: names, overrides as written, the
  /// description, and the date it was given by.
  @Test func erasKeepWhatWasWritten() throws {
    var change = Schedule.change("pa", at: ("date", "2027-03-12"), Self.factor)
    if case .map(var fields) = change {
      fields.append(RuleField(key: "description", value: .scalar("Whitepaper plan")))
      change = .map(fields)
    }
    let era = try Schedule.rules([change]).changes[0]
    #expect(era.name == "pa")
    #expect(era.description == "Whitepaper plan")
    #expect(era.overrides == [RuleField(key: "subsidy.pon_factor", value: .scalar("1/2"))])
    #expect(era.params.changes.isEmpty)
    #expect(era.params.subsidy.ponResume?.amount == Amount(satoshi: 630_000_000))
  }
}
