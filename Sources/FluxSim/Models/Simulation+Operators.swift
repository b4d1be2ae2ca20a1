import FluxCore

/// What the operators' response and the samples read of the job's money: each tier's
/// income so far and a node's economics over a span, measured by the simulation (which
/// owns the metrics, the market and the price) and handed to `Operators`.
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

  /// The operators' daily tick (jobs with ROI churn): the past day's economics per
  /// confirmed node (at least one per tier), handed to `Operators`.
  mutating func respondToProfitability() {
    guard operators != nil, let stream = market.stream else { return }
    let income = tierIncome
    var economics: TierValues<TierEconomics>?
    if let last = operators?.lastTick {
      economics = self.economics(
        since: last.time, income: last.income,
        nodes: (0..<3).map { Double(max(1, fleet.counts[$0, NodeState.confirmed.rawValue])) })
    }
    operators?.tick(now: chain.now, income: income, economics: economics, fleet: fleet, stream: stream, events: &events)
  }
}
