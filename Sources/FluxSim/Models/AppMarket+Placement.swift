import FluxCore

/// Placement by FluxOS's rules (flux-rules.md §7.4): a node takes an instance only if it
/// is confirmed and online, runs fewer than 200 apps, does not run the app already, and
/// the app fits in its tier's capacity minus what its apps use; a node of a large tier
/// takes a small app only after its deferral, so smaller tiers get small apps first.
///
/// FluxOS's pull (each node picks a random waiting app) is modelled from the app's side:
/// a missing instance goes to a node drawn uniformly among the nodes that may take it
/// now. Random proposals find one quickly while capacity is plentiful; when they fail,
/// an exhaustive pass decides, so an app waits only when no node can take it.
extension AppMarket {
  /// Whether `node` may take an instance of `app` now.
  func canHost(_ node: Int, app: Int, fleet: Fleet) -> Bool {
    let entry = fleet.nodes[node]
    guard entry.state == .confirmed, entry.online, hosted[node].count < rules.maxAppsPerNode else { return false }
    let candidate = apps[app]
    return candidate.need.fits(in: capacity[entry.tier.index] - used[node])
      && !candidate.hosts.contains(Int32(node))
  }

  /// Whether nodes of tier index `tier` may take `app` at `now` (its deferral has passed).
  func isEligible(_ app: Int, tier: Int, now: Int64) -> Bool {
    now - apps[app].shortSince >= Int64(apps[app].deferral[tier])
  }

  /// Places as many missing instances of `app` as nodes allow; returns when to try
  /// again if a larger tier's deferral has yet to pass and instances are still missing.
  mutating func place(_ app: Int, fleet: Fleet, now: Int64, height: Int) -> Int64? {
    grow(to: fleet.nodes.count)
    let tiers = (0..<3).filter { isEligible(app, tier: $0, now: now) }
    while apps[app].missing > 0, let node = findHost(app, tiers: tiers, fleet: fleet) {
      addInstance(app, on: node, tier: fleet.nodes[node].tier.index, height: height)
    }
    updateWaiting(app)
    guard apps[app].missing > 0 else { return nil }
    let later = (0..<3).filter { !tiers.contains($0) }.map { apps[app].shortSince + Int64(apps[app].deferral[$0]) }
    return later.min()
  }

  /// A node drawn uniformly among those of `tiers` that may take `app`, or nil.
  private mutating func findHost(_ app: Int, tiers: [Int], fleet: Fleet) -> Int? {
    guard let stream else { return nil }
    let total = tiers.reduce(0) { $0 + fleet.alive[$1].count }
    guard total > 0 else { return nil }
    for _ in 0..<Self.proposals {
      var index = stream.integer(below: total)
      for tier in tiers {
        let members = fleet.alive[tier]
        if index < members.count {
          let node = members[index]
          if canHost(node, app: app, fleet: fleet) { return node }
          break
        }
        index -= members.count
      }
    }
    scratch.removeAll(keepingCapacity: true)
    for tier in tiers {
      for node in fleet.alive[tier].members where canHost(Int(node), app: app, fleet: fleet) { scratch.append(node) }
    }
    return scratch.isEmpty ? nil : Int(scratch[stream.integer(below: scratch.count)])
  }

  /// Starts an instance of `app` on `node` (of tier index `tier`) at `height`.
  mutating func addInstance(_ app: Int, on node: Int, tier: Int, height: Int) {
    apps[app].hosts.append(Int32(node))
    apps[app].hostSince.append(Int32(height))
    used[node] = used[node] + apps[app].need
    hosted[node].append(Int32(app))
    instancesRunning += 1
  }

  /// Stops the instance of `app` on `node` at `height` (time `now`), crediting the
  /// node's share of the period; a complete app becomes short from `now`.
  mutating func removeInstance(_ app: Int, from node: Int, tier: Int, height: Int, now: Int64) {
    guard let position = apps[app].hosts.firstIndex(of: Int32(node)) else { return }
    credit(app, host: position, tier: tier, through: height)
    if apps[app].missing == 0 { apps[app].shortSince = now }
    apps[app].hosts.remove(at: position)
    apps[app].hostSince.remove(at: position)
    used[node] = used[node] - apps[app].need
    if let slot = hosted[node].firstIndex(of: Int32(app)) { hosted[node].remove(at: slot) }
    instancesRunning -= 1
  }

  /// Offers the free capacity of `node` (just confirmed, or an instance just left it)
  /// to a few waiting apps picked at random, as a FluxOS node polls the list of apps
  /// that need instances.
  mutating func offer(_ node: Int, fleet: Fleet, now: Int64, height: Int) {
    guard let stream, waiting.count > 0 else { return }
    grow(to: fleet.nodes.count)
    let tier = fleet.nodes[node].tier.index
    for _ in 0..<min(Self.offers, waiting.count) {
      guard waiting.count > 0 else { return }
      let app = waiting[stream.integer(below: waiting.count)]
      guard isEligible(app, tier: tier, now: now), canHost(node, app: app, fleet: fleet) else { continue }
      addInstance(app, on: node, tier: tier, height: height)
      updateWaiting(app)
    }
  }
}
