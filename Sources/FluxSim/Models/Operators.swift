import FluxCore

/// Operator economics: what a node of each tier earns and costs in USD, and the joins
/// and exits of `ROIChurnModel` that respond to it (its doc states the response
/// function and the equilibrium it leads to).
extension TierEconomics {
  /// A node's economics from its income per month in FLUX, at `usd` dollars per FLUX.
  init(incomeFLUX: Double, usd: Double, hosting: Double, opportunityPerYear: Double, collateral: Amount) {
    let collateralUSD = Double(collateral.satoshi) / 1e8 * usd
    let incomeUSD = incomeFLUX * usd
    let opportunity = collateralUSD * opportunityPerYear / 12
    let net = incomeUSD - hosting
    self.init(
      incomeFLUX: incomeFLUX, incomeUSD: incomeUSD, hostingUSD: hosting, opportunityUSD: opportunity,
      profitUSD: net - opportunity, collateralUSD: collateralUSD,
      roiPerYear: collateralUSD > 0 ? net * 12 / collateralUSD : 0,
      paybackMonths: net > 0 ? collateralUSD / net : nil)
  }

  /// Profit over cost: the margin the ROI churn responds to (0 when nothing costs anything).
  var margin: Double {
    let cost = hostingUSD + opportunityUSD
    return cost > 0 ? profitUSD / cost : 0
  }
}

/// The state the ROI response keeps between daily ticks: the tier totals at the last one.
struct OperatorState {
  var lastTime: Int64
  var lastIncome: [Int64]
}

extension Simulation {
  /// What each tier's nodes received so far: block rewards plus app revenue share (satoshi).
  var tierIncome: [Int64] {
    let paid = metrics.paidTotals
    return (0..<3).map { paid[$0] + market.ledger.toNodes[$0] }
  }

  /// Per tier, a node's economics over the span since `since` (time and income totals),
  /// its income shared among `nodes` confirmed nodes.
  mutating func economics(since time: Int64, income: [Int64], nodes: [Double]) -> TierValues<TierEconomics>? {
    guard let model = config.economics, let usd = fluxUSD(), chain.now > time else { return nil }
    let months = Double(chain.now - time) / JobConfig.secondsPerMonth
    let now = tierIncome
    let height = chain.height
    return TierValues { tier in
      let i = tier.index
      let perNode = nodes[i] > 0 ? Double(now[i] - income[i]) / 1e8 / months / nodes[i] : 0
      return TierEconomics(
        incomeFLUX: perNode, usd: usd, hosting: model.hostingUSDPerMonth[tier],
        opportunityPerYear: model.opportunityCostPerYear, collateral: chain.lockedCollateral(tier, at: height))
    }
  }

  /// The daily ROI response: per tier, the margin of the past day sets the exit and
  /// join rates of the coming day, drawn as Poisson counts at uniform times in it.
  mutating func respondToProfitability() {
    guard let response = config.economics?.roiChurn, let stream = market.stream else { return }
    let income = tierIncome
    defer { operators = OperatorState(lastTime: chain.now, lastIncome: income) }
    guard let last = operators,
      let economics = economics(
        since: last.lastTime, income: last.lastIncome,
        nodes: (0..<3).map { Double(max(1, fleet.counts[$0][NodeState.confirmed.rawValue])) })
    else { return }
    let day = PriceModel.day
    let monthsPerDay = Double(day) / JobConfig.secondsPerMonth
    for tier in Tier.allCases {
      let margin = economics[tier].margin
      let size = Double(max(1, fleet.alive[tier.index].count))
      // At most every node leaves, and no more join than the job may still create.
      let exits = min(
        stream.poisson(mean: response.exitResponse[tier] * max(0, -margin) * size * monthsPerDay),
        fleet.alive[tier.index].count)
      let joins = min(
        stream.poisson(mean: response.joinResponse[tier] * max(0, margin) * size * monthsPerDay),
        max(0, JobConfig.maxNodes - fleet.created))
      for _ in 0..<exits { events.schedule(.roiExit(tier), at: chain.now + Int64(stream.integer(below: Int(day)))) }
      for _ in 0..<joins { events.schedule(.roiJoin(tier), at: chain.now + Int64(stream.integer(below: Int(day)))) }
    }
  }
}
