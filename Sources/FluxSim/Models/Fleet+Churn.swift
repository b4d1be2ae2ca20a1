import FluxCore

/// Churn: per tier, joins and exits as Poisson processes whose rates are the given
/// fractions of the tier's current size per month. A leaving node stops at once and
/// its collateral is spent in the next block (it is still paid there if at the front);
/// a joining node locks a new collateral and may START once it has 100 confirmations.
extension Simulation {
  /// Creates the initial fleet and the uptime processes.
  mutating func setUpFleet() {
    let tipStart: Bool
    if case .tip = config.start { tipStart = true } else { tipStart = false }
    let availability = config.fleet.uptime?.availability ?? 1
    for tier in Tier.allCases {
      for _ in 0..<config.fleet.initialNodes[tier] {
        let online = stream.bernoulli(availability)
        let node = fleet.add(
          tier: tier, collateral: chain.lockedCollateral(tier, at: chain.height + 1), online: online, seed: config.seed)
        if tipStart {
          // Confirmed before the tip, in the steady rotation; placed in the list below.
          fleet.nodes[node].everConfirmed = true
          fleet.setState(node, .confirmed)
          let period = params.nodeTimers(at: chain.height).minConfirmInterval + 1
          fleet.nodes[node].confirmAnchor = chain.height - stream.integer(below: period)
          if !online { goOffline(node) }
          scheduleCollateralChange(node, from: chain.height)
        } else {
          fleet.nodes[node].earliestStart = params.upgrades.kamata ?? 0
          if online { scheduleStart(node) }
        }
        scheduleUptime(node)
      }
    }
    if tipStart { placeInitialRotation() }
  }

  /// Gives the tip's confirmed nodes a random place in each tier's rotation: node i of
  /// a shuffled tier was last paid i + 1 blocks before the tip.
  private mutating func placeInitialRotation() {
    for tier in Tier.allCases {
      var members = fleet.nodes.indices.filter { fleet.nodes[$0].tier == tier }
      for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, stream.integer(below: i + 1)) }
      for (offset, node) in members.enumerated() {
        let lastPaid = chain.height - members.count + offset + 1
        fleet.ledger[node].lastPaid = Int32(lastPaid)
        fleet.nodes[node].confirmedHeight = lastPaid - 1
        let key = PayeeKey(confirmedHeight: lastPaid - 1, lastPaid: lastPaid, collateral: fleet.nodes[node].collateral)
        fleet.withQueue(tier.index) { $0.insert(node: node, key: key) }
      }
    }
  }

  private mutating func scheduleUptime(_ node: Int) {
    guard let uptime = config.fleet.uptime else { return }
    let period = fleet.nodes[node].online ? uptime.online : uptime.offline
    schedule(.uptime(node: Int32(node), generation: fleet.nodes[node].uptimeGeneration), after: period.sample(stream))
  }

  mutating func setUpChurn() {
    for tier in Tier.allCases {
      scheduleChurn(.join(tier), rate: config.fleet.churn.joinsPerMonth[tier], tier: tier)
      scheduleChurn(.exit(tier), rate: config.fleet.churn.exitsPerMonth[tier], tier: tier)
    }
  }

  /// Schedules the next churn event of a kind after an exponential wait at the tier's current size.
  private mutating func scheduleChurn(_ event: Event, rate: Double, tier: Tier) {
    let size = max(1, fleet.alive[tier.index].count)
    guard rate > 0 else { return }
    schedule(event, after: stream.exponential(mean: JobConfig.secondsPerMonth / (rate * Double(size))))
  }

  mutating func join(_ tier: Tier) {
    addNode(tier)
    scheduleChurn(.join(tier), rate: config.fleet.churn.joinsPerMonth[tier], tier: tier)
  }

  mutating func exit(_ tier: Tier) {
    removeRandomNode(tier)
    scheduleChurn(.exit(tier), rate: config.fleet.churn.exitsPerMonth[tier], tier: tier)
  }

  /// A new node of `tier` locks its collateral now and STARTs once it is mature; none
  /// once the job has created `JobConfig.maxNodes` (the validator refuses scenarios whose
  /// churn is expected to get there; ROI joins respond to profit, so only this bounds them).
  mutating func addNode(_ tier: Tier) {
    guard fleet.created < JobConfig.maxNodes else { return }
    let node = fleet.add(
      tier: tier, collateral: chain.lockedCollateral(tier, at: chain.height + 1), online: true, seed: config.seed)
    market.hostIndex.reset(node, tier: tier.index)
    fleet.nodes[node].earliestStart = max(
      chain.firstMatureHeight(coinHeight: chain.height + 1), params.upgrades.kamata ?? 0)
    scheduleStart(node)
    scheduleUptime(node)
  }

  /// A node of `tier` drawn at random stops now; its collateral is spent in the next block.
  mutating func removeRandomNode(_ tier: Tier) {
    let alive = fleet.alive[tier.index]
    if alive.count > 0 {
      let node = alive[stream.integer(below: alive.count)]
      fleet.alive[tier.index].remove(node)
      fleet.setOnline(node, false)
      if fleet.nodes[node].state == .confirmed {
        // Still in the payee list until the spend is mined in the next block.
        schedule(.spend(node: Int32(node)), atHeight: chain.height + 1, .removals)
      } else {
        retire(node, to: .exited)
      }
    }
  }

}
