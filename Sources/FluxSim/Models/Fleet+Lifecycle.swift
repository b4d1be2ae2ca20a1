import FluxCore

/// Node lifecycle under the era's real timers (flux-rules.md §4.2–§4.3): START, the
/// INITIAL_CONFIRM window, the DoS list, expiry of a lapsed confirm, spent collateral,
/// and the collateral change of 2022 (§3.1). Every timer comes from FluxCore, for the
/// block it applies in, so a scheduled change of timers or collateral rules acts from
/// its activation block.
///
/// The lifecycle's events are height actions: `actions` is the simulation's queue of
/// them, `tip` the last connected block (while block `height` runs its actions, the one
/// below it).
extension Fleet {
  /// Carries out `action`, due in block `height`; returns what the other models must react to.
  mutating func handle(
    _ action: HeightAction, height: Int, tip: Int, actions: inout EventQueue<HeightAction>
  ) -> FleetChange {
    switch action {
    case .start(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), nodes[id].state == .pending, nodes[id].online else { return .none }
      start(id, at: height, actions: &actions)
    case .confirm(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), nodes[id].state == .started, nodes[id].online else { return .none }
      return confirm(id, at: height, actions: &actions)
    case .dosCheck(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), nodes[id].state == .started else { return .none }
      setState(id, .dosListed)
      let release = rules.book.dosReleaseHeight(startHeight: nodes[id].startHeight)
      actions.schedule(.dosRelease(node: node, generation: generation), at: BlockPhase.transactions.key(release))
      return .leftService(node: id)
    case .dosRelease(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), nodes[id].state == .dosListed else { return .none }
      setState(id, .pending)
      nodes[id].earliestStart = height
      if nodes[id].online { scheduleStart(id, tip: tip, actions: &actions) }
    case .expireIfOffline(let node, let outage):
      let id = Int(node)
      guard nodes[id].uptimeGeneration == outage, !nodes[id].online, nodes[id].state == .confirmed
      else { return .none }
      setState(id, .expired)
      return .leftService(node: id)
    case .spend(let node):
      setState(Int(node), .exited)
      return .leftService(node: Int(node))
    case .migrateCollateral(let node, let generation):
      let id = Int(node)
      let reduced = rules.book.reducedCollateral(nodes[id].tier)
      guard isCurrent(node, generation), nodes[id].collateralAmount != reduced, nodes[id].state != .exited
      else { return .none }
      // The operator locks the reduced amount in a new output and restarts on it.
      setState(id, .pending)
      renewCollateral(id, amount: reduced)
      nodes[id].earliestStart = height
      if nodes[id].online { start(id, at: height, actions: &actions) }
    case .collateralCheck(let node, let generation):
      let id = Int(node)
      let entry = nodes[id]
      guard isCurrent(node, generation), entry.state == .confirmed,
        rules.book.mustExpireForCollateral(tier: entry.tier, amount: entry.collateralAmount, at: height)
      else { return .none }
      // Expired, then restarted on the reduced amount: out of service either way, so
      // the market may move its apps after both (it reads only who produces).
      setState(id, .expired)
      renewCollateral(id, amount: rules.book.reducedCollateral(entry.tier))
      setState(id, .pending)
      nodes[id].earliestStart = rules.book.firstMatureHeight(coinHeight: height)
      if entry.online { scheduleStart(id, tip: tip, actions: &actions) }
      return .leftService(node: id)
    }
    return .none
  }

  /// Whether an action of `generation` (a START's) is still `node`'s own.
  @inline(__always) func isCurrent(_ node: Int32, _ generation: UInt32) -> Bool {
    nodes[Int(node)].generation == generation
  }

  /// Schedules the START of a pending node at the first height it may be mined.
  mutating func scheduleStart(_ node: Int, tip: Int, actions: inout EventQueue<HeightAction>) {
    let height = max(tip + rules.config.startDelayBlocks, nodes[node].earliestStart, tip + 1)
    actions.schedule(
      .start(node: Int32(node), generation: nodes[node].generation), at: BlockPhase.transactions.key(height))
  }

