import FluxCore

/// The market's money (flux-rules.md §7.2, §8): what apps paid, in FLUX and in dollars,
/// what of it went to the hosting nodes of each tier and to the foundation, and what was
/// paid by apps never placed. Each app's current period (its node share and what has been
/// credited of it) is the app's own (`HostedApp`); the ledger holds the totals.
struct RevenueLedger {
  var revenue: Int64 = 0
  var revenueUSD: Double = 0
  /// Payments of apps that have had no instance placed yet (`HostedApp.unplacedPayment`).
  var revenueNeverPlaced: Int64 = 0
  var toNodes = [Int64](repeating: 0, count: 3)
  var toFoundation: Int64 = 0

  /// Books a payment of `price`, worth `usd` dollars per FLUX, of which the fraction
  /// `share` goes to the hosting nodes; `unplaced` when the app has no instance yet.
  /// Returns the nodes' share (rounded down); the rest goes to the foundation now.
  mutating func book(price: Amount, usd: Double, nodeShare share: Double, unplaced: Bool) -> Int64 {
    revenue += price.satoshi
    revenueUSD += Double(price.satoshi) / 1e8 * usd
    if unplaced { revenueNeverPlaced += price.satoshi }
    let nodeShare = Int64(Checked.count((Double(price.satoshi) * share).rounded(.down), in: 0...Int(price.satoshi)))
    toFoundation += price.satoshi - nodeShare
    return nodeShare
  }

  /// An app whose payments of `payment` were never placed got its first instance.
  mutating func placed(_ payment: Int64) { revenueNeverPlaced -= payment }

  /// Credits `amount` of a period's node share to a host of tier index `tier`.
  mutating func credit(_ amount: Int64, tier: Int) { toNodes[tier] += amount }

  /// A period closed with `amount` of its node share earned by no node (instance blocks
  /// not hosted, rounding): it goes to the foundation.
  mutating func unearned(_ amount: Int64) { toFoundation += amount }
}
