import FluxCore
import FluxScenario

@testable import FluxReport
@testable import FluxSim

/// Hand-built runs with an app market and operator economics, so report tests know every
/// value exactly while the engine that fills these fields is written.
///
/// One sweep point ("market"), four samples per replication: 2025-12-31 (the start, no
/// economics yet), 2026-07-01, 2026-12-31 (the last sample of 2026, a full year) and
/// 2027-01-01 (the end). Values are small formulas of replication r and sample k that are
/// exact in binary, so the expected cells can be worked out by hand.
enum MarketRunFixture {
  static let times: [Int64] = [
    UTCTime.Components(year: 2025, month: 12, day: 31), UTCTime.Components(year: 2026, month: 7, day: 1),
    UTCTime.Components(year: 2026, month: 12, day: 31), UTCTime.Components(year: 2027, month: 1, day: 1),
  ].map(UTCTime.seconds)

  /// - Parameters:
  ///   - apps, economics: Which optional fields the rows carry.
  ///   - adjust: Changes a row after it is built, given replication and sample index.
  static func run(
    replications: Int = 2, apps: Bool = true, economics: Bool = true,
    adjust: (inout SampleRow, _ replication: Int, _ sample: Int) -> Void = { _, _, _ in }
  ) throws -> RunRecord {
    let file = try ScenarioLoader.load(file: "market.yaml", text: "name: market\nhorizon: 1y\nreplications: 1\n")
    let plan = RunPlan(file: file, replications: replications)
    let results = (0..<replications).map { r in
      var series = times.indices.map { k in row(r, k, apps: apps, economics: economics) }
      for k in series.indices { adjust(&series[k], r, k) }
      let yearEnds = [2025, 2026].map { year in yearEnd(year, r) }
      return JobResult(
        seed: UInt64(r), series: series, milestones: [],
        payouts: TierValues { _ in PayoutStats(blocksSincePaid: .empty, incomePerNode: .empty, totalPaid: .zero) },
        poolIncome: [], producedBlocks: TierValues { _ in 0 }, blocks: 3, yearEnds: yearEnds)
    }
    return RunRecord(plan: plan, results: results, command: "fluxsim run market.yaml")
  }

  /// Years 2025 (its last day, from the start) and 2026 (whole), one block each, with the
  /// confirmed nodes of the rows.
  static func yearEnd(_ year: Int, _ r: Int) -> YearEnd {
    let end = UTCTime.seconds(UTCTime.Components(year: year + 1, month: 1, day: 1))
    let nodes = TierValues { 100 * ($0.index + 1) + r }
    return YearEnd(
      year: year, height: 1_000 + year, time: end - 1, supply: .zero, paid: TierValues { _ in .zero },
      devFund: .zero, miner: .zero, funds: .zero, appShare: TierValues { _ in .zero }, blocks: 1, firstTime: end - 1,
      nodeBlocks: nodes, confirmed: nodes, locked: TierValues { _ in .zero }, lockingNodes: nodes,
      seconds: end - max(times[0], UTCTime.seconds(UTCTime.Components(year: year, month: 1, day: 1))),
      reachedEnd: true, meanFluxUSD: nil)
  }

  static func price(_ r: Int, _ k: Int) -> Double { 0.5 + 0.25 * Double(r) + 0.125 * Double(k) }

  static func row(_ r: Int, _ k: Int, apps: Bool, economics: Bool) -> SampleRow {
    SampleRow(
      height: 1_000 + k, time: times[k], supply: Amount(flux: 500_000_000), subsidy: Amount(flux: 3),
      paid: TierValues { _ in .zero }, devFund: .zero, miner: .zero, funds: .zero,
      nodes: TierValues {
        NodeCounts(confirmed: 100 * ($0.index + 1) + r, offline: 0, starting: 0, dosListed: 0, expired: 0)
      },
      collateralLocked: .zero, sincePaid: TierValues { _ in nil },
      onlineShare: 1, meanBlockInterval: k == 0 ? 0 : 30, difficulty: 0.07,
      fluxUSD: economics ? price(r, k) : nil, apps: apps ? appSample(r, k) : nil,
      economics: economics && k > 0 ? TierValues { tierEconomics($0, r, k) } : nil)
  }

  static func appSample(_ r: Int, _ k: Int) -> AppSample {
    let toNodes = TierValues { Amount(satoshi: Int64(1_000 * k * ($0.index + 1))) }
    let revenue = Amount(satoshi: Int64(123_456_789 * k + r))
    let utilization = TierValues { tier in
      let cpu = Double(k) / 8 + Double(tier.index) / 16
      return ResourceUse(cpu: cpu, ram: cpu / 2, hdd: 1 - cpu)
    }
    let toFoundation = revenue - toNodes.cumulus - toNodes.nimbus - toNodes.stratus
    return AppSample(
      appsRunning: 10 * k + r, appsWaiting: k, instancesRunning: 30 * k + r, instancesWaiting: 2 * k,
      utilization: utilization, registered: 12 * k + r, revenue: revenue, revenueUSD: 61.5 * Double(k) + Double(r),
      revenueNeverPlaced: neverPlaced(r, k), toNodes: toNodes, toFoundation: toFoundation)
  }

  /// App payments of apps never placed: 1 FLUX per sample and replication.
  static func neverPlaced(_ r: Int, _ k: Int) -> Amount { Amount(flux: Int64(k + r)) }

  /// Hosting 20/30/40 USD, opportunity cost 5 USD, collateral 1,000/2,000/3,000 USD; the
  /// Cumulus node of replication 1 never pays back at the end (nil), whatever its income.
  static func tierEconomics(_ tier: Tier, _ r: Int, _ k: Int) -> TierEconomics {
    let income = Double(100 + 10 * tier.index + k + r)
    let incomeUSD = income * price(r, k)
    let hosting = Double(20 + 10 * tier.index)
    let collateral = Double(1_000 * (tier.index + 1))
    return TierEconomics(
      incomeFLUX: income, incomeUSD: incomeUSD, hostingUSD: hosting, opportunityUSD: 5,
      profitUSD: incomeUSD - hosting - 5, collateralUSD: collateral,
      roiPerYear: (incomeUSD - hosting) * 12 / collateral,
      paybackMonths: tier == .cumulus && r == 1 && k == 3 ? nil : collateral / (incomeUSD - hosting))
  }
}
