import Testing

@testable import FluxCore

/// flux-rules.md §2.3: closed-form cumulative supply equals the per-block sum.
@Suite struct SupplyScheduleTests {
  let code = SupplySchedule(params: .mainnet, mode: .code)
  let observed = SupplySchedule(params: .mainnet, mode: .observed)

  /// Σ subsidy(k) for k in `range`, block by block: the definition the schedule must match.
  func loopSum(_ params: ChainParams, _ mode: SupplyMode, _ range: ClosedRange<Int>) -> Int64 {
    range.reduce(0) { $0 + params.subsidy(at: $1, mode: mode).satoshi }
  }

  @Test func firstBlocksByHand() {
    // Code: 13,020,000 premine at 1, then 0.06, 0.09 … (3,000,000 sat × h).
    #expect(code.cumulativeSubsidy(through: 0) == .zero)
    #expect(code.cumulativeSubsidy(through: 1) == Amount(flux: 13_020_000))
    #expect(code.cumulativeSubsidy(through: 3) == Amount(satoshi: 1_302_000_000_000_000 + 6_000_000 + 9_000_000))
    // Observed: block 1 pays 0, block 2 the premine, block 3 pays code(2).
    #expect(observed.cumulativeSubsidy(through: 1) == .zero)
    #expect(observed.cumulativeSubsidy(through: 3) == Amount(satoshi: 1_302_000_000_000_000 + 6_000_000))
  }

  @Test func slowStartExactly() {
    // Code, heights 2 … 2,499 pay 3,000,000·h; 2,500 … 4,999 pay 3,000,000·(h+1).
    // Σ_{2}^{2499} h = 2499·2500/2 − 1 = 3,123,749; Σ_{2501}^{5000} h = 9,376,250.
    let slowStart = Int64(3_000_000) * (3_123_749 + 9_376_250)
    #expect(code.cumulativeSubsidy(through: 4_999).satoshi == 1_302_000_000_000_000 + slowStart)
    #expect(loopSum(.mainnet, .code, 1...4_999) == 1_302_000_000_000_000 + slowStart)
  }

  @Test func observedMinusCodeIsMinus150FromBlock4999On() {
    // Observed drops code(4,999) = 150 FLUX and adds code(0) = 0.
    var state: UInt64 = 3
    let heights =
      [4_999, 5_000, 657_850, 2_020_000, 23_044_000, 40_000_000]
      + (0..<500).map { _ in 4_999 + Int(splitMix64(&state) % 40_000_000) }
    for height in heights {
      #expect(observed.cumulativeSupply(through: height) - code.cumulativeSupply(through: height) == -Amount(flux: 150))
    }
  }

  @Test func matchesPerBlockSumOnRandomShortRanges() {
    var state: UInt64 = 5
    // Ranges straddling every change height, plus random ones.
    var starts = code.subsidyChangeHeights.flatMap { [$0 - 3, $0 - 1] } + observed.subsidyChangeHeights.map { $0 - 2 }
    starts += (0..<300).map { _ in Int(splitMix64(&state) % 40_000_000) }
    for start in starts where start >= 0 {
      let end = start + 1 + Int(splitMix64(&state) % 2_000)
      for (schedule, mode) in [(code, SupplyMode.code), (observed, .observed)] {
        let closed = schedule.cumulativeSubsidy(through: end) - schedule.cumulativeSubsidy(through: start - 1)
        #expect(closed.satoshi == loopSum(.mainnet, mode, max(1, start)...max(1, end)))
      }
    }
  }

  @Test func matchesPerBlockSumOverTheWholeSlowStart() {
    #expect(observed.cumulativeSubsidy(through: 6_000).satoshi == loopSum(.mainnet, .observed, 1...6_000))
    #expect(code.cumulativeSubsidy(through: 6_000).satoshi == loopSum(.mainnet, .code, 1...6_000))
  }

