import Testing

@testable import FluxCore

/// The bounds of the override keys and of the rule set as a whole: the largest accepted
/// value works and gives the exact result derived here; one past it is refused, naming
/// the key.
@Suite struct RuleSetLimitsTests {
  let maxHeight = ChainParams.maxHeight

  func rules(_ fields: [(String, String)]) throws(RuleError) -> RuleSet {
    try RuleSet(base: .mainnet, overrides: .map(fields.map { RuleField(key: $0.0, value: .scalar($0.1)) }))
  }

  func error(_ fields: [(String, String)]) -> RuleError? {
    do {
      _ = try rules(fields)
      return nil
    } catch { return error }
  }

  /// `satoshi` as a FLUX amount with eight decimals, the way a file writes it.
  func flux(_ satoshi: Int64) -> String { Amount(satoshi: satoshi).description }

  // MARK: The PoN reduction

  @Test func aTinyReductionIsExactAtEveryStep() throws {
    // 0.00000001 % keeps 9,999,999,999 / 10^10. For 0 < s < 10^10, s × (10^10 − 1) / 10^10
    // = s − s / 10^10 truncates to s − 1: each reduction takes exactly one satoshi.
    let params = try rules([
      ("subsidy.pon_reduction_percent", "0.00000001"), ("subsidy.pon_reduction_interval", "1"),
      ("subsidy.pon_max_reductions", "10000"),
    ]).params
    let ponStart = 2_020_000
    for k in [0, 1, 2, 9_999, 10_000] {
      #expect(params.codeSubsidy(at: ponStart + k) == Amount(satoshi: 1_400_000_000 - Int64(k)))
    }
    #expect(params.codeSubsidy(at: maxHeight) == Amount(satoshi: 1_400_000_000 - 10_000))
    // The same step at full width, as the test's own check of the identity.
    let wide = Int64(1_400_000_000).multipliedFullWidth(by: 9_999_999_999)
    #expect(Int64(10_000_000_000).dividingFullWidth(wide).quotient == 1_399_999_999)
    // The schedule sums the ten first PoN blocks: 10 × 14 FLUX − (0 + 1 + … + 9) satoshi.
    let schedule = SupplySchedule(params: params, mode: .code)
    let tenBlocks =
      schedule.cumulativeSubsidy(through: ponStart + 9) - schedule.cumulativeSubsidy(through: ponStart - 1)
    #expect(tenBlocks == Amount(satoshi: 10 * 1_400_000_000 - 45))
    #expect(schedule.subsidy(at: ponStart + 5_000) == Amount(satoshi: 1_400_000_000 - 5_000))
  }

