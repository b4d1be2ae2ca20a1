/// Scheduled rule changes: a list of `{name, at, description, overrides}`, each holding
/// from its activation on (FluxCore/README.md, "Scheduled changes").
///
/// Each change starts from the rules as they stand before it (the base and every earlier
/// change) and applies its overrides with the same keys as the top-level overrides, where
/// their scope allows (`ChangeScope`). Its era's parameters, including where the PoN
/// subsidy resumes, are computed here once, and the whole-chain proofs of
/// `RuleSet+Validation.swift` (supply in `Int64`, printable dates, splits within the
/// subsidy) are run on the whole schedule; when one fails, a search over the prefixes of
/// the list names the change that breaks it.
extension RuleSet {
  /// The most changes one rule set may schedule: each is an era to evaluate and a row of
  /// every emission table.
  public static let maxChanges = 100
  /// The longest change name (characters).
  public static let maxChangeNameLength = 100

  /// These rules with the scheduled `changes` (a list as written in a file, or nil for
  /// none); errors name their key path within that list (`[1].at.height`).
  ///
  /// - Precondition: these rules have no changes yet.
  public func scheduling(_ changes: RuleValue?) throws(RuleError) -> RuleSet {
    precondition(params.changes.isEmpty, "changes are scheduled once")
    guard let changes else { return self }
    let expected = "a list of changes, each a mapping with name, at and overrides"
    guard case .list(let items) = changes else { throw .found(changes, expected: expected) }
    guard items.count <= Self.maxChanges else {
      throw RuleError(keyPath: "", message: "\(items.count) changes; at most \(Self.maxChanges)")
    }
    var scheduled = params
    for (index, item) in items.enumerated() {
      do throws(RuleError) {
        let era = try Self.era(from: item, after: scheduled)
        do throws(RuleError) {
          try Self.validateSplit(era.params.split, overrides: era.overrides)
        } catch { throw error.nested(under: "overrides") }
        scheduled.changes.append(era)
        // Funds are chain-wide: a change's funds pay only from its activation on.
        scheduled.funds = era.params.funds
      } catch { throw error.nested(under: "[\(index)]") }
    }
    if Self.wholeChainFailure(scheduled) != nil {
      // Name the change that breaks a proof: one whose schedule fails while the schedule
      // of the changes before it passes (the base rules passed).
      var (passes, fails) = (0, scheduled.changes.count)
      while fails - passes > 1 {
        let middle = (passes + fails) / 2
        if Self.wholeChainFailure(Self.prefix(middle, of: scheduled)) == nil { passes = middle } else { fails = middle }
      }
      if let failure = Self.wholeChainFailure(Self.prefix(fails, of: scheduled)) {
        throw failure.nested(under: "[\(fails - 1)]")
      }
    }
    scheduled.changes = scheduled.changes.map { era in
      var params = era.params
      params.funds = scheduled.funds
      return ScheduledEra(
        name: era.name, activation: era.activation, date: era.date, description: era.description,
        overrides: era.overrides, params: params)
    }
    return RuleSet(base: base, params: scheduled, overrides: overrides)
  }

  /// `scheduled` with its first `count` (≥ 1) changes and the funds they add.
  static func prefix(_ count: Int, of scheduled: ChainParams) -> ChainParams {
    var prefix = scheduled
    prefix.changes = Array(scheduled.changes.prefix(count))
    prefix.funds = scheduled.changes[count - 1].params.funds
    return prefix
  }