  @Test func fundsAreAddedOnceEach() {
    // Before the exchange fund, supply is the subsidies alone; after the last swap
    // payment the funds add 7.5 M + 2.5 M + 10 × 22 M = 230 M FLUX.
    #expect(code.cumulativeSupply(through: 836_273) == code.cumulativeSubsidy(through: 836_273))
    #expect(
      code.cumulativeSupply(through: 836_274) - code.cumulativeSubsidy(through: 836_274) == Amount(flux: 7_500_000))
    #expect(
      code.cumulativeSupply(through: 1_032_114) - code.cumulativeSubsidy(through: 1_032_114)
        == Amount(flux: 230_000_000))
    #expect(
      code.cumulativeSupply(through: 1_032_113) - code.cumulativeSubsidy(through: 1_032_113)
        == Amount(flux: 208_000_000))
  }

  @Test func tailIssuanceIsFlatAfterTheLastReduction() {
    // 1.70207313 × 1,051,200 = 1,789,219.274256 FLUX per PoN year after year 20 (§2.1).
    let year = 1_051_200
    let a = code.cumulativeSupply(through: 23_044_000 + year - 1)
    let b = code.cumulativeSupply(through: 23_044_000 - 1)
    #expect(a - b == Amount(satoshi: 178_921_927_425_600))
  }

  @Test func supplyAtPoNStartByHand() {
    // Σ PoW subsidies (code): premine + slow start (above) + 150 × (657,850 − 5,000)
    // + 75 × (1,313,200 − 657,850) + 37.5 × (2,020,000 − 1,313,200), plus 230 M of funds.
    let slowStart: Int64 = 1_302_000_000_000_000 + 3_000_000 * (3_123_749 + 9_376_250)
    let pow = slowStart + 15_000_000_000 * 652_850 + 7_500_000_000 * 655_350 + 3_750_000_000 * 706_800
    #expect(code.cumulativeSupply(through: 2_019_999).satoshi == pow + 23_000_000_000_000_000)
  }

  @Test func overridesThatChangeNothingGiveIdenticalSchedules() throws {
    let same = try RuleSet(
      base: .mainnet,
      overrides: .map([
        RuleField(key: "subsidy.pon_reduction_percent", value: .scalar("10")),
        RuleField(key: "upgrades.pon", value: .scalar("2020000")),
        RuleField(key: "pon_target_spacing", value: .scalar("30s")),
        RuleField(key: "subsidy.frozen_after_halvings", value: .scalar("2")),
      ]))
    #expect(same.params == ChainParams.mainnet)
    let schedule = SupplySchedule(params: same.params, mode: .observed)
    var state: UInt64 = 9
    for _ in 0..<1_000 {
      let height = Int(splitMix64(&state) % 40_000_000)
      #expect(schedule.cumulativeSupply(through: height) == observed.cumulativeSupply(through: height))
    }
    #expect(schedule.subsidyChangeHeights == observed.subsidyChangeHeights)
  }

  @Test func frozenSubsidyStillEndsAtTheSixtyFourthHalving() {
    // fluxd checks `halvings >= 64` before the freeze: with 20,000-block halvings the
    // frozen 37.5 FLUX stops at 2,500 + 64 × 20,000 = 1,282,500, well before PoN.
    var params = ChainParams.mainnet
    params.subsidy.halvingInterval = 20_000
    #expect(params.codeSubsidy(at: 1_282_499) == Amount(satoshi: 3_750_000_000))
    #expect(params.codeSubsidy(at: 1_282_500) == .zero)
    let schedule = SupplySchedule(params: params, mode: .code)
    #expect(schedule.subsidyChangeHeights.contains(1_282_500))
    let closed = schedule.cumulativeSubsidy(through: 1_282_600) - schedule.cumulativeSubsidy(through: 1_282_400)
    #expect(closed.satoshi == loopSum(params, .code, 1_282_401...1_282_600))
  }

  @Test func originalHalvingScheduleConvergesNear209_6MillionPoW() throws {
    // §2.4: without the freeze and without PoN, PoW issuance including the premine
    // converges to ≈ 209,625,000 FLUX; with the 230 M of funds ≈ 439.6 M.
    let legacy = try RuleSet(
      base: .mainnet,
      overrides: .map([
        RuleField(key: "upgrades.pon", value: .scalar("never")),
        RuleField(key: "subsidy.frozen_after_halvings", value: .scalar("never")),
      ]))
    let schedule = SupplySchedule(params: legacy.params, mode: .code)
    let total = schedule.cumulativeSubsidy(through: 100_000_000)
    #expect(total > Amount(flux: 209_620_000) && total < Amount(flux: 209_630_000))
    #expect(schedule.cumulativeSupply(through: 100_000_000) - total == Amount(flux: 230_000_000))
    #expect(schedule.cumulativeSubsidy(through: 100_000_000) == schedule.cumulativeSubsidy(through: 1_000_000_000))
  }
}
