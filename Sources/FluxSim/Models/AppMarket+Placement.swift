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
  /// Whether `node` may take an instance of `app`, which needs `lanes`, now.
  @inline(__always) func canHost(_ node: Int, app: Int, lanes: SIMD4<Int32>, fleet: Fleet) -> Bool {
    hostIndex.hasRoom(node, for: lanes) && HostIndex.isInService(node, fleet: fleet)
      && !registry.apps[app].isHosted(on: Int32(node))
  }

  /// Whether nodes of tier index `tier` may take `app` at `now` (its deferral has passed).
  func isEligible(_ app: Int, tier: Int, now: Int64) -> Bool {
    now - registry.apps[app].shortSince >= Int64(registry.apps[app].deferral[tier])
  }

  /// Places as many missing instances of `app` as nodes allow; returns when to try
  /// again if a larger tier's deferral has yet to pass and instances are still missing.
  mutating func place(_ app: Int, fleet: Fleet, now: Int64, height: Int) -> Int64? {
    hostIndex.grow(fleet)
    var tiers = TierSet()
    var later: Int64?
    for t in 0..<3 {
      if isEligible(app, tier: t, now: now) {
        tiers.insert(TierSet(index: t))
      } else {
        let time = registry.apps[app].shortSince + Int64(registry.apps[app].deferral[t])
        later = min(later ?? time, time)
      }
    }
    placeMissing(app, tiers: tiers, fleet: fleet, height: height)
    registry.updateWaiting(app)
    return registry.apps[app].missing > 0 ? later : nil
  }

  /// Places the missing instances of `app` on nodes of `tiers`, each on a node drawn
  /// uniformly among those that may take it then: by random proposals while they
  /// succeed, then from one exhaustive pass (the nodes that fit stay fit when another
  /// one takes an instance, so drawing several without replacement from that pass is
  /// the same as drawing one at a time).
  private mutating func placeMissing(_ app: Int, tiers eligible: TierSet, fleet: Fleet, height: Int) {
    guard let stream else { return }
    let need = registry.apps[app].need
    let lanes = HostIndex.lanes(need)
    let indexedLanes = HostIndex.indexedLanes
    // Per tier, the resource index that leaves the fewest candidates, and their number.
    var counts = SIMD4<Int>(repeating: 0)
    var lane = SIMD4<Int>(repeating: 0)
    for t in 0..<3 where eligible.contains(index: t) && !hostIndex.isSaturated(t, for: need) {
      counts[t] = .max
      for l in 0..<indexedLanes {
        let count = hostIndex.roomy.count(t * indexedLanes + l, atLeast: lanes[l])
        if count < counts[t] { (counts[t], lane[t]) = (count, l) }
      }
      if counts[t] == 0 { hostIndex.markSaturated(t, for: need) }
    }
    let total = counts.wrappedSum()
    guard total > 0 else { return }
    // Proposals pay off only among many candidates; a few are searched outright. The
    // counts are not updated as instances are placed: a node that no longer qualifies,
    // or an index past the end, is a miss, so each proposal stays uniform over the
    // candidates.
    var misses = 0
    while registry.apps[app].missing > 0, total > 16 * Self.proposals, misses < Self.proposals {
      var index = stream.integer(below: total)
      for t in 0..<3 {
        guard index >= counts[t] else {
          // `canHost`, with the room the index keeps beside the node.
          if let entry = hostIndex.roomy.entry(t * indexedLanes + lane[t], index, atLeast: lanes[lane[t]]),
            all(entry.room .>= lanes), HostIndex.isInService(Int(entry.node), fleet: fleet),
            !registry.apps[app].isHosted(on: entry.node)
          {
            addInstance(app, on: Int(entry.node), tier: t, height: height)
          } else {
            misses += 1
          }
          break
        }
        index -= counts[t]
      }
    }
    guard registry.apps[app].missing > 0 else { return }
    scratch.removeAll(keepingCapacity: true)
    // Read once: asked of the app's record for each candidate, the host list was
    // retained and released each time.
    let hosts = registry.apps[app].hosts
    for t in 0..<3 where counts[t] > 0 {
      // A tier where no node in service has room is full for this need and any larger
      // one, whatever the app (its own hosts excluded or not).
      var fits = false
      hostIndex.roomy.forEach(t * indexedLanes + lane[t], fitting: lanes) { node in
        guard HostIndex.isInService(node, fleet: fleet) else { return }
        fits = true
        if !hosts.contains(where: { $0.node == Int32(node) }) { scratch.append(Int32(node)) }
      }
      if !fits { hostIndex.markSaturated(t, for: need) }
    }
    var remaining = scratch.count
    while registry.apps[app].missing > 0, remaining > 0 {
      let pick = stream.integer(below: remaining)
      let node = Int(scratch[pick])
      scratch.swapAt(pick, remaining - 1)
      remaining -= 1
      addInstance(app, on: node, tier: Int(hostIndex.tierOf[node]), height: height)
    }
  }

  /// Starts an instance of `app` on `node` (of tier index `tier`) at `height`.
  mutating func addInstance(_ app: Int, on node: Int, tier: Int, height: Int) {
    if registry.apps[app].unplacedPayment > 0 {
      ledger.placed(registry.apps[app].unplacedPayment)
      registry.apps[app].unplacedPayment = 0
    }
    registry.addHost(app, node: node, height: height)
    hostIndex.add(app, need: registry.apps[app].need, on: node, tier: tier)
  }

  /// Stops the instance of `app` on `node` at `height` (time `now`), crediting the
  /// node's share of the period; a complete app becomes short from `now`.
  mutating func removeInstance(_ app: Int, from node: Int, fleet: Fleet, height: Int, now: Int64) {
    let tier = Int(hostIndex.tierOf[node])
    guard let position = registry.apps[app].hosts.firstIndex(where: { $0.node == Int32(node) }) else { return }
    credit(app, host: position, tier: tier, through: height)
    registry.removeHost(app, at: position, now: now)
    hostIndex.remove(app, need: registry.apps[app].need, from: node, tier: tier)
    hostIndex.capacityMayHaveGrown(node, fleet: fleet)
  }

  /// Offers the free capacity of `node` (just confirmed, or an instance just left it)
  /// to a few waiting apps picked at random, as a FluxOS node polls the list of apps
  /// that need instances.
  mutating func offer(_ node: Int, fleet: Fleet, now: Int64, height: Int) {
    guard hasApps else { return }
    hostIndex.grow(fleet)
    let tier = Int(hostIndex.tierOf[node])
    if hostIndex.isClosed(node) { hostIndex.open(node, tier: tier) }
    hostIndex.capacityMayHaveGrown(node, fleet: fleet)
    guard let stream, registry.waiting.count > 0, hostIndex.hasRoom(node, for: hostIndex.smallest) else { return }
    for _ in 0..<min(Self.offers, registry.waiting.count) {
      guard registry.waiting.count > 0 else { return }
      let app = registry.waiting[stream.integer(below: registry.waiting.count)]
      guard isEligible(app, tier: tier, now: now),
        canHost(node, app: app, lanes: HostIndex.lanes(registry.apps[app].need), fleet: fleet)
      else { continue }
      addInstance(app, on: node, tier: tier, height: height)
      registry.updateWaiting(app)
    }
  }
}
