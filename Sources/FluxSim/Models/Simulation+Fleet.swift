import FluxCore

/// The fleet's events as the simulation runs them: each hands the fleet's model the
/// queues and the clock, then lets the other models react to what changed
/// (`FleetChange`): the app market to a node entering or leaving service, block
/// production to a producer coming back.
extension Simulation {
  /// Creates the initial fleet and schedules its first churn.
  mutating func setUpFleet() {
    let tipStart: Bool
    if case .tip = config.start { tipStart = true } else { tipStart = false }
    fleet.setUp(tipStart: tipStart, tip: chain.height, now: chain.now, actions: &actions, events: &events)
    fleet.setUpChurn(now: chain.now, events: &events)
  }

  /// Carries out a lifecycle action due in block `height`.
  mutating func handle(_ action: HeightAction, height: Int) {
    react(to: fleet.handle(action, height: height, tip: chain.height, actions: &actions))
  }

  /// An uptime flip of `node`, unless it is stale; then its next.
  mutating func flipUptime(_ node: Int, generation: UInt32) {
    guard let change = fleet.flipUptime(node, generation: generation, tip: chain.height, actions: &actions)
    else { return }
    react(to: change)
    fleet.scheduleUptime(node, now: chain.now, events: &events)
  }

  /// Takes `node` offline now, outside its uptime process (tests).
  mutating func goOffline(_ node: Int) { fleet.goOffline(node, tip: chain.height, actions: &actions) }

  /// Brings `node` back online now, outside its uptime process (tests).
  mutating func goOnline(_ node: Int) { react(to: fleet.goOnline(node, tip: chain.height, actions: &actions)) }

  /// A churn join of `tier`, then the next.
  mutating func join(_ tier: Tier) {
    addNode(tier)
    fleet.scheduleJoin(tier, now: chain.now, events: &events)
  }

  /// A churn exit of `tier`, then the next.
  mutating func exit(_ tier: Tier) {
    removeRandomNode(tier)
    fleet.scheduleExit(tier, now: chain.now, events: &events)
  }

  /// A new node of `tier` (a churn or ROI join).
  mutating func addNode(_ tier: Tier) {
    react(to: fleet.addNode(tier, tip: chain.height, now: chain.now, actions: &actions, events: &events))
  }

  /// A node of `tier` drawn at random leaves (a churn or ROI exit).
  mutating func removeRandomNode(_ tier: Tier) {
    react(to: fleet.removeRandomNode(tier, tip: chain.height, actions: &actions))
  }

  /// What the other models do about a change in the fleet.
  @inline(__always) mutating func react(to change: FleetChange) {
    switch change {
    case .none:
      break
    case .enteredService(let node, let height):
      market.offer(node, fleet: fleet, now: chain.now, height: height)
      resumeIfStalled()
    case .leftService(let node):
      evictApps(node)
    case .added(let node, let tier):
      market.hostIndex.reset(node, tier: tier.index)
    }
  }
}
