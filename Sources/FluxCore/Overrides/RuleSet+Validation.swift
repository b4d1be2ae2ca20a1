/// Cross-field checks that no single key can make: the split's sums, keys that act only
/// while a rule another key switches off is on, the projected clock, and the supply.
///
/// Each override key reads its value within a range of its own (heights up to
/// `ChainParams.maxHeight`, spacings up to a day, amounts ≥ 0 …), but whether the chain
/// the rules describe stays inside 64 bits depends on the keys together. Rather than
/// guess a bound per key, the checks compute, with overflow-reporting arithmetic, the
/// largest figures any FluxCore function reaches at heights 0 … `ChainParams.maxHeight`:
///
/// - the cumulative supply at `maxHeight`: every amount is ≥ 0, so every prefix sum, every
///   block's subsidy and fund outputs, and every tier amount (at most the subsidy: the
///   weights sum to at most the denominator, the shares to at most 100 %) fit if it does;
/// - the projected time of heights 0 and `maxHeight`: the clock is monotonic, so every
///   block's date lies between them and must be one `UTCTime` prints.
///
/// A rule set that passes can be evaluated at every height by every function, so a
/// precondition that fails on one is a bug of FluxCore, not a mistake in the file.
extension RuleSet {
  static func validate(_ params: ChainParams, overrides: [RuleField]) throws(RuleError) {
    try validateSplit(params.split, overrides: overrides)
    try validateSwitches(params, overrides: overrides)
    try validateClock(params, overrides: overrides)
    try validateSupply(params, overrides: overrides)
  }

  /// The PoN weights sum to at most the denominator and the PoW shares to at most 100 %,
  /// so no tier is paid more than the block's subsidy.
  static func validateSplit(_ split: RewardSplitParams, overrides: [RuleField]) throws(RuleError) {
    guard split.ponWeightDenominator > .zero else {
      throw RuleError(keyPath: "split.pon_weight_denominator", message: "must be greater than 0")
    }
    let weights = split.ponTierWeights
    let (pair, overflow1) = weights.cumulus.satoshi.addingReportingOverflow(weights.nimbus.satoshi)
    let (sum, overflow2) = pair.addingReportingOverflow(weights.stratus.satoshi)
    guard !overflow1, !overflow2, sum <= split.ponWeightDenominator.satoshi else {
      let total =
        overflow1 || overflow2
        ? "past the Int64 satoshi range (\(Amount(satoshi: .max)) FLUX)" : "to \(Amount(satoshi: sum)) FLUX"
      throw RuleError(
        keyPath: "split.pon_tier_weights",
        message: "the weights sum \(total), more than the denominator \(split.ponWeightDenominator)")
    }
    let fractions = split.powTierFractions
    let powShare = (fractions.cumulus + fractions.nimbus + fractions.stratus) * max(1, split.fluxUpgradeMultiplier)
    guard powShare <= 1 else {
      throw RuleError(
        keyPath: blame(["split.pow_tier_percent", "split.flux_multiplier"], overrides: overrides),
        message: "the tier shares (× the FLUX multiplier) sum to \(powShare * 100) %, more than 100 %")
    }
  }

  /// Keys whose rule acts only while a rule another key can switch off (`never`) is on:
  /// each pattern is a key, or a key prefix ending in a dot.
  static let switches: [(key: String, isOn: @Sendable (ChainParams) -> Bool, dependents: [String])] = [
    (
      "upgrades.pon", { $0.upgrades.pon != nil },
      [
        "subsidy.pon_initial", "subsidy.pon_reduction_percent", "subsidy.pon_reduction_interval",
        "subsidy.pon_max_reductions", "split.pon_tier_weights", "split.pon_weight_denominator", "pon_target_spacing",
        "timers.pon.", "difficulty.pon_limit", "difficulty.pon_start_limit", "difficulty.pon_window",
      ]
    ),
    ("upgrades.flux", { $0.upgrades.flux != nil }, ["split.flux_multiplier", "timers.flux."]),
    ("upgrades.collateral_halving", { $0.upgrades.collateralHalving != nil }, ["timers.collateral_halving."]),
    ("subsidy.premine_height", { $0.subsidy.premineHeight != nil }, ["subsidy.premine"]),
    (
      "split.node_payments_start", { $0.split.nodePaymentsStartHeight != nil },
      ["split.pow_tier_percent", "split.flux_multiplier"]
    ),
  ]

