/// The registered apps of a market: each app's spec, period and hosts, the free slots
/// of finished apps, the apps waiting for capacity, and the counts a sample reports. It
/// owns which app runs where; the nodes' side of an instance is the `HostIndex`'s.
struct AppRegistry {
  var apps: [HostedApp] = []
  var freeSlots: [Int32] = []
  /// Active apps with fewer instances placed than they ask for.
  var waiting = IndexedSet()
  var registered = 0
  var activeApps = 0
  var instancesWanted = 0
  var instancesRunning = 0

  /// Registers `app` in a free slot; returns its index.
  mutating func add(_ app: HostedApp) -> Int {
    var app = app
    app.hosts.reserveCapacity(app.spec.instances)
    registered += 1
    activeApps += 1
    instancesWanted += app.spec.instances
    if let slot = freeSlots.popLast() {
      let index = Int(slot)
      app.generation = apps[index].generation &+ 1
      apps[index] = app
      return index
    }
    apps.append(app)
    return apps.count - 1
  }

  /// Frees the slot of an app with no instances left.
  mutating func release(_ app: Int) {
    precondition(apps[app].hosts.isEmpty, "an app is released with instances still placed")
    activeApps -= 1
    instancesWanted -= apps[app].spec.instances
    apps[app].active = false
    apps[app].generation &+= 1
    waiting.remove(app)
    freeSlots.append(Int32(app))
  }

  /// Whether `app`'s event of `generation` is still its own (the slot was not reused).
  func isCurrent(_ app: Int, generation: UInt32) -> Bool {
    apps[app].generation == generation && apps[app].active
  }

  /// Records an instance of `app` on `node` from `height`.
  mutating func addHost(_ app: Int, node: Int, height: Int) {
    apps[app].hosts.append(Host(node: Int32(node), since: Int32(height)))
    instancesRunning += 1
  }

  /// Drops host number `host` of `app` at time `now`: a complete app becomes short from then.
  mutating func removeHost(_ app: Int, at host: Int, now: Int64) {
    if apps[app].missing == 0 { apps[app].shortSince = now }
    apps[app].hosts.remove(at: host)
    instancesRunning -= 1
  }

  /// Keeps `waiting` equal to the set of active apps with missing instances.
  mutating func updateWaiting(_ app: Int) {
    if apps[app].active && apps[app].missing > 0 { waiting.insert(app) } else { waiting.remove(app) }
  }
}
