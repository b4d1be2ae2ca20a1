import FluxCore

/// App payments (flux-rules.md §7.2): each registration and renewal pays the FluxOS
/// price of its height to the foundation's app address; with a revenue share (§8, a
/// scenario) part of it is paid to the hosting nodes in proportion to the instance
/// blocks each hosted during the period.
extension AppMarket {
  /// Books a payment of `price` for `app` opening a period at `height`, worth `usd`
  /// dollars per FLUX (0 without a price path), of which the fraction `share` goes to
  /// the hosting nodes (the `RevenueShare` at that height, 0 without one).
  mutating func charge(_ app: Int, price: Amount, usd: Double, height: Int, nodeShare share: Double) {
    revenue += price.satoshi
    revenueUSD += Double(price.satoshi) / 1e8 * usd
    // Only a registration finds an app without instances: a renewal needs a host
    // (`endAppPeriod`), so an app paying without one has never been placed.
    if apps[app].hosts.isEmpty {
      apps[app].unplacedPayment += price.satoshi
      revenueNeverPlaced += price.satoshi
    }
    let nodeShare = Int64(Checked.count((Double(price.satoshi) * share).rounded(.down), in: 0...Int(price.satoshi)))
    toFoundation += price.satoshi - nodeShare
    apps[app].periodStart = height
    apps[app].periodShare = nodeShare
    apps[app].periodCredited = 0
    for host in apps[app].hosts.indices { apps[app].hosts[host].since = Int32(height) }
  }

  /// Credits host number `host` of `app` (tier index `tier`) with its share of the
  /// period's node payment for the blocks it hosted up to `height`:
  /// `periodShare × blocks / (instances × periodBlocks)`, rounded down.
  mutating func credit(_ app: Int, host: Int, tier: Int, through height: Int) {
    guard apps[app].periodShare > 0 else { return }
    let entry = apps[app]
    let since = max(Int(entry.hosts[host].since), entry.periodStart)
    let blocks = Int64(max(0, min(height, entry.periodStart + entry.periodBlocks) - since))
    let slots = Int64(entry.spec.instances) * Int64(entry.periodBlocks)
    let amount = slots.dividingFullWidth(entry.periodShare.multipliedFullWidth(by: blocks)).quotient
    apps[app].hosts[host].since = Int32(height)
    apps[app].periodCredited += amount
    toNodes[tier] += amount
  }

  /// Closes the period of `app` at `height`: credits every host, and the share no node
  /// earned (instance blocks not hosted, rounding) goes to the foundation.
  mutating func closePeriod(_ app: Int, height: Int, fleet: Fleet) {
    for host in apps[app].hosts.indices {
      credit(app, host: host, tier: Int(tierOf[Int(apps[app].hosts[host].node)]), through: height)
    }
    toFoundation += apps[app].periodShare - apps[app].periodCredited
    apps[app].periodCredited = apps[app].periodShare
  }
}
