import FluxCore

/// Bookkeeping checks of the app market, recomputed from scratch: no node over its
/// capacity or its app limit, no app twice on a node, hosts only on nodes in service,
/// and every running count equal to its recount. Tests call this, and the engine after
/// every step when built with `FLUXSIM_INTERNAL_CHECKS` (`checkInvariants`); a non-empty
/// answer is a bug in the engine.
///
/// - Complexity: O(n + i) for n nodes and i placed instances.
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
      if app.hosts.indices.contains(where: { i in app.hosts[..<i].contains { $0.node == app.hosts[i].node } }) {
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
    var openNodes = [0, 0, 0]
    var openUsed = [AppResources](repeating: .zero, count: 3)
    for (node, resources) in used.enumerated() {
      let tier = fleet.nodes[node].tier.index
      if Int(market.tierOf[node]) != tier {
        problems.append("node \(node) is of tier \(tier), the market says \(market.tierOf[node])")
      }
      if resources != market.used[node] {
        problems.append("node \(node) uses \(market.used[node]), recounted \(resources)")
      }
      if !resources.fits(in: market.capacity[tier]) { problems.append("node \(node) over capacity: \(resources)") }
      if market.hosted[node].count > market.rules.maxAppsPerNode { problems.append("node \(node) runs too many apps") }
      if market.isClosed(node) {
        if fleet.nodes[node].state == .confirmed { problems.append("confirmed node \(node) is closed to apps") }
      } else {
        openNodes[tier] += 1
        openUsed[tier] = openUsed[tier] + market.used[node]
        // Recomputed from its definition (what `open` sets), without copying the market:
        // a copy per node made this check quadratic in the fleet.
        let free = market.capacity[tier] - market.used[node]
        let apps = market.rules.maxAppsPerNode - market.hosted[node].count
        let expected = SIMD4(Int32(free.cpuTenths), Int32(free.ramMB), Int32(free.hddGB), Int32(apps))
        if expected != market.room[node] { problems.append("node \(node) room \(market.room[node]) is stale") }
      }
      let roomy = all(market.room[node] .>= market.smallest)
      for lane in 0..<AppMarket.indexedLanes
      where market.roomy.contains(tier * AppMarket.indexedLanes + lane, node) != roomy {
        problems.append("node \(node) roomy membership disagrees with its room")
      }
    }
    for tier in 0..<3 {
      if openNodes[tier] != market.openNodes[tier] {
        problems.append("tier \(tier): \(market.openNodes[tier]) open, recounted \(openNodes[tier])")
      }
      if openUsed[tier] != market.openUsed[tier] {
        problems.append("tier \(tier): open use \(market.openUsed[tier]), recounted \(openUsed[tier])")
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
