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
    // Only a registration finds an app without instances: a renewal needs a host
    // (`endAppPeriod`), so an app paying without one has never been placed.
    let unplaced = registry.apps[app].hosts.isEmpty
    if unplaced { registry.apps[app].unplacedPayment += price.satoshi }
    let nodeShare = ledger.book(price: price, usd: usd, nodeShare: share, unplaced: unplaced)
    registry.apps[app].periodStart = height
    registry.apps[app].periodShare = nodeShare
    registry.apps[app].periodCredited = 0
    for host in registry.apps[app].hosts.indices { registry.apps[app].hosts[host].since = Int32(height) }
  }

  /// Credits host number `host` of `app` (tier index `tier`) with its share of the
  /// period's node payment for the blocks it hosted up to `height`:
  /// `periodShare × blocks / (instances × periodBlocks)`, rounded down.
  mutating func credit(_ app: Int, host: Int, tier: Int, through height: Int) {
    guard registry.apps[app].periodShare > 0 else { return }
    let entry = registry.apps[app]
    let since = max(Int(entry.hosts[host].since), entry.periodStart)
    let blocks = Int64(max(0, min(height, entry.periodStart + entry.periodBlocks) - since))
    let slots = Int64(entry.spec.instances) * Int64(entry.periodBlocks)
    let amount = slots.dividingFullWidth(entry.periodShare.multipliedFullWidth(by: blocks)).quotient
    registry.apps[app].hosts[host].since = Int32(height)
    registry.apps[app].periodCredited += amount
    ledger.credit(amount, tier: tier)
  }

  /// Closes the period of `app` at `height`: credits every host, and the share no node
  /// earned (instance blocks not hosted, rounding) goes to the foundation. A period
  /// without a node share has nothing to credit or hand over: it returns at once rather
  /// than visiting each host (a period end of every app, most of them without a share).
  mutating func closePeriod(_ app: Int, height: Int) {
    guard registry.apps[app].periodShare > 0 else { return }
    for host in registry.apps[app].hosts.indices {
      credit(app, host: host, tier: Int(hostIndex.tierOf[Int(registry.apps[app].hosts[host].node)]), through: height)
    }
    ledger.unearned(registry.apps[app].periodShare - registry.apps[app].periodCredited)
    registry.apps[app].periodCredited = registry.apps[app].periodShare
  }
}