  @Test func percentagesAreBoundedAndExact() {
    #expect(error([("subsidy.pon_reduction_percent", "100.00000001")])?.keyPath == "subsidy.pon_reduction_percent")
    #expect(error([("subsidy.pon_reduction_percent", "0.000000001")])?.keyPath == "subsidy.pon_reduction_percent")
    let shares = RuleValue.map([
      RuleField(key: "cumulus", value: .scalar("100.00000001")), RuleField(key: "nimbus", value: .scalar("0")),
      RuleField(key: "stratus", value: .scalar("0")),
    ])
    #expect(
      throws: RuleError(
        keyPath: "split.pow_tier_percent.cumulus",
        message: "expected a percentage from 0 to 100, found \"100.00000001\"")
    ) {
      try RuleSet(base: .mainnet, overrides: .map([RuleField(key: "split.pow_tier_percent", value: shares)]))
    }
    // A full-width product: Int64.max × 9 / 10, truncated, without passing through Int64.
    #expect(
      Ratio(9, 10).apply(to: Amount(satoshi: .max)) == Amount(satoshi: Int64.max / 10 * 9 + Int64.max % 10 * 9 / 10))
  }

  @Test func shareOfAHundredPercentOfTheLargestSubsidyIsTheSubsidy() {
    // Double(Int64.max) rounds up to 2^63, where a plain conversion would trap.
    let amount = ChainParams.powTierAmount(subsidy: Amount(satoshi: .max), fraction: 1, multiplier: 1)
    #expect(amount == Amount(satoshi: .max))
    #expect(
      ChainParams.powTierAmount(subsidy: Amount(flux: 150), fraction: 0.0375, multiplier: 2)
        == Amount(satoshi: 1_125_000_000))
  }

  // MARK: Supply

  /// PoN from block 1 with one flat subsidy and no funds: the supply at `maxHeight` is
  /// that subsidy × `maxHeight`, so the largest subsidy that fits is Int64.max / maxHeight.
  @Test func largestFlatPoNSubsidyFillsTheInt64Range() throws {
    func flat(_ satoshi: Int64) throws(RuleError) -> RuleSet {
      try RuleSet(
        base: .mainnet,
        overrides: .map([
          RuleField(key: "upgrades.pon", value: .scalar("1")),
          RuleField(key: "subsidy.pon_max_reductions", value: .scalar("0")),
          RuleField(key: "subsidy.pon_initial", value: .scalar(flux(satoshi))),
          RuleField(key: "funds", value: .list([])),
        ]))
    }
    let largest = Int64.max / Int64(maxHeight)
    #expect(largest == 4_294_967_298)
    let accepted = try flat(largest)
    for mode in SupplyMode.allCases {
      let schedule = SupplySchedule(params: accepted.params, mode: mode)
      #expect(schedule.cumulativeSupply(through: maxHeight).satoshi == largest * Int64(maxHeight))
    }
    do {
      _ = try flat(largest + 1)
      Issue.record("accepted a PoN subsidy whose supply passes Int64")
    } catch {
      #expect(error.keyPath == "subsidy.pon_initial")
      // Block h has paid (largest + 1) × h satoshi: past Int64.max first at this height.
      #expect(error.message.contains("92233720368.54775807 FLUX) at height \(Int64.max / (largest + 1) + 1);"))
    }
  }

  @Test func largestFlatPoWSubsidyFillsTheInt64Range() throws {
    // Never halving (frozen after 0), no slow start, no premine, no PoN, no funds.
    let base: [RuleField] = [
      RuleField(key: "upgrades.pon", value: .scalar("never")),
      RuleField(key: "subsidy.frozen_after_halvings", value: .scalar("0")),
      // Far apart, so that the 64th halving (zero, even when frozen) never comes.
      RuleField(key: "subsidy.halving_interval", value: .scalar(String(ChainParams.maxHeight))),
      RuleField(key: "subsidy.slow_start_interval", value: .scalar("0")),
      RuleField(key: "subsidy.premine_height", value: .scalar("never")), RuleField(key: "funds", value: .list([])),
    ]
    let largest = Int64.max / Int64(maxHeight)
    let accepted = try RuleSet(
      base: .mainnet,
      overrides: .map(base + [RuleField(key: "subsidy.pow_initial", value: .scalar(flux(largest)))]))
    let schedule = SupplySchedule(params: accepted.params, mode: .code)
    #expect(schedule.cumulativeSupply(through: maxHeight).satoshi == largest * Int64(maxHeight))
    #expect(schedule.subsidy(at: maxHeight) == Amount(satoshi: largest))
    do {
      _ = try RuleSet(
        base: .mainnet,
        overrides: .map(base + [RuleField(key: "subsidy.pow_initial", value: .scalar(flux(largest + 1)))]))
      Issue.record("accepted a PoW subsidy whose supply passes Int64")
    } catch {
      #expect(error.keyPath == "subsidy.pow_initial")
      #expect(error.message.contains("at height \(Int64.max / (largest + 1) + 1);"))
    }
  }

  @Test func thePremineAloneMayFillTheRangeButNotOneSatoshiMore() throws {
    let quiet: [(String, String)] = [("subsidy.pow_initial", "0"), ("subsidy.pon_initial", "0")]
    let accepted = try RuleSet(
      base: .mainnet,
      overrides: .map(
        (quiet + [("subsidy.premine", flux(.max))]).map { RuleField(key: $0.0, value: .scalar($0.1)) }
          + [RuleField(key: "funds", value: .list([]))]))
    #expect(
      SupplySchedule(params: accepted.params, mode: .code).cumulativeSupply(through: maxHeight)
        == Amount(satoshi: .max))
    // One satoshi more does not parse; one satoshi of PoW subsidy more overflows at block 2.
    #expect(error(quiet + [("subsidy.premine", "92233720368.54775808")])?.keyPath == "subsidy.premine")
    let plusOne = try #require(
      error([("subsidy.pow_initial", "0.00000001"), ("subsidy.pon_initial", "0"), ("subsidy.premine", flux(.max))]))
    #expect(plusOne.keyPath == "subsidy.premine")
  }

  @Test func fundsThatOverflowTogetherAreRefused() throws {
    let half = (Int64.max - 1) / 2 + 1
    let funds = RuleValue.list(
      [3_000_000, 3_000_001].map { height in
        .map([
          RuleField(key: "name", value: .scalar("f\(height)")), RuleField(key: "amount", value: .scalar(flux(half))),
          RuleField(key: "height", value: .scalar(String(height))),
        ])
      })
    do {
      _ = try RuleSet(base: .mainnet, overrides: .map([RuleField(key: "funds", value: funds)]))
      Issue.record("accepted funds whose sum passes Int64")
    } catch {
      #expect(error.keyPath == "funds")
      // The first fund and the subsidies fit; the second payment passes the range.
      #expect(error.message.contains("at height 3000001;"))
    }
  }

  /// Scenarios/README.md's example of the supply bound. From the 20th reduction on, a PoN
  /// subsidy of P pays about P × 0.9^20 ≈ 0.12 P a block for over 2.1 billion blocks: at
  /// 50 FLUX about 13 billion FLUX in all, at 500 about 130 billion, past the 92 billion
  /// an Int64 of satoshi holds.
  @Test func theDocumentedExampleOfTheSupplyBound() {
    #expect(error([("subsidy.pon_initial", "50")]) == nil)
    #expect(error([("subsidy.pon_initial", "500")])?.keyPath == "subsidy.pon_initial")
  }

  @Test func aReductionIntervalAsLongAsTheChainNeverReduces() throws {
    let params = try rules([("subsidy.pon_reduction_interval", String(maxHeight))]).params
    let schedule = SupplySchedule(params: params, mode: .observed)
    #expect(schedule.subsidy(at: maxHeight) == Amount(flux: 14))
    let pon = schedule.cumulativeSupply(through: maxHeight) - schedule.cumulativeSupply(through: 2_019_999)
    #expect(pon == Amount(satoshi: 1_400_000_000 * Int64(maxHeight - 2_019_999)))
  }

  @Test func ponFromGenesisSumsBlocksFromOne() throws {
    // Block 0 pays nothing into the supply, whatever era it is in: 14 FLUX a block from 1.
    let schedule = SupplySchedule(params: try rules([("upgrades.pon", "0")]).params, mode: .code)
    #expect(schedule.cumulativeSubsidy(through: 1) == Amount(flux: 14))
    #expect(schedule.cumulativeSubsidy(through: 10) == Amount(flux: 140))
  }

  @Test func firstOverflowHeightIsExact() {
    var params = ChainParams.mainnet
    params.upgrades.pon = 1
    params.subsidy.ponMaxReductions = 0
    params.subsidy.ponInitialSubsidy = Amount(satoshi: 1 << 40)
    params.funds = []
    // 2^40 × h > 2^63 − 1 from h = 2^23.
    #expect(SupplySchedule.firstOverflowHeight(of: params, mode: .code) == 1 << 23)
    params.subsidy.ponInitialSubsidy = Amount(flux: 14)
    #expect(SupplySchedule.firstOverflowHeight(of: params, mode: .code) == nil)
  }

  // MARK: Weights, funds, windows, spacings

  @Test func weightsMayEqualButNotExceedTheDenominator() throws {
    let params = try RuleSet(
      base: .mainnet,
      overrides: .map([
        RuleField(key: "split.pon_weight_denominator", value: .scalar(flux(.max))),
        RuleField(
          key: "split.pon_tier_weights",
          value: .map([
            RuleField(key: "cumulus", value: .scalar(flux(.max))), RuleField(key: "nimbus", value: .scalar("0")),
            RuleField(key: "stratus", value: .scalar("0")),
          ])),
      ])
    ).params
    // subsidy × Int64.max / Int64.max at full width: the whole subsidy to cumulus.
    let reward = params.reward(at: 2_020_000)
    #expect(reward.tiers.cumulus == Amount(flux: 14) && reward.devFund == .zero)
    let weights = { (nimbus: String) in
      RuleValue.map([
        RuleField(key: "cumulus", value: .scalar(self.flux(.max))), RuleField(key: "nimbus", value: .scalar(nimbus)),
        RuleField(key: "stratus", value: .scalar("0")),
      ])
    }
    for nimbus in ["0.00000001", flux(.max)] {
      do {
        _ = try RuleSet(
          base: .mainnet,
          overrides: .map([
            RuleField(key: "split.pon_weight_denominator", value: .scalar(flux(.max))),
            RuleField(key: "split.pon_tier_weights", value: weights(nimbus)),
          ]))
        Issue.record("accepted weights above the denominator")
      } catch {
        #expect(error.keyPath == "split.pon_tier_weights")
      }
    }
  }

  @Test func fundCountsAndPaymentsAreBounded() throws {
    func fund(_ count: Int, height: Int = 3_000_000, interval: Int = 1) -> RuleValue {
      .map([
        RuleField(key: "name", value: .scalar("grant")), RuleField(key: "amount", value: .scalar("1")),
        RuleField(key: "height", value: .scalar(String(height))),
        RuleField(key: "count", value: .scalar(String(count))),
        RuleField(key: "interval", value: .scalar(String(interval))),
      ])
    }
    func funds(_ items: [RuleValue]) throws(RuleError) -> RuleSet {
      try RuleSet(base: .mainnet, overrides: .map([RuleField(key: "funds", value: .list(items))]))
    }
    let largest = try funds([fund(10_000)]).params
    #expect(largest.cumulativeFunds(through: maxHeight) == Amount(flux: 10_000))
    #expect(largest.cumulativeFunds(through: 3_000_000 + 4_999) == Amount(flux: 5_000))
    #expect(
      throws: RuleError(
        keyPath: "funds[0].count", message: "expected a number of payments from 1 to 10000, found \"10001\"")
    ) {
      try funds([fund(10_001)])
    }
    #expect(
      throws: RuleError(
        keyPath: "funds[0].count", message: "expected a number of payments from 1 to 10000, found \"2147483647\"")
    ) {
      try funds([fund(maxHeight)])
    }
    #expect(
      throws: RuleError(keyPath: "funds", message: "10001 payments in all; at most 10000 (the sum of the counts)")
    ) {
      try funds([fund(5_000), fund(5_001)])
    }
    #expect(throws: RuleError(keyPath: "funds", message: "101 funds; at most 100")) {
      try funds(Array(repeating: fund(1), count: 101))
    }
    _ = try funds(Array(repeating: fund(1), count: 100))
    #expect(
      throws: RuleError(
        keyPath: "funds[0].interval",
        message: "the last payment would be at height 2147483648, past 2147483647, the highest height")
    ) {
      try funds([fund(2, height: maxHeight)])
    }
  }

  @Test func windowsReadAtMostTheHistoryTheSimulatorKeeps() throws {
    for (key, largest) in [
      ("difficulty.pon_window", 64), ("difficulty.lwma_window", 63), ("difficulty.digishield_window", 53),
    ] {
      let params = try rules([(key, String(largest))]).params
      let needed = [0, 1, 100, 125_000, 250_000, 2_020_000, maxHeight].map {
        params.requiredHistoryCount(forHeight: $0)
      }
      #expect(needed.max() == DifficultyParams.maxHistory, "\(key)")
      #expect(
        error([(key, String(largest + 1))])
          == RuleError(
            keyPath: key, message: "expected a whole number of blocks from 2 to \(largest), found \"\(largest + 1)\""))
    }
  }

  @Test func slowStartAndSpacingRanges() throws {
    let slow = try rules([("subsidy.slow_start_interval", "1000000")]).params
    // 150 FLUX / 1,000,000 = 15,000 satoshi × h in the ramp's first half.
    #expect(slow.codeSubsidy(at: 400_000) == Amount(satoshi: 15_000 * 400_000))
    #expect(error([("subsidy.slow_start_interval", "1000001")])?.keyPath == "subsidy.slow_start_interval")
    for value in ["86401s", "100000000000000000d", "9223372036854775807s", "-1s"] {
      #expect(
        error([("pon_target_spacing", value)])
          == RuleError(
            keyPath: "pon_target_spacing",
            message: "expected a duration from 1s to 86400s such as 30s, 2m, 1h or 1d, found \"\(value)\""))
    }
  }

  // MARK: The clock

  /// Block 0 is 2,019,999 PoW blocks and one PoN block before the anchor at 2,020,000.
  @Test func slowestPoWSpacingKeepsBlockZeroInYearOne() throws {
    let anchor = ChainParams.mainnet.timeAnchor.time
    let largest = (anchor - 30 - UTCTime.earliest) / 2_019_999
    let params = try rules([("pow_target_spacing", "\(largest)s")]).params
    #expect(params.projectedTime(at: 0) == anchor - 30 - 2_019_999 * largest)
    #expect(params.projectedTime(at: 0) >= UTCTime.earliest)
    let refused = try #require(error([("pow_target_spacing", "\(largest + 1)s")]))
    #expect(refused.keyPath == "pow_target_spacing")
    #expect(
      refused.message.hasSuffix("so block 0 would fall before 0001-01-01T00:00:00Z, the first date fluxsim prints"))
  }

  @Test func slowestPoNSpacingKeepsTheLastBlockPrintable() throws {
    let anchor = ChainParams.mainnet.timeAnchor.time
    let largest = (UTCTime.latest - anchor) / Int64(maxHeight - 2_020_000)
    let params = try rules([("pon_target_spacing", "\(largest)s")]).params
    #expect(params.projectedTime(at: maxHeight) == anchor + Int64(maxHeight - 2_020_000) * largest)
    #expect(UTCTime.iso8601(params.projectedTime(at: maxHeight)).count == 21)
    let refused = try #require(error([("pon_target_spacing", "\(largest + 1)s")]))
    #expect(refused.keyPath == "pon_target_spacing")
    #expect(refused.message.contains("block 2147483647 would fall after 99999-12-31T23:59:59Z"))
    // A far anchor is blamed when it is what the file changed.
    #expect(error([("time_anchor.height", String(maxHeight))])?.keyPath == "time_anchor.height")
    #expect(error([("time_anchor.time", "0001-01-01")])?.keyPath == "time_anchor.time")
    #expect(error([("time_anchor.time", "0000-01-01")])?.message.hasPrefix("expected a UTC time") == true)
  }

  @Test func utcTimePrintsYearsOneTo99999AndReadsFourDigitYears() {
    #expect(UTCTime.iso8601(UTCTime.earliest) == "0001-01-01T00:00:00Z")
    #expect(UTCTime.iso8601(UTCTime.latest) == "99999-12-31T23:59:59Z")
    #expect(UTCTime.parse("0001-01-01") == UTCTime.earliest)
    #expect(UTCTime.parse("0000-12-31") == nil)
    #expect(UTCTime.parse("9999-12-31T23:59:59Z") == UTCTime.seconds(.init(year: 10_000, month: 1, day: 1)) - 1)
  }

  // MARK: Keys left without effect

  @Test func aSwitchedOffRuleTakesNoOverrides() {
    #expect(
      error([("upgrades.pon", "never"), ("subsidy.pon_initial", "20")])
        == RuleError(
          keyPath: "subsidy.pon_initial",
          message: "has no effect while upgrades.pon is never; remove it or give upgrades.pon a height"))
    #expect(error([("upgrades.pon", "never"), ("timers.pon.expiry", "7")])?.keyPath == "timers.pon.expiry")
    #expect(error([("upgrades.flux", "never"), ("split.flux_multiplier", "3")])?.keyPath == "split.flux_multiplier")
    #expect(error([("subsidy.premine_height", "never"), ("subsidy.premine", "1")])?.keyPath == "subsidy.premine")
    #expect(
      error([("upgrades.collateral_halving", "never"), ("timers.collateral_halving.expiry", "9")])?.keyPath
        == "timers.collateral_halving.expiry")
    #expect(error([("upgrades.pon", "never"), ("subsidy.pow_initial", "20")]) == nil)
  }
}
