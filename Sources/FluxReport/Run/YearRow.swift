import FluxCore
import FluxSim

/// One calendar year of one sweep point across its replications: a row of `years.csv` and
/// of the report's calendar-year tables.
///
/// Amounts are means across the replications that cover the year, exact to the satoshi;
/// node counts are means too; income per node is the mean total ÷ the mean nodes, so that
/// total = income per node × nodes holds in every row, beside the spread (p5, p50, p95)
/// of each replication's own income per node.
struct YearRow {
  let year: Int
  /// The point's replications that cover the year (a height horizon may end some before it).
  let jobs: [JobYear]
  /// The point's replications.
  let replications: Int

  /// The years of a point's replications (`perJob`, each replication's years in order):
  /// every year any of them covers, in order.
  static func rows(_ perJob: [[JobYear]]) -> [YearRow] {
    let byYear = perJob.map { years in Dictionary(years.map { ($0.end.year, $0) }) { first, _ in first } }
    let years = Set(perJob.flatMap { $0.map(\.end.year) }).sorted()
    return years.map { year in YearRow(year: year, jobs: byYear.compactMap { $0[year] }, replications: perJob.count) }
  }

  /// Whether some replication did not cover the whole calendar year (the run starts or
  /// ends inside it).
  var partial: Bool { jobs.count < replications || !jobs.allSatisfy(\.isFull) }

  /// The first and last block counted, across the replications: the earliest first block
  /// and the latest last one (with their heights); nil when no replication has a block in it.
  var first: (time: Int64, height: Int)? {
    jobs.compactMap { job in job.end.firstTime.flatMap { time in job.heights.map { (time, $0.lowerBound) } } }
      .min { $0 < $1 }
  }
  var last: (time: Int64, height: Int)? {
    jobs.compactMap { job in job.heights.map { (job.end.time, $0.upperBound) } }.max { $0 < $1 }
  }

  /// The mean of `amount` across the replications that cover the year, exact to the satoshi.
  func meanAmount(_ amount: (JobYear) -> Amount) -> Amount { Amount.mean(jobs.map(amount)) }

  /// The mean of `value` across the replications that cover the year (0 for none).
  func mean(_ value: (JobYear) -> Double) -> Double {
    jobs.isEmpty ? 0 : jobs.reduce(0) { $0 + value($1) } / Double(jobs.count)
  }

  var supplyStart: Amount { meanAmount(\.supplyStart) }
  var issuance: Amount { meanAmount(\.issuance) }
  var supply: Amount { meanAmount(\.end.supply) }
  var locked: Amount { meanAmount(\.end.collateralLocked) }

  /// Issuance ÷ supply at the year's start (of the year's part for a partial year); nil
  /// without supply.
  var inflation: Double? { JobYear.inflation(issuance: issuance, supplyStart: supplyStart) }

  func nodes(_ tier: Tier) -> Double { mean { $0.meanNodes(tier) } }
  func total(_ tier: Tier) -> Amount { meanAmount { $0.income(tier) } }

  /// The tier's total ÷ its mean nodes, satoshi; nil without nodes.
  func incomePerNode(_ tier: Tier) -> Double? { JobYear.perNode(total(tier), nodes(tier)) }

  /// Each replication's income per node, satoshi.
  func incomeSpread(_ tier: Tier) -> Summary { Spread.of(jobs.compactMap { $0.incomePerNode(tier) }) }

  /// The collateral a node of the tier locks on average at the year's end (its locked
  /// collateral ÷ the nodes locking it, means across replications), satoshi; nil for none.
  func collateralPerNode(_ tier: Tier) -> Double? {
    JobYear.perNode(meanAmount { $0.end.locked[tier] }, mean { Double($0.end.lockingNodes[tier]) })
  }

  /// Income per node ÷ collateral per node: the year's yield in FLUX terms.
  func yield(_ tier: Tier) -> Double? {
    JobYear.yield(incomePerNode: incomePerNode(tier), collateralPerNode: collateralPerNode(tier))
  }

  /// The FLUX price averaged over the year (the replications' means); nil without economics.
  var fluxUSD: Double? {
    let prices = jobs.compactMap(\.end.meanFluxUSD)
    return prices.isEmpty ? nil : prices.reduce(0, +) / Double(prices.count)
  }

  /// A node's year in USD at the year's mean price: income, hosting plus the collateral's
  /// opportunity cost over the covered seconds, profit, and ROI = (income − hosting) ÷
  /// collateral value over the same span (a yearly return for a full year).
  func usd(_ tier: Tier, _ economics: EconomicsConfig) -> NodeYearUSD? {
    guard let price = fluxUSD, let income = incomePerNode(tier), let collateral = collateralPerNode(tier) else {
      return nil
    }
    let seconds = mean { Double($0.end.seconds) }
    let incomeUSD = income / 1e8 * price
    let hosting = economics.hostingUSDPerMonth[tier] * seconds / JobConfig.secondsPerMonth
    let collateralUSD = collateral / 1e8 * price
    let opportunity = collateralUSD * economics.opportunityCostPerYear * seconds / Double(JobConfig.secondsPerYear)
    return NodeYearUSD(
      income: incomeUSD, cost: hosting + opportunity, profit: incomeUSD - hosting - opportunity,
      roi: collateralUSD > 0 ? (incomeUSD - hosting) / collateralUSD : nil)
  }
}

/// A node's calendar year in USD (`YearRow.usd`).
struct NodeYearUSD {
  var income: Double
  var cost: Double
  var profit: Double
  var roi: Double?
}

extension PointAggregate {
  /// The point's calendar years.
  var yearRows: [YearRow] { YearRow.rows(results.map(JobYear.all)) }
}
