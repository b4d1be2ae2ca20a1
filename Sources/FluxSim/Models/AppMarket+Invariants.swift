import FluxCore

/// Bookkeeping checks of the app market, recomputed from scratch: the registry's and the
/// host index's own checks, and where they meet: every instance listed by its node and
/// only on a node in service, and each node's use the sum of its instances' needs. Tests
/// call this, and the engine after every step when built with `FLUXSIM_INTERNAL_CHECKS`
/// (`Simulation.checkInvariants`); a non-empty answer is a bug in the engine.
///
/// - Complexity: O(n + i) for n nodes and i placed instances.
extension AppMarket {
  func invariantViolations(fleet: Fleet) -> [String] {
    var problems = registry.invariantViolations()
    var used = [AppResources](repeating: .zero, count: hostIndex.used.count)
    for (id, app) in registry.apps.enumerated() where app.active {
      for host in app.hosts.map({ Int($0.node) }) {
        used[host] = used[host] + app.need
        if !hostIndex.hosted[host].contains(Int32(id)) { problems.append("node \(host) does not list app \(id)") }
        let state = fleet.nodes[host].state
        if state == .expired || state == .exited || state == .dosListed {
          problems.append("app \(id) has an instance on node \(host) in state \(state)")
        }
      }
    }
    return problems + hostIndex.invariantViolations(used: used, fleet: fleet)
  }
}
