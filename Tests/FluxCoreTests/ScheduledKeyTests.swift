import Testing

@testable import FluxCore

/// Each key a proposal needs, at the edges of its activation (a − 1, a, a + 1 and the
/// next rule change), with the expected values worked out in the test (FluxCore/README.md,
/// "Scheduled changes" §1–§10).
@Suite struct ScheduledKeyTests {
  static let coin: Int64 = 100_000_000
  static let ponStart = Schedule.ponStart
  static let year = Schedule.year
  /// The first PoN reduction, 3,071,200.
  static let firstReduction = ponStart + year

  func subsidy(_ params: ChainParams, _ height: Int) -> Int64 { params.codeSubsidy(at: height).satoshi }

  /// §1: factors above 1, zero and decimals; a factor before PoN is refused.
  @Test func factorScalesTheSubsidyFromTheActivation() throws {
    let a = 3_000_000
    for (text, numerator, denominator) in [("3/2", 3, 2), ("0.25", 1, 4), ("0", 0, 1), ("10", 10, 1)] {
      let params = try Schedule.rules([Schedule.change("f", height: a, [("subsidy.pon_factor", .scalar(text))])]).params
      let scaled = 14 * Self.coin * Int64(numerator) / Int64(denominator)
      #expect(subsidy(params, a - 1) == 14 * Self.coin)
      #expect(subsidy(params, a) == scaled, "factor \(text)")
      #expect(subsidy(params, a + 1) == scaled)
      // The next reduction continues from the scaled value.
      #expect(subsidy(params, Self.firstReduction) == scaled * 9 / 10)
    }
    // 14,000 FLUX a block (a tail of about 1,702) passes Int64 satoshi within 2^31 blocks.
    let huge = Schedule.error([Schedule.change("f", height: a, [("subsidy.pon_factor", .scalar("1000"))])])
    #expect(huge?.keyPath == "[0].overrides.subsidy.pon_factor")
    #expect(huge?.message.contains("the cumulative supply would pass the Int64 satoshi range") == true)
    for refused in ["1e300", "1001", "-1/2", "1/0", "50%", "0.123456789", "1/2/3", "half"] {
      let error = Schedule.error([Schedule.change("f", height: a, [("subsidy.pon_factor", .scalar(refused))])])
      #expect(error?.keyPath == "[0].overrides.subsidy.pon_factor", "\(refused)")
      #expect(error?.message.hasPrefix("expected a factor from 0 to 1000") == true, "\(refused)")
    }
    let early = Schedule.error([Schedule.change("f", height: 2_000_000, [("subsidy.pon_factor", .scalar("1/2"))])])
    #expect(early?.keyPath == "[0].overrides.subsidy.pon_factor")
    #expect(early?.message.contains("at or after PoN start (block 2020000)") == true)
  }

  /// §2, §5: a new percentage applies to a reduction due exactly at the activation, and
  /// the factor comes after it.
  @Test func percentageThenReductionThenFactorAtTheActivation() throws {
    let a = Self.firstReduction
    let percent = try Schedule.rules([
      Schedule.change("cut", height: a, [("subsidy.pon_reduction_percent", .scalar("20"))])
    ]).params
    #expect(subsidy(percent, a - 1) == 14 * Self.coin)
    let cut = 14 * Self.coin * 8 / 10
    #expect(cut == 1_120_000_000)
    #expect(subsidy(percent, a) == cut)
    #expect(subsidy(percent, a + 1) == cut)
    #expect(subsidy(percent, a + Self.year) == cut * 8 / 10)
    let both = try Schedule.rules([
      Schedule.change(
        "cut-and-halve", height: a,
        [("subsidy.pon_reduction_percent", .scalar("20")), ("subsidy.pon_factor", .scalar("1/2"))])
    ]).params
    #expect(subsidy(both, a) == cut / 2)
    #expect(subsidy(both, a + Self.year) == cut / 2 * 8 / 10)
  }

