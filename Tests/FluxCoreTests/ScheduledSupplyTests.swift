import Testing

@testable import FluxCore

/// A scheduled change leaves the chain before its activation exactly as the base rules
/// have it, and the whitepaper's halving proposal pays what its own arithmetic says.
@Suite struct ScheduledSupplyTests {
  static let mainnet = ChainParams.mainnet

  /// Activations across the PoW and PoN eras: the slow start's halves and end, node
  /// payments, the halvings, the FLUX upgrade and funds, PoN start and its reductions.
  static let activations = [
    1, 2, 3, 2_499, 2_500, 4_999, 5_000, 100_000, 560_000, 657_850, 835_554, 836_274, 837_715, 1_313_200,
    2_019_999, 2_020_000, 2_020_001, 3_071_199, 3_071_200, 3_466_630, 23_044_000, 100_000_000,
  ]

  /// A change that pays differently from its activation on, whatever its era.
  static func proposal(at height: Int) throws -> RuleSet {
    let overrides: [(String, RuleValue)] =
      height >= Schedule.ponStart
      ? [("subsidy.pon_factor", .scalar("1/2")), ("split.pon_tier_weights", Schedule.tiers("2", "3.5", "8"))]
      : [("subsidy.pow_initial", .scalar("300")), ("split.pow_tier_percent", Schedule.tiers("5", "5", "5"))]
    return try Schedule.rules([Schedule.change("p", height: height, overrides)])
  }

  /// Below every activation of the sweep, cumulative supply, subsidy and split equal
  /// mainnet's at every height of a dense set (a grid, every base stretch edge ± 1, and the
  /// blocks just below the activation), in both supply modes; from the activation on the
  /// chain differs.
  @Test(arguments: activations)
  func supplyIsMainnetsBeforeTheActivation(activation: Int) throws {
    let rules = try Self.proposal(at: activation)
    for mode in SupplyMode.allCases {
      let base = SupplySchedule(params: Self.mainnet, mode: mode)
      let scheduled = SupplySchedule(params: rules.params, mode: mode)
      var heights = Set(stride(from: 0, to: activation, by: max(1, activation / 500)))
      for edge in base.subsidyChangeHeights where edge < activation { heights.formUnion([edge - 1, edge, edge + 1]) }
      heights.formUnion((1...3).map { activation - $0 })
      for height in heights where (0..<activation).contains(height) {
        #expect(scheduled.cumulativeSupply(through: height) == base.cumulativeSupply(through: height), "\(height)")
        #expect(rules.params.reward(at: height, mode: mode) == Self.mainnet.reward(at: height, mode: mode))
        #expect(scheduled.reward(at: height) == base.reward(at: height))
        #expect(rules.params.projectedTime(at: height) == Self.mainnet.projectedTime(at: height))
      }
      let end = ChainParams.maxHeight
      #expect(scheduled.cumulativeSupply(through: end) != base.cumulativeSupply(through: end))
    }
  }

  /// flux-rules.md §2.5: from 3,466,630 the PoN subsidy is halved and the yearly 10 %
  /// reductions continue from the halved value, 20 in all since PoN start.
  @Test func parallelAssetDepletionHalving() throws {
    let rules = try Schedule.rules([
      Schedule.change("pa-depletion-halving", height: 3_466_630, [("subsidy.pon_factor", .scalar("1/2"))])
    ])
    let params = rules.params
    // 14 FLUX at PoN start, one 10 % reduction at 2,020,000 + 1,051,200 = 3,071,200.
    let first: Int64 = 14 * 100_000_000 * 9 / 10
    #expect(first == 1_260_000_000)
    #expect(params.codeSubsidy(at: 3_466_629).satoshi == first)
    let halved = first / 2
    #expect(halved == 630_000_000)
    #expect(params.codeSubsidy(at: 3_466_630).satoshi == halved)
    #expect(params.codeSubsidy(at: 3_466_631).satoshi == halved)
    // Reductions 2 … 20 at 2,020,000 + n × 1,051,200, each from the halved line.
    var expected = halved
    for n in 2...20 {
      let height = Schedule.ponStart + n * Schedule.year
      #expect(params.codeSubsidy(at: height - 1).satoshi == expected, "before reduction \(n)")
      expected = expected * 9 / 10
      #expect(params.codeSubsidy(at: height).satoshi == expected, "reduction \(n) at \(height)")
      #expect(params.ponReductions(at: height) == n)
    }
    #expect(Schedule.ponStart + 20 * Schedule.year == 23_044_000)
    // The tail: flat after the 20th reduction, ≈ 0.851 FLUX (flux-rules.md §2.5).
    #expect(expected == 85_103_655)
    for height in [23_044_000, 24_095_200, 50_000_000, ChainParams.maxHeight] {
      #expect(params.codeSubsidy(at: height).satoshi == expected)
    }
    // The split follows the subsidy: 6.3 × 9 / 14 = 4.05 to Stratus, the rest as before.
    let reward = params.reward(at: 3_466_630)
    #expect(reward.tiers.stratus.satoshi == halved * 9 / 14)
    #expect(reward.devFund.satoshi == halved - halved * 1 / 14 - halved * 35 / 140 - halved * 9 / 14)
    // Supply: the same through 3,466,629, then 6.3 less each block than mainnet's 12.6.
    let base = SupplySchedule(params: Self.mainnet, mode: .observed)
    let scheduled = SupplySchedule(params: params, mode: .observed)
    #expect(scheduled.cumulativeSupply(through: 3_466_629) == base.cumulativeSupply(through: 3_466_629))
    let gap = base.cumulativeSupply(through: 4_000_000) - scheduled.cumulativeSupply(through: 4_000_000)
    #expect(gap.satoshi == Int64(4_000_000 - 3_466_630 + 1) * (first - halved))
    // The emission table's events: the change, and the reductions keep their numbers.
    let events = scheduled.ruleChangeEvents(through: 5_200_000)
    #expect(events.contains(EmissionEvent(height: 3_466_630, label: "change: pa-depletion-halving")))
    #expect(events.contains(EmissionEvent(height: 4_122_400, label: "PoN reduction 2")))
    #expect(events.contains(EmissionEvent(height: 5_173_600, label: "PoN reduction 3")))
    #expect(events.filter { $0.label.hasPrefix("PoN reduction") }.count == 3)
  }

