import FluxCore

/// Bookkeeping checks of the host index against `used`, each node's resources recounted
/// from the instances placed on it, and the fleet: every node's tier and use right, none
/// over its capacity or its app limit, confirmed nodes open, each open node's room and
/// `roomy` membership what its definition gives (and the copy of its room there, in the
/// bucket of that room, equal to it), and the per-tier open totals equal to
/// their recount. Part of `AppMarket.invariantViolations`.
///
/// - Complexity: O(n) for n nodes.
extension HostIndex {
  func invariantViolations(used recounted: [AppResources], fleet: Fleet) -> [String] {
    var problems: [String] = []
    var openNodes = [0, 0, 0]
    var openUsed = [AppResources](repeating: .zero, count: 3)
    for (node, resources) in recounted.enumerated() {
      let tier = fleet.nodes[node].tier.index
      if Int(tierOf[node]) != tier {
        problems.append("node \(node) is of tier \(tier), the market says \(tierOf[node])")
      }
      if resources != used[node] { problems.append("node \(node) uses \(used[node]), recounted \(resources)") }
      if !resources.fits(in: capacity[tier]) { problems.append("node \(node) over capacity: \(resources)") }
      if hosted[node].count > maxAppsPerNode { problems.append("node \(node) runs too many apps") }
      if isClosed(node) {
        if fleet.nodes[node].state == .confirmed { problems.append("confirmed node \(node) is closed to apps") }
      } else {
        openNodes[tier] += 1
        openUsed[tier] = openUsed[tier] + used[node]
        if expectedRoom(node, tier: tier) != room[node] { problems.append("node \(node) room \(room[node]) is stale") }
      }
      let isRoomy = all(room[node] .>= smallest)
      for lane in 0..<Self.indexedLanes {
        let index = tier * Self.indexedLanes + lane
        if roomy.contains(index, node) != isRoomy {
          problems.append("node \(node) roomy membership disagrees with its room")
        } else if isRoomy, roomy.storedRoom(index, node, bucketOf: room[node]) != room[node] {
          problems.append("node \(node) room copy in roomy index \(index) is stale")
        }
      }
    }
    for tier in 0..<3 {
      if openNodes[tier] != self.openNodes[tier] {
        problems.append("tier \(tier): \(self.openNodes[tier]) open, recounted \(openNodes[tier])")
      }
      if openUsed[tier] != self.openUsed[tier] {
        problems.append("tier \(tier): open use \(self.openUsed[tier]), recounted \(openUsed[tier])")
      }
    }
    return problems
  }
}
