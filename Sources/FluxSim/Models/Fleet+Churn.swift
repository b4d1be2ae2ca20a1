import FluxCore

/// The fleet's size over time: the initial fleet, and per tier joins and exits as
/// Poisson processes whose rates are the given fractions of the tier's current size per
/// month. A leaving node stops at once and its collateral is spent in the next block (it
/// is still paid there if at the front); a joining node locks a new collateral and may
/// START once it has 100 confirmations. The ROI response (`Operators`) adds and removes
/// nodes the same way.
///
/// An exit is two calls, `removeRandomNode` and then `scheduleExit`: the app market
/// re-places the leaving node's apps (and may schedule a retry) before the next exit is
/// scheduled, as it always has.
extension Fleet {
  /// Creates the initial fleet at block `tip` and time `now` with its uptime processes:
  /// from a tip (`tipStart`), confirmed and placed at random in each tier's rotation;
  /// from genesis, pending their START.
  mutating func setUp(
    tipStart: Bool, tip: Int, now: Int64, actions: inout EventQueue<HeightAction>, events: inout EventQueue<Event>
  ) {
    let availability = rules.config.uptime?.availability ?? 1
    reserve(nodes: Tier.allCases.reduce(0) { $0 + rules.config.initialNodes[$1] })
    for tier in Tier.allCases {
      for _ in 0..<rules.config.initialNodes[tier] {
        let online = rules.stream.bernoulli(availability)
        let node = add(tier: tier, collateral: rules.book.lockedCollateral(tier, at: tip + 1), online: online)
        if tipStart {
          // Confirmed before the tip, in the steady rotation; placed in the list below.
          nodes[node].everConfirmed = true
          setState(node, .confirmed)
          nodes[node].confirmAnchor = tip - rules.stream.integer(below: rules.book.confirmPeriod(at: tip))
          if !online { goOffline(node, tip: tip, actions: &actions) }
          scheduleCollateralChange(node, from: tip, actions: &actions)
        } else {
          nodes[node].earliestStart = rules.firstStartHeight
          if online { scheduleStart(node, tip: tip, actions: &actions) }
        }
        scheduleUptime(node, now: now, events: &events)
      }
    }
    if tipStart { placeInitialRotation(tip: tip) }
  }

  /// Gives the tip's confirmed nodes a random place in each tier's rotation: node i of
  /// a shuffled tier was last paid i + 1 blocks before the tip.
  private mutating func placeInitialRotation(tip: Int) {
    for tier in Tier.allCases {
      var members = nodes.indices.filter { nodes[$0].tier == tier }
      for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, rules.stream.integer(below: i + 1)) }
      for (offset, node) in members.enumerated() {
        let lastPaid = tip - members.count + offset + 1
        ledger[node].lastPaid = Int32(lastPaid)
        nodes[node].confirmedHeight = lastPaid - 1
        let key = PayeeKey(confirmedHeight: lastPaid - 1, lastPaid: lastPaid, collateral: nodes[node].collateral)
        withQueue(tier.index) { $0.insert(node: node, key: key) }
      }
    }
  }

  /// Schedules each tier's first join and first exit.
  mutating func setUpChurn(now: Int64, events: inout EventQueue<Event>) {
    for tier in Tier.allCases {
      scheduleJoin(tier, now: now, events: &events)
      scheduleExit(tier, now: now, events: &events)
    }
  }

  /// Schedules the next churn join of `tier`.
  mutating func scheduleJoin(_ tier: Tier, now: Int64, events: inout EventQueue<Event>) {
    scheduleChurn(.join(tier), rate: rules.config.churn.joinsPerMonth[tier], tier: tier, now: now, events: &events)
  }

  /// Schedules the next churn exit of `tier`.
  mutating func scheduleExit(_ tier: Tier, now: Int64, events: inout EventQueue<Event>) {
    scheduleChurn(.exit(tier), rate: rules.config.churn.exitsPerMonth[tier], tier: tier, now: now, events: &events)
  }

  /// Schedules the next churn event of a kind after an exponential wait at the tier's current size.
  private func scheduleChurn(_ event: Event, rate: Double, tier: Tier, now: Int64, events: inout EventQueue<Event>) {
    let size = max(1, alive[tier.index].count)
    guard rate > 0 else { return }
    let wait = rules.stream.exponential(mean: JobConfig.secondsPerMonth / (rate * Double(size)))
    events.schedule(event, at: Checked.time(after: wait, from: now))
  }

  /// A new node of `tier` locks its collateral after block `tip` and STARTs once it is
  /// mature; none once the job has created `JobConfig.maxNodes` (the validator refuses
  /// scenarios whose churn is expected to get there; ROI joins respond to profit, so only
  /// this bounds them).
  mutating func addNode(
    _ tier: Tier, tip: Int, now: Int64, actions: inout EventQueue<HeightAction>, events: inout EventQueue<Event>
  ) -> FleetChange {
    guard created < JobConfig.maxNodes else { return .none }
    let node = add(tier: tier, collateral: rules.book.lockedCollateral(tier, at: tip + 1), online: true)
    nodes[node].earliestStart = max(rules.book.firstMatureHeight(coinHeight: tip + 1), rules.firstStartHeight)
    scheduleStart(node, tip: tip, actions: &actions)
    scheduleUptime(node, now: now, events: &events)
    return .added(node: node, tier: tier)
  }

  /// A node of `tier` drawn at random stops after block `tip`; its collateral is spent in
  /// the next block.
  mutating func removeRandomNode(_ tier: Tier, tip: Int, actions: inout EventQueue<HeightAction>) -> FleetChange {
    let count = alive[tier.index].count
    guard count > 0 else { return .none }
    let node = alive[tier.index][rules.stream.integer(below: count)]
    alive[tier.index].remove(node)
    setOnline(node, false)
    guard nodes[node].state != .confirmed else {
      // Still in the payee list until the spend is mined in the next block.
      actions.schedule(.spend(node: Int32(node)), at: BlockPhase.removals.key(tip + 1))
      return .none
    }
    setState(node, .exited)
    return .leftService(node: node)
  }
}
