import FluxCore

/// The app-market and economics figures of a sample row, measured by the simulation
/// (which owns the market and the price) and handed to `Metrics`.
extension Simulation {
  /// Appends a row for the current tip.
  mutating func sample() {
    let usd = fluxUSD()
    var economics: TierValues<TierEconomics>?
    let confirmed = (0..<3).map { fleet.counts[$0, NodeState.confirmed.rawValue] }
    if let mark = sampleMark {
      // Income shared by the mean of the confirmed counts at both ends of the period.
      economics = self.economics(
        since: mark.time, income: mark.income, nodes: (0..<3).map { Double(mark.confirmed[$0] + confirmed[$0]) / 2 })
    }
    if config.economics != nil { sampleMark = SampleMark(time: chain.now, income: tierIncome, confirmed: confirmed) }
    let rotation = sincePaid()
    metrics.sample(
      chain: chain, fleet: fleet, sincePaid: rotation, fluxUSD: usd, apps: config.apps == nil ? nil : marketSample(),
      economics: economics)
  }

  /// The market now: apps and instances, utilization of the capacity of each tier's
  /// nodes in service (those open to apps: confirmed, or restarting on a new collateral
  /// with their apps still running), and the money so far.
  func marketSample() -> AppSample {
    let (registry, ledger) = (market.registry, market.ledger)
    let used = market.hostIndex.openUsed
    let capacity = (0..<3).map { market.hostIndex.openNodes[$0] * market.hostIndex.capacity[$0] }
    func share(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
    return AppSample(
      appsRunning: registry.activeApps - registry.waiting.count, appsWaiting: registry.waiting.count,
      instancesRunning: registry.instancesRunning,
      instancesWaiting: registry.instancesWanted - registry.instancesRunning,
      utilization: TierValues { tier in
        let (u, c) = (used[tier.index], capacity[tier.index])
        return ResourceUse(
          cpu: share(u.cpuTenths, c.cpuTenths), ram: share(u.ramMB, c.ramMB), hdd: share(u.hddGB, c.hddGB))
      },
      registered: registry.registered, revenue: Amount(satoshi: ledger.revenue), revenueUSD: ledger.revenueUSD,
      revenueNeverPlaced: Amount(satoshi: ledger.revenueNeverPlaced),
      toNodes: TierValues { Amount(satoshi: ledger.toNodes[$0.index]) },
      toFoundation: Amount(satoshi: ledger.toFoundation))
  }
}