  /// §3: further reductions count from the activation, one due there included; a
  /// maximum in a change counts since PoN start; the two exclude each other.
  @Test func furtherAndMaximumReductions() throws {
    let a = 3_466_630
    let further = try Schedule.rules([
      Schedule.change("two-more", height: a, [("subsidy.pon_further_reductions", .scalar("2"))])
    ]).params
    let maximum = try Schedule.rules([
      Schedule.change("three-in-all", height: a, [("subsidy.pon_max_reductions", .scalar("3"))])
    ]).params
    // One reduction (3,071,200) before a, two more at 4,122,400 and 5,173,600, then flat.
    let third = Schedule.reduced(14 * Self.coin, times: 3)
    for params in [further, maximum] {
      #expect(subsidy(params, Self.ponStart + 3 * Self.year) == third)
      #expect(subsidy(params, Self.ponStart + 4 * Self.year) == third)
      #expect(params.ponReductions(at: ChainParams.maxHeight) == 3)
    }
    // A reduction due at the activation is one of the further ones; 0 further stops it.
    let none = try Schedule.rules([
      Schedule.change("stop", height: Self.firstReduction, [("subsidy.pon_further_reductions", .scalar("0"))])
    ]).params
    #expect(subsidy(none, Self.firstReduction) == 14 * Self.coin)
    #expect(subsidy(none, ChainParams.maxHeight) == 14 * Self.coin)
    let one = try Schedule.rules([
      Schedule.change("last", height: Self.firstReduction, [("subsidy.pon_further_reductions", .scalar("1"))])
    ]).params
    #expect(subsidy(one, Self.firstReduction) == Schedule.reduced(14 * Self.coin, times: 1))
    #expect(subsidy(one, ChainParams.maxHeight) == Schedule.reduced(14 * Self.coin, times: 1))
    let clash = Schedule.error([
      Schedule.change(
        "both", height: a,
        [("subsidy.pon_further_reductions", .scalar("2")), ("subsidy.pon_max_reductions", .scalar("5"))])
    ])
    #expect(clash?.keyPath == "[0].overrides.subsidy.pon_further_reductions")
    #expect(clash?.message.contains("excludes subsidy.pon_max_reductions") == true)
    let tooMany = Schedule.error([
      Schedule.change("many", height: a, [("subsidy.pon_further_reductions", .scalar("10000"))])
    ])
    #expect(tooMany?.message.contains("would make 10001; at most 10000") == true)
  }

  /// §4: a new interval counts from the activation; the old grid's reduction due at the
  /// activation still happens, and its later points do not.
  @Test func newIntervalCountsFromTheActivation() throws {
    let a = 3_466_630
    let params = try Schedule.rules([
      Schedule.change("faster", height: a, [("subsidy.pon_reduction_interval", .scalar("100000"))])
    ]).params
    let one = Schedule.reduced(14 * Self.coin, times: 1)
    #expect(subsidy(params, a) == one)
    #expect(subsidy(params, a + 99_999) == one)
    #expect(subsidy(params, a + 100_000) == Schedule.reduced(14 * Self.coin, times: 2))
    #expect(subsidy(params, a + 200_000) == Schedule.reduced(14 * Self.coin, times: 3))
    // 4,122,400 is a + 655,770: six new-grid reductions by then, none from the old grid.
    #expect(subsidy(params, Self.ponStart + 2 * Self.year) == Schedule.reduced(14 * Self.coin, times: 7))
    // Still 20 in all since PoN start: the last at a + 19 × 100,000.
    #expect(subsidy(params, a + 1_900_000) == Schedule.reduced(14 * Self.coin, times: 20))
    #expect(subsidy(params, a + 1_900_000 - 1) == Schedule.reduced(14 * Self.coin, times: 19))
    #expect(subsidy(params, ChainParams.maxHeight) == Schedule.reduced(14 * Self.coin, times: 20))
    let onGrid = try Schedule.rules([
      Schedule.change("on-grid", height: Self.firstReduction, [("subsidy.pon_reduction_interval", .scalar("500000"))])
    ]).params
    #expect(subsidy(onGrid, Self.firstReduction - 1) == 14 * Self.coin)
    #expect(subsidy(onGrid, Self.firstReduction) == one)
    #expect(subsidy(onGrid, Self.firstReduction + 499_999) == one)
    #expect(subsidy(onGrid, Self.firstReduction + 500_000) == Schedule.reduced(14 * Self.coin, times: 2))
  }

