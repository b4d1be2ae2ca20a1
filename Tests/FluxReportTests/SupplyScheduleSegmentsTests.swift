import FluxCore
import Testing

@testable import FluxReport

/// Emission cuts and tier payments summed by pieces must equal block-by-block sums.
@Suite struct SupplyScheduleSegmentsTests {
  let observed = SupplySchedule(params: .mainnet, mode: .observed)

  func loopSum(_ schedule: SupplySchedule, _ range: ClosedRange<Int>) -> TierValues<Amount> {
    var total = TierValues(cumulus: Amount.zero, nimbus: .zero, stratus: .zero)
    for height in range {
      let reward = schedule.params.reward(at: height, mode: schedule.mode)
      for tier in Tier.allCases { total[tier] += reward.tiers[tier] }
    }
    return total
  }

  @Test func cutsHoldEveryFundPaymentAndTheBlockAfter() {
    let cuts = observed.emissionCuts(through: 1_100_000)
    for height in [0, 1, 560_000, 835_554, 836_274, 836_275, 837_714, 837_715, 1_032_114, 1_032_115] {
      #expect(cuts.contains(height), "missing \(height)")
    }
    #expect(cuts == cuts.sorted() && Set(cuts).count == cuts.count && cuts.last! <= 1_100_000)
  }

  /// Ranges straddling node payments start, the FLUX upgrade, PoN start and the first
  /// reduction (era and subsidy changes), and one inside a single piece.
  @Test(arguments: [
    559_990...560_010, 835_500...835_600, 2_019_900...2_020_100, 3_071_000...3_071_400, 2_500_000...2_501_000,
  ])
  func tierPaymentsMatchTheBlockByBlockSum(range: ClosedRange<Int>) {
    #expect(observed.tierPayments(in: range) == loopSum(observed, range))
  }

  @Test func tierPaymentsOnARampUnderNodePayments() throws {
    var params = ChainParams.mainnet
    params.split.nodePaymentsStartHeight = 0
    let schedule = SupplySchedule(params: params, mode: .code)
    #expect(schedule.tierPayments(in: 0...6_000) == loopSum(schedule, 0...6_000))
    #expect(schedule.tierPayments(in: 2_400...2_600) == loopSum(schedule, 2_400...2_600))
  }

  @Test func aPoNYearPaysEachTierItsWeightTimesTheBlocks() {
    // PoN year 1 (2,020,000 … 3,071,199): 1,051,200 blocks of 14 FLUX split 1 / 3.5 / 9.
    let year = observed.tierPayments(in: 2_020_000...3_071_199)
    #expect(
      year
        == TierValues(
          cumulus: Amount(flux: 1_051_200), nimbus: Amount(flux: 3_679_200), stratus: Amount(flux: 9_460_800)))
  }
}