  /// The era of one change, scheduled after the changes `rules` already has.
  static func era(from item: RuleValue, after rules: ChainParams) throws(RuleError) -> ScheduledEra {
    let known = ["name", "at", "description", "overrides"]
    guard case .map(let fields) = item else { throw .found(item, expected: "a mapping with name, at and overrides") }
    for field in fields where !known.contains(field.key) {
      let hint = Suggestion.closest(to: field.key, among: known).map { "; did you mean '\($0)'?" } ?? ""
      throw RuleError(
        keyPath: field.key, message: "unknown key; expected one of \(known.joined(separator: ", "))\(hint)")
    }
    func field(_ key: String) throws(RuleError) -> RuleValue {
      guard let value = fields.first(where: { $0.key == key })?.value else {
        throw RuleError(keyPath: key, message: "missing; a change needs name, at and overrides")
      }
      return value
    }
    let name = try changeName(try field("name"), taken: rules.changes.map(\.name))
    let (activation, date) = try activationHeight(try field("at"), after: rules)
    var description: String?
    if fields.contains(where: { $0.key == "description" }) {
      description = try field("description").text(expected: "a line of text")
    }
    let before = rules.rules(at: activation)
    let overridesValue = try field("overrides")
    guard case .map(let overrideFields) = overridesValue else {
      throw RuleError.found(overridesValue, expected: "a mapping of rule keys to values").nested(under: "overrides")
    }
    var overrides: [RuleField] = []
    do throws(RuleError) {
      try flatten(overrideFields, prefix: "", into: &overrides)
    } catch { throw error.nested(under: "overrides") }
    var params = before
    var instructions: [ChangeInstruction] = []
    for override in overrides {
      do throws(RuleError) {
        try apply(override, at: activation, before: before, to: &params, instructions: &instructions)
      } catch { throw error.nested(under: "overrides") }
    }
    if overrides.contains(where: { $0.key == "subsidy.pon_further_reductions" }),
      overrides.contains(where: { $0.key == "subsidy.pon_max_reductions" })
    {
      throw RuleError(
        keyPath: "overrides.subsidy.pon_further_reductions",
        message: "excludes subsidy.pon_max_reductions in the same change: one counts the reductions from the "
          + "change on, the other those since PoN start")
    }
    do throws(RuleError) {
      try resumePonSubsidy(at: activation, before: before, into: &params, instructions: instructions)
    } catch { throw error.nested(under: "overrides") }
    return ScheduledEra(
      name: name, activation: activation, date: date, description: description, overrides: overrides,
      params: params)
  }

  /// A change's name: lower-case letters, digits and dashes, not used by an earlier change.
  static func changeName(_ value: RuleValue, taken: [String]) throws(RuleError) -> String {
    let expected = "lower-case letters, digits and dashes (at most \(maxChangeNameLength))"
    let name = try value.text(expected: expected)
    guard !name.isEmpty, name.count <= maxChangeNameLength,
      name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    else { throw RuleError.found(value, expected: expected).nested(under: "name") }
    guard !taken.contains(name) else {
      throw RuleError(keyPath: "name", message: "\"\(name)\" names an earlier change too; names must be unique")
    }
    return name
  }