  /// §6: the PoN split from the activation, the dev fund taking the remainder.
  @Test func tierWeightsFromTheActivation() throws {
    let a = 3_466_630
    let params = try Schedule.rules([
      Schedule.change(
        "stratus-more", height: a,
        [("split.pon_tier_weights", Schedule.tiers("1", "3", "9.5")), ("split.pon_weight_denominator", .scalar("14"))])
    ]).params
    let s = Schedule.reduced(14 * Self.coin, times: 1)
    #expect(params.reward(at: a - 1) == ChainParams.mainnet.reward(at: a - 1))
    for height in [a, a + 1] {
      let reward = params.reward(at: height)
      #expect(reward.tiers.cumulus.satoshi == s * 1 / 14)
      #expect(reward.tiers.nimbus.satoshi == s * 3 / 14)
      #expect(reward.tiers.stratus.satoshi == s * 95 / 140)
      #expect(reward.devFund.satoshi == s - s * 1 / 14 - s * 3 / 14 - s * 95 / 140)
    }
    #expect(
      params.splitEra(at: a)
        == .proofOfNode(
          weights: TierValues(cumulus: Amount(flux: 1), nimbus: Amount(flux: 3), stratus: Amount(satoshi: 950_000_000)),
          denominator: Amount(flux: 14)))
    let over = Schedule.error([
      Schedule.change("over", height: a, [("split.pon_tier_weights", Schedule.tiers("5", "5", "5"))])
    ])
    #expect(over?.keyPath == "[0].overrides.split.pon_tier_weights")
  }

  /// §7: a change's funds are added and pay from the activation; the limits count all.
  @Test func fundsAreAddedFromTheActivation() throws {
    let a = 3_000_000
    let params = try Schedule.rules([
      Schedule.change(
        "grant", height: a,
        [("funds", .list([Schedule.fund("grant", amount: "1000", height: a + 10, count: 3, interval: 5)]))])
    ]).params
    #expect(params.funds.count == ChainParams.mainnet.funds.count + 1)
    #expect(params.fundAmount(at: a + 9) == .zero)
    #expect(params.fundAmount(at: a + 10) == Amount(flux: 1_000))
    #expect(params.fundAmount(at: a + 15) == Amount(flux: 1_000))
    #expect(params.fundAmount(at: a + 20) == Amount(flux: 1_000))
    #expect(params.fundAmount(at: a + 25) == .zero)
    #expect(
      params.cumulativeFunds(through: a + 30) == ChainParams.mainnet.cumulativeFunds(through: a + 30)
        + Amount(flux: 3_000))
    let early = Schedule.error([
      Schedule.change("early", height: a, [("funds", .list([Schedule.fund("g", amount: "1", height: a - 1)]))])
    ])
    #expect(early?.keyPath == "[0].overrides.funds[0].height")
    #expect(early?.message.contains("pays from its activation (block 3000000) on, found 2999999") == true)
    // Mainnet's 12 payments plus 9,989 more pass 10,000.
    let many = Schedule.error([
      Schedule.change(
        "many", height: a, [("funds", .list([Schedule.fund("g", amount: "1", height: a, count: 9_989, interval: 1)]))])
    ])
    #expect(many?.keyPath == "[0].overrides.funds")
    #expect(many?.message == "10001 payments in all with the earlier funds; at most 10000")
  }

  /// §8: a new expiry applies, block by block, from the activation; timers of another era
  /// are refused.
  @Test func timersFromTheActivation() throws {
    let a = 3_000_000
    let params = try Schedule.rules([
      Schedule.change(
        "short", height: a, [("timers.pon.expiry", .scalar("100")), ("timers.pon.start_confirm_window", .scalar("50"))])
    ]).params
    #expect(params.nodeTimers(at: a - 1).expiry == 640)
    #expect(params.nodeTimers(at: a).expiry == 100)
    // Confirmed at a − 50: under 640 it would go at a + 591; from a the test is
    // lastConfirm < h − 100, first true at h = a − 50 + 101 = a + 51.
    #expect(params.expiryHeight(lastConfirm: a - 50) == a + 51)
    // Confirmed at a − 200: lastConfirm < a − 100 already holds at a, so it goes at a.
    #expect(params.expiryHeight(lastConfirm: a - 200) == a)
    // Confirmed at a − 700: expired before a, at a − 700 + 641.
    #expect(params.expiryHeight(lastConfirm: a - 700) == a - 59)
    #expect(params.initialConfirmDeadline(startHeight: a - 1) == a - 1 + 240)
    #expect(params.initialConfirmDeadline(startHeight: a) == a + 50)
    let pow = try Schedule.rules([
      Schedule.change("pow", height: 1_500_000, [("timers.collateral_halving.expiry", .scalar("200"))])
    ]).params
    #expect(pow.nodeTimers(at: 1_499_999).expiry == 160)
    #expect(pow.nodeTimers(at: 1_500_000).expiry == 200)
    #expect(pow.nodeTimers(at: Self.ponStart).expiry == 640)
    let wrongEra = Schedule.error([
      Schedule.change("late", height: a, [("timers.collateral_halving.expiry", .scalar("200"))])
    ])
    #expect(wrongEra?.keyPath == "[0].overrides.timers.collateral_halving.expiry")
    #expect(
      wrongEra?.message
        == "sets the node timers of the collateral_halving era (blocks 1076532 … 2019999): the change must "
        + "activate inside it, found 3000000")
  }

  /// §9: the collateral of new STARTs from the activation; nodes are never expired for it.
  @Test func startAmountFromTheActivation() throws {
    let a = 3_000_000
    let params = try Schedule.rules([
      Schedule.change(
        "cheaper", height: a,
        [
          ("collateral.start_amount", Schedule.tiers("500", "6000", "20000")),
          ("collateral.min_confirmations", .scalar("10")),
        ])
    ]).params
    #expect(params.validCollaterals(for: .cumulus, at: a - 1) == [Amount(flux: 1_000)])
    #expect(params.validCollaterals(for: .cumulus, at: a) == [Amount(flux: 500)])
    #expect(params.tier(forCollateral: Amount(flux: 20_000), at: a + 1) == .stratus)
    #expect(params.tier(forCollateral: Amount(flux: 40_000), at: a + 1) == nil)
    #expect(!params.mustExpireForCollateral(tier: .stratus, amount: Amount(flux: 40_000), at: a + 1))
    #expect(!params.isCollateralMature(coinHeight: a - 50, at: a - 1))
    #expect(params.isCollateralMature(coinHeight: a - 10, at: a))
    let during = Schedule.error([
      Schedule.change("during", height: 1_090_000, [("collateral.start_amount", Schedule.tiers("1", "1", "1"))])
    ])
    #expect(during?.keyPath == "[0].overrides.collateral.start_amount")
    #expect(during?.message.contains("must activate at or after 1097422") == true)
    let topLevel = #expect(throws: RuleError.self) {
      try RuleSet(
        base: .mainnet,
        overrides: .map([RuleField(key: "collateral.start_amount", value: Schedule.tiers("1", "1", "1"))]))
    }
    #expect(topLevel?.message.contains("acts only in a scheduled change") == true)
  }

  /// §10: a PoN spacing from the activation moves the clock and the PoN difficulty
  /// rule's timespan; a PoW spacing (testnet, whose clock is anchored at genesis) too.
  @Test func spacingFromTheActivation() throws {
    let a = 3_000_000
    let params = try Schedule.rules([Schedule.change("slower", height: a, [("pon_target_spacing", .scalar("60s"))])])
      .params
    let mainnet = ChainParams.mainnet
    #expect(params.projectedTime(at: a - 1) == mainnet.projectedTime(at: a - 1))
    #expect(params.projectedTime(at: a) - params.projectedTime(at: a - 1) == 60)
    #expect(params.projectedTime(at: a + 10) == mainnet.projectedTime(at: a - 1) + 11 * 60)
    #expect(params.projectedHeight(atOrBefore: params.projectedTime(at: a + 10) + 59) == a + 10)
    #expect(params.targetSpacing(at: a - 1) == 30 && params.targetSpacing(at: a) == 60)
    #expect(params.ponDifficultyRule(at: a - 1).targetTimespan == 29 * 30)
    #expect(params.ponDifficultyRule(at: a).targetTimespan == 29 * 60)
    let atAnchor = Schedule.error([
      Schedule.change("anchor", height: Self.ponStart, [("pon_target_spacing", .scalar("60s"))])
    ])
    #expect(atAnchor?.keyPath == "[0].overrides.pon_target_spacing")
    #expect(atAnchor?.message.contains("anchored at block 2020000") == true)
    let pow = try Schedule.rules(
      [Schedule.change("fast-pow", height: 500, [("pow_target_spacing", .scalar("30s"))])], base: .testnet
    ).params
    #expect(pow.projectedTime(at: 499) - pow.projectedTime(at: 498) == 60)
    #expect(pow.projectedTime(at: 500) - pow.projectedTime(at: 499) == 30)
    #expect(pow.projectedTime(at: 800) - pow.projectedTime(at: 799) == 30)
    let powUnderPoN = Schedule.error(
      [Schedule.change("late", height: 900, [("pow_target_spacing", .scalar("30s"))])], base: .testnet)
    #expect(powUnderPoN?.message.contains("sets a PoW rule, which has no effect from PoN start (block 800)") == true)
  }

  /// Three changes stack: each starts from the rules as the earlier ones left them.
  @Test func threeChangesStack() throws {
    let params = try Schedule.rules([
      Schedule.change("cut", height: 2_500_000, [("subsidy.pon_reduction_percent", .scalar("20"))]),
      Schedule.change("halve", height: 3_500_000, [("subsidy.pon_factor", .scalar("1/2"))]),
      Schedule.change("one-more", height: 4_000_000, [("subsidy.pon_further_reductions", .scalar("1"))]),
    ]).params
    let fourteen = 14 * Self.coin
    #expect(subsidy(params, 2_499_999) == fourteen)
    #expect(subsidy(params, 2_500_000) == fourteen)
    // 3,071,200 under the first change's 20 %.
    let cut = fourteen * 8 / 10
    #expect(subsidy(params, Self.firstReduction) == cut)
    #expect(subsidy(params, 3_499_999) == cut)
    #expect(subsidy(params, 3_500_000) == cut / 2)
    #expect(subsidy(params, 3_999_999) == cut / 2)
    #expect(subsidy(params, 4_000_000) == cut / 2)
    // The one further reduction at 4,122,400, still at 20 %, then flat.
    #expect(subsidy(params, 4_122_399) == cut / 2)
    #expect(subsidy(params, 4_122_400) == cut / 2 * 8 / 10)
    #expect(subsidy(params, ChainParams.maxHeight) == cut / 2 * 8 / 10)
    #expect(params.eraIndex(at: 2_499_999) == nil)
    #expect(params.eraIndex(at: 3_500_000) == 1)
    #expect(params.rules(at: 4_000_000).subsidy.ponReductionKeep == Ratio(8, 10))
    #expect(params.activationHeights == [2_500_000, 3_500_000, 4_000_000])
  }
}
