/// Bookkeeping checks of the app registry, recomputed from scratch: no app twice on a
/// node or on more nodes than it asks for, `waiting` exactly the short active apps, and
/// every running count equal to its recount. Part of `AppMarket.invariantViolations`.
///
/// - Complexity: O(a + i²) for a apps and i instances of one app.
extension AppRegistry {
  func invariantViolations() -> [String] {
    var problems: [String] = []
    var running = 0
    var wanted = 0
    var active = 0
    for (id, app) in apps.enumerated() where app.active {
      active += 1
      wanted += app.spec.instances
      running += app.hosts.count
      if app.hosts.indices.contains(where: { i in app.hosts[..<i].contains { $0.node == app.hosts[i].node } }) {
        problems.append("app \(id) has two instances on one node")
      }
      if app.hosts.count > app.spec.instances { problems.append("app \(id) runs more instances than it asks for") }
      if waiting.contains(id) != (app.missing > 0) { problems.append("app \(id) waiting membership is wrong") }
    }
    if running != instancesRunning { problems.append("\(instancesRunning) instances, recounted \(running)") }
    if wanted != instancesWanted { problems.append("\(instancesWanted) wanted, recounted \(wanted)") }
    if active != activeApps { problems.append("\(activeApps) apps, recounted \(active)") }
    return problems
  }
}