  /// An override of a rule that is switched off would be silently ignored: refused.
  static func validateSwitches(_ params: ChainParams, overrides: [RuleField]) throws(RuleError) {
    for (key, isOn, dependents) in switches where !isOn(params) {
      let ignored = overrides.first { field in
        dependents.contains { $0.hasSuffix(".") ? field.key.hasPrefix($0) : field.key == $0 }
      }
      if let ignored {
        throw RuleError(
          keyPath: ignored.key, message: "has no effect while \(key) is never; remove it or give \(key) a height")
      }
    }
  }

  /// Every projected date, from block 0 to `ChainParams.maxHeight`, must be one
  /// `UTCTime` prints (years 1 … 99,999).
  ///
  /// The arithmetic cannot overflow here: the anchor is a date of years 1 … 9999 and each
  /// of at most 2^31 blocks adds at most a day.
  static func validateClock(_ params: ChainParams, overrides: [RuleField]) throws(RuleError) {
    let anchor = params.timeAnchor
    for (height, early) in [(0, true), (ChainParams.maxHeight, false)] {
      let time = params.projectedTime(at: height)
      guard early ? time < UTCTime.earliest : time > UTCTime.latest else { continue }
      // The spacing that covers most of the distance to the anchor is the likelier cause.
      let (from, to) = (min(height, anchor.height), max(height, anchor.height))
      let ponStart = params.upgrades.pon ?? Int.max
      let powBlocks = max(0, min(to, ponStart - 1) - from)
      let powSeconds = Int64(powBlocks) * params.powTargetSpacing
      let ponSeconds = Int64(to - from - powBlocks) * params.ponTargetSpacing
      let spacings = ["pow_target_spacing", "pon_target_spacing"]
      let key = blame(
        (powSeconds >= ponSeconds ? spacings : spacings.reversed()) + ["time_anchor.height", "time_anchor.time"],
        overrides: overrides)
      let era =
        params.upgrades.pon == nil
        ? "\(params.powTargetSpacing)s a block"
        : "\(params.powTargetSpacing)s a block before PoN and \(params.ponTargetSpacing)s from it"
      let bound =
        early
        ? "before \(UTCTime.iso8601(UTCTime.earliest)), the first"
        : "after \(UTCTime.iso8601(UTCTime.latest)), the last"
      throw RuleError(
        keyPath: key,
        message: "dates are projected from block \(anchor.height) at \(UTCTime.iso8601(anchor.time)), \(era), "
          + "so block \(height) would fall \(bound) date fluxsim prints")
    }
  }

  /// The cumulative supply through `ChainParams.maxHeight` must fit in `Int64` satoshi.
  ///
  /// Only code mode is computed: observed mode pays each slow-start block the code subsidy
  /// of the block before it, so at every height its supply is code mode's less one block's
  /// subsidy (which is ≥ 0), and it fits whenever code mode's does.
  static func validateSupply(_ params: ChainParams, overrides: [RuleField]) throws(RuleError) {
    guard let height = SupplySchedule.firstOverflowHeight(of: params, mode: .code) else { return }
    // The amount that contributes most by then, roughly (doubles cannot overflow).
    let s = params.subsidy
    let ponStart = params.upgrades.pon ?? Int.max
    let contributions: [(String, Double)] = [
      ("subsidy.premine", s.premineHeight.map { $0 <= height } == true ? Double(s.premine.satoshi) : 0),
      ("subsidy.pow_initial", Double(s.powInitialSubsidy.satoshi) * Double(max(0, min(height, ponStart - 1)))),
      ("subsidy.pon_initial", Double(s.ponInitialSubsidy.satoshi) * Double(max(0, height - ponStart + 1))),
      ("funds", params.funds.reduce(0) { $0 + Double($1.amount.satoshi) * Double($1.paymentsThrough(height)) }),
    ]
    let key = blame(contributions.sorted { $0.1 > $1.1 }.map(\.0), overrides: overrides)
    throw RuleError(
      keyPath: key,
      message: "the cumulative supply would pass the Int64 satoshi range (\(Amount(satoshi: .max)) FLUX) "
        + "at height \(height); it must fit at every height up to \(ChainParams.maxHeight)")
  }

  /// The first of `candidates` (most likely first) that the file overrides, else the first.
  static func blame(_ candidates: [String], overrides: [RuleField]) -> String {
    candidates.first { key in overrides.contains { $0.key == key } } ?? candidates[0]
  }
}
