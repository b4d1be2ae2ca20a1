import FluxCore

/// Bookkeeping checks of the app market, recomputed from scratch: no node over its
/// capacity or its app limit, no app twice on a node, hosts only on nodes in service,
/// and every running count equal to its recount. Tests call this; a non-empty answer is
/// a bug in the engine.
extension Simulation {
  func marketInvariantViolations() -> [String] {
    var problems: [String] = []
    var used = [AppResources](repeating: .zero, count: market.used.count)
    var running = 0
    var wanted = 0
    var active = 0
    for (id, app) in market.apps.enumerated() where app.active {
      active += 1
      wanted += app.spec.instances
      running += app.hosts.count
      if Set(app.hosts.map(\.node)).count != app.hosts.count {
        problems.append("app \(id) has two instances on one node")
      }
      if app.hosts.count > app.spec.instances { problems.append("app \(id) runs more instances than it asks for") }
      if market.waiting.contains(id) != (app.missing > 0) { problems.append("app \(id) waiting membership is wrong") }
      for host in app.hosts.map({ Int($0.node) }) {
        used[host] = used[host] + app.need
        if !market.hosted[host].contains(Int32(id)) { problems.append("node \(host) does not list app \(id)") }
        let state = fleet.nodes[host].state
        if state == .expired || state == .exited || state == .dosListed {
          problems.append("app \(id) has an instance on node \(host) in state \(state)")
        }
      }
    }
    for (node, resources) in used.enumerated() {
      if resources != market.used[node] {
        problems.append("node \(node) uses \(market.used[node]), recounted \(resources)")
      }
      if !resources.fits(in: market.capacity[fleet.nodes[node].tier.index]) {
        problems.append("node \(node) over capacity: \(resources)")
      }
      if market.hosted[node].count > market.rules.maxAppsPerNode { problems.append("node \(node) runs too many apps") }
      let tier = fleet.nodes[node].tier.index
      if !market.isClosed(node) {
        var expected = market
        expected.open(node, tier: tier)
        if expected.room[node] != market.room[node] {
          problems.append("node \(node) room \(market.room[node]) is stale")
        }
      }
      let indexes = (tier * AppMarket.indexedLanes)..<((tier + 1) * AppMarket.indexedLanes)
      if indexes.contains(where: { market.roomy.contains($0, node) != all(market.room[node] .>= market.smallest) }) {
        problems.append("node \(node) roomy membership disagrees with its room")
      }
      if market.isClosed(node) && fleet.nodes[node].state == .confirmed {
        problems.append("confirmed node \(node) is closed to apps")
      }
    }
    for tier in 0..<3 {
      let open = market.room.indices.filter { !market.isClosed($0) && fleet.nodes[$0].tier.index == tier }
      if open.count != market.openNodes[tier] {
        problems.append("tier \(tier): \(market.openNodes[tier]) open, recounted \(open.count)")
      }
      let total = open.reduce(AppResources.zero) { $0 + market.used[$1] }
      if total != market.openUsed[tier] {
        problems.append("tier \(tier): open use \(market.openUsed[tier]), recounted \(total)")
      }
    }
    if running != market.instancesRunning {
      problems.append("\(market.instancesRunning) instances, recounted \(running)")
    }
    if wanted != market.instancesWanted { problems.append("\(market.instancesWanted) wanted, recounted \(wanted)") }
    if active != market.activeApps { problems.append("\(market.activeApps) apps, recounted \(active)") }
    return problems
  }
}
