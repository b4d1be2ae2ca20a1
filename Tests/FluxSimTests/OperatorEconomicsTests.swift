import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// Operator economics: the price paths, a node's figures, and the ROI-driven churn
/// converging to the fleet size at which a node just covers its costs.
@Suite struct OperatorEconomicsTests {
  @Test func seriesPricesInterpolateLinearlyAndHoldOutside() {
    let points = [PricePoint(time: 100, usd: 1), PricePoint(time: 200, usd: 3), PricePoint(time: 400, usd: 0)]
    #expect(PriceModel.interpolate(points, at: 0) == 1)
    #expect(PriceModel.interpolate(points, at: 150) == 2)
    #expect(PriceModel.interpolate(points, at: 200) == 3)
    #expect(PriceModel.interpolate(points, at: 300) == 1.5)
    #expect(PriceModel.interpolate(points, at: 1_000) == 0)
  }

  @Test func gbmPathIsSeededAndHasTheDriftOfItsParameters() {
    // E[S(t)] = S0·e^{μt}: the mean over many paths at one year is within 3 % of it.
    let year = JobConfig.secondsPerYear
    var total = 0.0
    let paths = 400
    for seed in 0..<paths {
      var model = PriceModel(
        path: .gbm(start: 1, driftPerYear: 0.1, volatilityPerYear: 0.5), startTime: 0, seed: UInt64(seed))
      total += model.usd(at: year)
    }
    #expect(abs(total / Double(paths) / exp(0.1) - 1) < 0.06)
    var a = PriceModel(path: .gbm(start: 1, driftPerYear: 0, volatilityPerYear: 0.8), startTime: 0, seed: 7)
    var b = PriceModel(path: .gbm(start: 1, driftPerYear: 0, volatilityPerYear: 0.8), startTime: 0, seed: 7)
    #expect(a.usd(at: 10 * 86_400 + 1_234) == b.usd(at: 10 * 86_400 + 1_234))
    #expect(a.usd(at: 0) == 1)
  }

  @Test func nodeFiguresFollowTheirDefinitions() {
    // 600 FLUX a month at 0.50 USD, hosting 100 USD, 1,000 FLUX collateral at 6 %/year.
    let node = TierEconomics(
      incomeFLUX: 600, usd: 0.5, hosting: 100, opportunityPerYear: 0.06,
      collateral: Amount(satoshi: 1_000 * 100_000_000))
    #expect(node.incomeUSD == 300)
    #expect(node.collateralUSD == 500)
    #expect(abs(node.opportunityUSD - 2.5) < 1e-12)
    #expect(abs(node.profitUSD - 197.5) < 1e-12)
    #expect(abs(node.roiPerYear - 200 * 12 / 500) < 1e-12)
    #expect(node.paybackMonths == 2.5)
    #expect(abs(node.margin - 197.5 / 102.5) < 1e-12)
    let losing = TierEconomics(
      incomeFLUX: 100, usd: 0.5, hosting: 100, opportunityPerYear: 0, collateral: Amount(satoshi: 100_000_000))
    #expect(losing.paybackMonths == nil)
    #expect(losing.margin == -0.5)
  }

  /// With a constant price, no other churn and no apps, a node of tier t earns
  /// R_t·B/N a month (R_t the tier's payment per block, B blocks per month), so the
  /// margin is zero at N* = R_t·B·price / cost. Started at twice N* (Cumulus), half
  /// N* (Nimbus) and at N* (Stratus), each tier settles at its N*.
  @Test func roiChurnSettlesWhereANodeCoversItsCosts() {
    let params = ChainParams.mainnet
    // Past the PoN reduction at 3,071,200, so the reward is constant for a year.
    let height = 3_080_000
    let tip = TipState.measured2026
    let start = TipState(height: height, time: tip.time + Int64(height - tip.height) * 30, difficulty: tip.difficulty)
    let price = 0.4
    let opportunity = 0.05
    let hosting = TierValues(cumulus: 60.0, nimbus: 120.0, stratus: 260.0)
    let reward = params.reward(at: height, mode: .observed, payees: .all).tiers
    let blocksPerMonth = JobConfig.secondsPerMonth / 30
    let equilibrium = TierValues { tier -> Double in
      let collateral = Double(params.collateral.v2[tier].satoshi) / 1e8 * price
      let cost = hosting[tier] + collateral * opportunity / 12
      return Double(reward[tier].satoshi) / 1e8 * blocksPerMonth * price / cost
    }
    let initial = TierValues(
      cumulus: Int(2 * equilibrium.cumulus), nimbus: Int(equilibrium.nimbus / 2), stratus: Int(equilibrium.stratus))
    var config = JobConfig(start: .tip(start), horizon: .seconds(7 * Int64(JobConfig.secondsPerMonth)))
    config.fleet = FleetConfig(initialNodes: initial, uptime: nil, churn: .none)
    config.sampling = .seconds(86_400)
    config.economics = EconomicsConfig(
      price: .constant(price), hostingUSDPerMonth: hosting, opportunityCostPerYear: opportunity,
      roiChurn: ROIChurnModel(exitResponse: TierValues { _ in 1.5 }, joinResponse: TierValues { _ in 1.5 }))
    config.seed = 4
    let result = runJob(config)
    // The last month's mean confirmed count per tier, against N*.
    let lastMonth = result.series.suffix(30)
    for tier in Tier.allCases {
      let mean = Double(lastMonth.reduce(0) { $0 + $1.nodes[tier].confirmed }) / Double(lastMonth.count)
      #expect(abs(mean / equilibrium[tier] - 1) < 0.05, "\(tier): \(mean) nodes, N* = \(equilibrium[tier])")
      let profit = lastMonth.compactMap { $0.economics?[tier].profitUSD }
      let cost = hosting[tier]
      #expect(abs(profit.reduce(0, +) / Double(profit.count)) < 0.05 * cost, "\(tier) profit \(profit.last ?? .nan)")
    }
  }
}