  /// A START mined in block `height`: the confirm follows after a drawn delay, unless the
  /// draw misses the era's window, in which case the DoS check catches it.
  mutating func start(_ node: Int, at height: Int, actions: inout EventQueue<HeightAction>) {
    nodes[node].generation &+= 1
    let generation = nodes[node].generation
    nodes[node].startHeight = height
    setState(node, .started)
    let window = rules.book.startConfirmWindow(at: height)
    let delay = Checked.count(
      rules.config.confirmDelayBlocks.sample(rules.stream).rounded(.up), in: 1...ChainParams.maxHeight)
    if delay <= window {
      actions.schedule(
        .confirm(node: Int32(node), generation: generation), at: BlockPhase.transactions.key(height + delay))
    }
    actions.schedule(
      .dosCheck(node: Int32(node), generation: generation),
      at: BlockPhase.dos.key(rules.book.initialConfirmDeadline(startHeight: height)))
  }

  /// An INITIAL_CONFIRM in block `height`: the node joins the back of its tier's list
  /// with key (height, unpaid).
  mutating func confirm(_ node: Int, at height: Int, actions: inout EventQueue<HeightAction>) -> FleetChange {
    nodes[node].confirmedHeight = height
    ledger[node].lastPaid = 0
    nodes[node].confirmAnchor = height
    nodes[node].everConfirmed = true
    let key = PayeeKey(confirmedHeight: height, lastPaid: 0, collateral: nodes[node].collateral)
    withQueue(nodes[node].tier.index) { $0.insert(node: node, key: key) }
    setState(node, .confirmed)
    scheduleCollateralChange(node, from: height, actions: &actions)
    return .enteredService(node: node, height: height)
  }

  /// For a node on the original collateral with its tier's window still ahead: most move
  /// to the reduced amount inside the window; the rest meet the forced expiry at its end.
  mutating func scheduleCollateralChange(_ node: Int, from height: Int, actions: inout EventQueue<HeightAction>) {
    let entry = nodes[node]
    guard entry.collateralAmount != rules.book.reducedCollateral(entry.tier),
      let window = rules.book.transitionWindow(entry.tier), window.upperBound > height
    else { return }
    let generation = entry.generation
    if rules.stream.bernoulli(rules.config.collateralMigrationShare) {
      let first = max(window.lowerBound, height + 1)
      let at = first + rules.stream.integer(below: max(1, window.upperBound - first))
      actions.schedule(
        .migrateCollateral(node: Int32(node), generation: generation), at: BlockPhase.transactions.key(at))
    } else {
      actions.schedule(
        .collateralCheck(node: Int32(node), generation: generation), at: BlockPhase.removals.key(window.upperBound))
    }
  }

  /// The last height at or before `height` at which a confirmed, online node confirmed:
  /// it re-confirms as soon as the interval allows, every `minConfirmInterval + 1` blocks.
  /// Inlined: called out of line from the fleet's mutating methods, it had the whole
  /// `Fleet` copied to pass it (callgrind).
  @inline(__always) func lastConfirm(_ node: Int, at height: Int) -> Int {
    let period = rules.book.confirmPeriod(at: height)
    let anchor = nodes[node].confirmAnchor
    return anchor + (height - anchor) / period * period
  }

  /// At the first block of a scheduled change that sets a new confirm interval M: each
  /// confirmed node's last confirm c before it (on the old interval's grid) stays its last,
  /// and it next confirms in the first block h of the new era with h − c > M (fluxd
  /// `CheckConfirmationHeights`, flux-rules.md §4.2), then every M + 1 blocks. A new
  /// INITIAL_CONFIRM in that block anchors the node there, which this leaves as it is.
  mutating func realignConfirms(at height: Int) {
    let period = rules.book.confirmPeriod(at: height)
    guard period != rules.book.confirmPeriod(at: height - 1) else { return }
    for node in nodes.indices where nodes[node].state == .confirmed {
      let last = lastConfirm(node, at: height - 1)
      nodes[node].confirmAnchor = last + period >= height ? last : height
    }
  }
}

extension ChainParams {
  /// The first block in which a collateral mined in block `coin` is old enough for a
  /// START (`isCollateralMature`), each block asking the confirmations of its era: the
  /// first era holding a height at least `coin` + its requirement.
  func firstMatureHeight(coinHeight coin: Int) -> Int {
    var (start, required) = (0, collateral.minConfirmations)
    for index in changes.indices {
      // Heights stay below 2^32: no overflow.
      let candidate = max(start, coin + required)
      if candidate < changes[index].activation { return candidate }
      (start, required) = (changes[index].activation, changes[index].params.collateral.minConfirmations)
    }
    return max(start, coin + required)
  }
}
