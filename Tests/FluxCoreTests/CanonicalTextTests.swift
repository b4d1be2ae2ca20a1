import FluxCore
import Testing

/// `CanonicalText` of the rules (what a run's `rules_hash` hashes) names every stored
/// property of `ChainParams` and the types inside it, and tells rule sets apart.
@Suite struct CanonicalTextTests {
  /// The rule sets whose fields are checked: the three networks, and mainnet with a
  /// scheduled change after PoN start (so `changes`, an era's `params` and the
  /// `subsidy.pon_resume` it sets are not empty or absent).
  static func ruleSets() throws -> [ChainParams] {
    let scheduled = try Schedule.rules(
      [Schedule.change("later", height: Schedule.ponStart + 10, [("subsidy.pon_reduction_percent", .scalar("20"))])])
    return [.mainnet, .testnet, .regtest, scheduled.params]
  }

  /// The text is exactly the lines `Mirror` finds walking the stored properties — every
  /// field by its name, with its own value, nothing else — so a field added to the rules
  /// and not to `ChainParams+CanonicalText.swift` fails here. Left out, with the reason: an
  /// era's description and overrides as written are report text (their effect is the
  /// era's `params`).
  @Test func theTextIsEveryStoredFieldWithItsValue() throws {
    for params in try Self.ruleSets() {
      var walk = Walk()
      walk.visit(params, path: "")
      #expect(walk.unwritable.isEmpty, "fields of types without a canonical text: \(walk.unwritable)")
      let expected = walk.lines
      let text = CanonicalText.of(params).split(separator: "\n").map(String.init)
      #expect(
        text == expected,
        "missing: \(Set(expected).subtracting(text).sorted()); extra: \(Set(text).subtracting(expected).sorted())")
      // The walk reaches nested fields, absent optionals and list elements.
      #expect(expected.contains("timers.pon.expiry=\(params.timers.pon.expiry)"))
      #expect(params.funds.first.map { expected.contains("funds.0.amount=\($0.amount.satoshi)") } ?? true)
      #expect(expected.count > 150)
    }
  }

  /// The lines a value's stored properties should give, found by reflection: a list as
  /// `path=list` and its elements, an absent optional as `path=nil`, a value whose own text
  /// is one line (a number, `Amount`, `UInt256`, …) as that line, anything else by its
  /// fields.
  struct Walk {
    var lines: [String] = []
    var unwritable: [String] = []
    /// The fields of an era that are text for reports.
    static let reportText: Set<String?> = ["description", "overrides"]

    mutating func visit(_ value: Any, path: String) {
      let mirror = Mirror(reflecting: value)
      let prefix = path.isEmpty ? "" : path + "."
      if mirror.displayStyle == .collection {
        lines.append(path + "=list")
        for (index, element) in mirror.children.enumerated() { visit(element.value, path: prefix + String(index)) }
      } else if mirror.displayStyle == .optional {
        if let some = mirror.children.first { visit(some.value, path: path) } else { lines.append(path + "=nil") }
      } else if let written = value as? any CanonicallyWritten, case let text = CanonicalText.of(written),
        text.hasPrefix("=")
      {
        lines.append(path + text.dropLast())
      } else if mirror.displayStyle == .struct, !mirror.children.isEmpty {
        for child in mirror.children where !(value is ScheduledEra && Self.reportText.contains(child.label)) {
          visit(child.value, path: prefix + (child.label ?? "?"))
        }
      } else {
        unwritable.append("\(path): \(type(of: value))")
      }
    }
  }

  /// Values are written exactly, absent optionals and empty lists are named, and a
  /// change anywhere — a top-level number, a nested tier value, an era's rules — changes
  /// the text while equal rules give equal text.
  @Test func theTextTellsRuleSetsApart() throws {
    let mainnet = ChainParams.mainnet
    let text = CanonicalText.of(mainnet)
    #expect(text == CanonicalText.of(ChainParams.of(.mainnet)))
    #expect(text.hasPrefix("network=mainnet\n"))
    #expect(text.contains("\nsubsidy.powInitialSubsidy=\(mainnet.subsidy.powInitialSubsidy.satoshi)\n"))
    #expect(text.contains("\nchanges=list\n") && mainnet.changes.isEmpty)
    #expect(text.contains("\nsubsidy.ponResume=nil\n") && mainnet.subsidy.ponResume == nil)
    var spacing = mainnet
    spacing.ponTargetSpacing += 1
    var tier = mainnet
    tier.collateral.v2.stratus = tier.collateral.v2.stratus + Amount(satoshi: 1)
    let sets = try Self.ruleSets() + [spacing, tier]
    #expect(Set(sets.map(CanonicalText.of)).count == sets.count)
  }
}