  /// The activation of `at` (`{height: H}` or `{date: D}`, exactly one) and the date it
  /// was given by: a date activates at the first block whose projected time, under the
  /// rules before this change, is at or after it. The height must come after the previous
  /// change's and lie in 1 … `ChainParams.maxHeight`.
  static func activationHeight(_ at: RuleValue, after rules: ChainParams) throws(RuleError) -> (Int, Int64?) {
    let expected = "a mapping with exactly one of height and date, e.g. {height: 3466630} or {date: 2027-03-12}"
    guard case .map(let fields) = at, fields.count == 1, let field = fields.first,
      field.key == "height" || field.key == "date"
    else {
      if case .map(let fields) = at, let unknown = fields.first(where: { $0.key != "height" && $0.key != "date" }) {
        throw RuleError(keyPath: "at.\(unknown.key)", message: "unknown key; expected \(expected)")
      }
      throw RuleError.found(at, expected: expected).nested(under: "at")
    }
    let previous = rules.changes.last?.activation ?? 0
    let height: Int
    var date: Int64?
    if field.key == "height" {
      do throws(RuleError) {
        height = try field.value.integer(
          in: 1...ChainParams.maxHeight, expected: "a block height from 1 to \(ChainParams.maxHeight)")
      } catch { throw error.nested(under: "at.height") }
    } else {
      let dateExpected = "a UTC date such as 2027-03-12 or 2027-03-12T00:00:00Z"
      guard case .scalar(let text) = field.value, let time = UTCTime.parse(text.trimmingASCIIWhitespace) else {
        throw RuleError.found(field.value, expected: dateExpected).nested(under: "at.date")
      }
      // The first block at or after a date past block 0's and up to the last block's is a
      // height 1 … maxHeight.
      let first = rules.projectedTime(at: 0)
      let last = rules.projectedTime(at: ChainParams.maxHeight)
      guard time > first, time <= last else {
        throw RuleError(
          keyPath: "at.date",
          message: "must fall after block 0 (projected at \(UTCTime.iso8601(first))) and no later than block "
            + "\(ChainParams.maxHeight) (\(UTCTime.iso8601(last))), found \(UTCTime.iso8601(time))")
      }
      height = rules.projectedHeight(atOrBefore: time - 1) + 1
      date = time
    }
    guard height > previous else {
      let given = date.map { "\(UTCTime.iso8601($0)) is block \(height)" } ?? "found \(height)"
      throw RuleError(
        keyPath: date == nil ? "at.height" : "at.date",
        message: "must come after the previous change's activation (block \(previous)): \(given)")
    }
    return (height, date)
  }

  /// Applies one override of a change at `activation` to its era's parameters, or
  /// records its instruction; `before` are the rules before the change.
  static func apply(
    _ override: RuleField, at activation: Int, before: ChainParams, to params: inout ChainParams,
    instructions: inout [ChangeInstruction]
  ) throws(RuleError) {
    guard let key = RuleOverrideKey.named(override.key) else { return }
    let era: ActivationEra
    switch key.scope {
    case .genesisOnly(let reason):
      throw RuleError(keyPath: override.key, message: "cannot change in a scheduled change: \(reason)")
    case .anywhere(let scope), .changeOnly(let scope, _):
      era = scope
    }
    if let refusal = era.refusal(at: activation, in: before) {
      throw RuleError(keyPath: override.key, message: refusal)
    }
    do throws(RuleError) {
      switch key.action {
      case .instruct(let read):
        instructions.append(try read(override.value))
      case .set(let set) where override.key == "funds":
        // A change's funds are new outputs added to those already listed.
        var added = before
        try set(&added, override.value)
        try addFunds(added.funds, at: activation, to: &params)
      case .set(let set):
        try set(&params, override.value)
      }
    } catch { throw error.nested(under: override.key) }
  }

  /// Adds a change's funds: each pays from the activation on, and the limits of
  /// `FundOutput` hold for all funds together.
  static func addFunds(_ funds: [FundOutput], at activation: Int, to params: inout ChainParams) throws(RuleError) {
    for (index, fund) in funds.enumerated() where fund.firstHeight < activation {
      throw RuleError(
        keyPath: "[\(index)].height",
        message: "a fund added by a change pays from its activation (block \(activation)) on, found \(fund.firstHeight)"
      )
    }
    let all = params.funds + funds
    guard all.count <= FundOutput.maxFunds else {
      throw RuleError(keyPath: "", message: "\(all.count) funds with the earlier ones; at most \(FundOutput.maxFunds)")
    }
    let payments = all.reduce(0) { $0 + $1.count }
    guard payments <= FundOutput.maxPayments else {
      throw RuleError(
        keyPath: "", message: "\(payments) payments in all with the earlier funds; at most \(FundOutput.maxPayments)")
    }
    params.funds = all
  }