  /// A PoW-era and a PoN-era change that set every key they may hold to the value in
  /// force: nothing differs at any height.
  @Test func changesBackToTheBaseValuesAreNoOps() throws {
    let rules = try Schedule.rules(Self.noOpChanges)
    #expect(rules.params.changes.count == 2)
    let params = rules.params
    for mode in SupplyMode.allCases {
      let base = SupplySchedule(params: Self.mainnet, mode: mode)
      let scheduled = SupplySchedule(params: params, mode: mode)
      var heights = Set(stride(from: 0, through: ChainParams.maxHeight, by: 997_331))
      for edge in base.subsidyChangeHeights + scheduled.subsidyChangeHeights {
        heights.formUnion([edge - 1, edge, edge + 1])
      }
      for height in heights where (0...ChainParams.maxHeight).contains(height) {
        #expect(scheduled.cumulativeSupply(through: height) == base.cumulativeSupply(through: height))
        #expect(params.reward(at: height, mode: mode) == Self.mainnet.reward(at: height, mode: mode))
        #expect(params.projectedTime(at: height) == Self.mainnet.projectedTime(at: height))
        #expect(params.nodeTimers(at: height) == Self.mainnet.nodeTimers(at: height))
        #expect(params.expiryHeight(lastConfirm: height) == Self.mainnet.expiryHeight(lastConfirm: height))
        #expect(
          params.validCollaterals(for: .nimbus, at: height) == Self.mainnet.validCollaterals(for: .nimbus, at: height))
        #expect(params.ponDifficultyRule(at: height) == Self.mainnet.ponDifficultyRule)
      }
    }
  }

  /// Every key a PoW-era change (at 1,500,000) and a PoN-era change (at 3,466,630) may
  /// set on mainnet, each set to mainnet's value (`pow_target_spacing` may not change
  /// before the clock's anchor at PoN start; `collateral.start_amount` has no base value).
  static let noOpChanges: [RuleValue] = [
    Schedule.change(
      "pow-as-is", height: 1_500_000,
      [
        ("subsidy.pow_initial", .scalar("150")),
        ("subsidy.halving_interval", .scalar("655350")), ("subsidy.frozen_after_halvings", .scalar("2")),
        ("split.pow_tier_percent", Schedule.tiers("3.75", "6.25", "15")), ("split.flux_multiplier", .scalar("2")),
        ("funds", .list([])), ("collateral.min_confirmations", .scalar("100")),
        ("timers.collateral_halving.start_confirm_window", .scalar("60")),
        ("timers.collateral_halving.dos_duration", .scalar("180")),
        ("timers.collateral_halving.min_confirm_interval", .scalar("120")),
        ("timers.collateral_halving.expiry", .scalar("160")),
        ("difficulty.pow_limit", .scalar("0007" + String(repeating: "f", count: 60))),
      ]),
    Schedule.change(
      "pon-as-is", height: 3_466_630,
      [
        ("pon_target_spacing", .scalar("30s")), ("subsidy.pon_factor", .scalar("1")),
        ("subsidy.pon_reduction_percent", .scalar("10")), ("subsidy.pon_reduction_interval", .scalar("1051200")),
        ("subsidy.pon_max_reductions", .scalar("20")), ("split.pon_tier_weights", Schedule.tiers("1", "3.5", "9")),
        ("split.pon_weight_denominator", .scalar("14")), ("funds", .list([])),
        ("collateral.min_confirmations", .scalar("100")), ("timers.pon.start_confirm_window", .scalar("240")),
        ("timers.pon.dos_duration", .scalar("720")), ("timers.pon.min_confirm_interval", .scalar("500")),
        ("timers.pon.expiry", .scalar("640")),
        ("difficulty.pon_limit", .scalar("0" + String(repeating: "f", count: 63))),
      ]),
  ]
}
