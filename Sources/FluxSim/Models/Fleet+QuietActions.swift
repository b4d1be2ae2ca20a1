/// Which node actions leave alone what a stretch of batched blocks shares (its payee
/// lists, producers and reward; `Simulation.Stretch`), so that they run at their block
/// without closing the stretch.
///
/// In the standard forecast about one block in eight had actions, and half of those were
/// STARTs of nodes back from an expiry or INITIAL_CONFIRM deadlines already met: each
/// closed a stretch (its payments made, the next one opened) for nothing a payment reads.
extension Fleet {
  /// Whether `action` will do nothing at its height, whatever happens before it: an
  /// expiry of an outage its node is already back from, or a DoS check of a START that
  /// has since confirmed, lapsed or been replaced (a START's generation is new, and only
  /// `start` puts a node in `.started`, so a check that fails now fails then). The same
  /// holds for a slot's former node: its generations are below the new node's.
  func isLapsed(_ action: HeightAction) -> Bool {
    switch action {
    case .expireIfOffline(let node, let outage):
      return nodes[Int(node)].uptimeGeneration != outage
    case .dosCheck(let node, let generation):
      return !isCurrent(node, generation) || nodes[Int(node)].state != .started
    default:
      return false
    }
  }

  /// Whether `action` changes no payee list, no producer and nothing else a payment or
  /// the block's reward reads: a START (pending to started) and a DoS release (listed to
  /// pending, and perhaps a START scheduled). Neither returns a change for the other
  /// models (`handle` gives `.none` for both).
  static func leavesPaymentsAlone(_ action: HeightAction) -> Bool {
    switch action {
    case .start, .dosRelease: true
    default: false
    }
  }
}