  /// Where the era's PoN subsidy resumes, for an activation at or after PoN start.
  ///
  /// At activation a, in this order: the change's percentage, counts and interval take
  /// effect; a reduction due at a under the grid before the change happens (if the new
  /// count allows it); then the factor: S becomes ⌊S × factor⌋. Later reductions fall on
  /// the grid before the change, or every new interval from a when the change sets a
  /// different interval.
  static func resumePonSubsidy(
    at activation: Int, before: ChainParams, into params: inout ChainParams, instructions: [ChangeInstruction]
  ) throws(RuleError) {
    guard let ponStart = params.upgrades.pon, activation >= ponStart, let origin = before.ponSubsidyOrigin else {
      return
    }
    var amount = origin.amount
    var reductions = origin.reductions
    var due = false
    if activation > origin.height {
      amount = before.codeSubsidy(at: activation - 1)
      reductions = before.ponReductions(at: activation - 1) ?? 0
      due = (activation - origin.gridOrigin) % before.subsidy.ponReductionInterval == 0
    }
    for case .ponFurtherReductions(let further) in instructions {
      guard reductions + further <= SubsidyParams.maxPonReductions else {
        throw RuleError(
          keyPath: "subsidy.pon_further_reductions",
          message: "\(reductions) reductions are made by block \(activation - 1), so \(further) more would make "
            + "\(reductions + further); at most \(SubsidyParams.maxPonReductions) in all")
      }
      params.subsidy.ponMaxReductions = reductions + further
    }
    let intervalChanged = params.subsidy.ponReductionInterval != before.subsidy.ponReductionInterval
    if due, reductions < params.subsidy.ponMaxReductions {
      amount = params.subsidy.ponReductionKeep.apply(to: amount)
      reductions += 1
    }
    for case .ponFactor(let factor) in instructions {
      guard let scaled = factor.applyReportingOverflow(to: amount) else {
        throw RuleError(
          keyPath: "subsidy.pon_factor",
          message: "the PoN subsidy at block \(activation) would be \(amount) × \(factor), past the Int64 satoshi "
            + "range (\(Amount(satoshi: .max)) FLUX)")
      }
      amount = scaled
    }
    params.subsidy.ponResume = PonSubsidyOrigin(
      height: activation, amount: amount, reductions: reductions,
      gridOrigin: intervalChanged ? activation : origin.gridOrigin)
  }

  /// The first whole-chain proof `scheduled` fails, blamed on its last change's key most
  /// likely responsible, or nil: the dates of every block print and the supply fits in
  /// `Int64` satoshi in both supply modes. (Each era's split is checked as it is made.)
  static func wholeChainFailure(_ scheduled: ChainParams) -> RuleError? {
    let overrides = scheduled.changes.last?.overrides ?? []
    if scheduled.projectedTime(at: ChainParams.maxHeight) > UTCTime.latest {
      let key = blame(["pon_target_spacing", "pow_target_spacing"], overrides: overrides)
      return RuleError(
        keyPath: "overrides.\(key)",
        message: "with this change block \(ChainParams.maxHeight) would fall after \(UTCTime.iso8601(UTCTime.latest)), "
          + "the last date fluxsim prints")
    }
    for mode in SupplyMode.allCases {
      guard let height = SupplySchedule.firstOverflowHeight(of: scheduled, mode: mode) else { continue }
      // The keys that raise the supply, most likely first; else the change as a whole.
      let raising = [
        "subsidy.pon_factor", "funds", "subsidy.pow_initial", "subsidy.pon_reduction_percent",
        "subsidy.pon_further_reductions", "subsidy.pon_max_reductions", "subsidy.pon_reduction_interval",
        "subsidy.frozen_after_halvings", "subsidy.halving_interval",
      ]
      let key = raising.first { key in overrides.contains { $0.key == key } }
      return RuleError(
        keyPath: key.map { "overrides.\($0)" } ?? "at",
        message: "with this change the cumulative supply would pass the Int64 satoshi range "
          + "(\(Amount(satoshi: .max)) FLUX) at height \(height); it must fit at every height up to "
          + "\(ChainParams.maxHeight)")
    }
    return nil
  }
}
