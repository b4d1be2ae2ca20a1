import FluxCore

/// Node lifecycle under the era's real timers (flux-rules.md §4.2–§4.3): START, the
/// INITIAL_CONFIRM window, the DoS list, expiry of a lapsed confirm, spent collateral,
/// and the collateral change of 2022 (§3.1). Every timer comes from FluxCore, for the
/// block it applies in, so a scheduled change of timers or collateral rules acts from
/// its activation block.
extension Simulation {
  mutating func handle(_ action: HeightAction, height: Int) {
    switch action {
    case .start(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), fleet.nodes[id].state == .pending, fleet.nodes[id].online else { return }
      start(id, at: height)
    case .confirm(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), fleet.nodes[id].state == .started, fleet.nodes[id].online else { return }
      confirm(id, at: height)
    case .dosCheck(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), fleet.nodes[id].state == .started else { return }
      retire(id, to: .dosListed)
      let release = params.dosReleaseHeight(startHeight: fleet.nodes[id].startHeight)
      schedule(.dosRelease(node: node, generation: generation), atHeight: release, .transactions)
    case .dosRelease(let node, let generation):
      let id = Int(node)
      guard isCurrent(node, generation), fleet.nodes[id].state == .dosListed else { return }
      fleet.setState(id, .pending)
      fleet.nodes[id].earliestStart = height
      if fleet.nodes[id].online { scheduleStart(id) }
    case .expireIfOffline(let node, let outage):
      let id = Int(node)
      guard fleet.nodes[id].uptimeGeneration == outage, !fleet.nodes[id].online,
        fleet.nodes[id].state == .confirmed
      else { return }
      retire(id, to: .expired)
    case .spend(let node):
      retire(Int(node), to: .exited)
    case .migrateCollateral(let node, let generation):
      let id = Int(node)
      let reduced = params.collateral.v2[fleet.nodes[id].tier]
      guard isCurrent(node, generation), fleet.nodes[id].collateralAmount != reduced,
        fleet.nodes[id].state != .exited
      else { return }
      // The operator locks the reduced amount in a new output and restarts on it.
      fleet.setState(id, .pending)
      fleet.renewCollateral(id, amount: reduced, seed: config.seed)
      fleet.nodes[id].earliestStart = height
      if fleet.nodes[id].online { start(id, at: height) }
    case .collateralCheck(let node, let generation):
      let id = Int(node)
      let entry = fleet.nodes[id]
      guard isCurrent(node, generation), entry.state == .confirmed,
        params.mustExpireForCollateral(tier: entry.tier, amount: entry.collateralAmount, at: height)
      else { return }
      retire(id, to: .expired)
      fleet.renewCollateral(id, amount: params.collateral.v2[entry.tier], seed: config.seed)
      fleet.setState(id, .pending)
      fleet.nodes[id].earliestStart = chain.firstMatureHeight(coinHeight: height)
      if entry.online { scheduleStart(id) }
    }
  }

  @inline(__always) mutating func isCurrent(_ node: Int32, _ generation: UInt32) -> Bool {
    fleet.nodes[Int(node)].generation == generation
  }

  /// Schedules the START of a pending node at the first height it may be mined.
  mutating func scheduleStart(_ node: Int) {
    let height = max(chain.height + config.fleet.startDelayBlocks, fleet.nodes[node].earliestStart, chain.height + 1)
    schedule(.start(node: Int32(node), generation: fleet.nodes[node].generation), atHeight: height, .transactions)
  }

  /// A START mined in block `height`: the confirm follows after a drawn delay, unless the
  /// draw misses the era's window, in which case the DoS check catches it.
  mutating func start(_ node: Int, at height: Int) {
    fleet.nodes[node].generation &+= 1
    let generation = fleet.nodes[node].generation
    fleet.nodes[node].startHeight = height
    fleet.setState(node, .started)
    let window = params.nodeTimers(at: height).startConfirmWindow
    let delay = Checked.count(
      config.fleet.confirmDelayBlocks.sample(stream).rounded(.up), in: 1...ChainParams.maxHeight)
    if delay <= window {
      schedule(.confirm(node: Int32(node), generation: generation), atHeight: height + delay, .transactions)
    }
    schedule(
      .dosCheck(node: Int32(node), generation: generation),
      atHeight: params.initialConfirmDeadline(startHeight: height), .dos)
  }

  /// An INITIAL_CONFIRM in block `height`: the node joins the back of its tier's list
  /// with key (height, unpaid).
  mutating func confirm(_ node: Int, at height: Int) {
    fleet.nodes[node].confirmedHeight = height
    fleet.ledger[node].lastPaid = 0
    fleet.nodes[node].confirmAnchor = height
    fleet.nodes[node].everConfirmed = true
    let key = PayeeKey(confirmedHeight: height, lastPaid: 0, collateral: fleet.nodes[node].collateral)
    fleet.withQueue(fleet.nodes[node].tier.index) { $0.insert(node: node, key: key) }
    fleet.setState(node, .confirmed)
    market.offer(node, fleet: fleet, now: chain.now, height: height)
    scheduleCollateralChange(node, from: height)
    resumeIfStalled()
  }

  /// For a node on the original collateral with its tier's window still ahead: most move
  /// to the reduced amount inside the window; the rest meet the forced expiry at its end.
  mutating func scheduleCollateralChange(_ node: Int, from height: Int) {
    let entry = fleet.nodes[node]
    guard entry.collateralAmount != params.collateral.v2[entry.tier],
      let window = params.collateral.transitionWindows?[entry.tier], window.upperBound > height
    else { return }
    let generation = entry.generation
    if stream.bernoulli(config.fleet.collateralMigrationShare) {
      let first = max(window.lowerBound, height + 1)
      let at = first + stream.integer(below: max(1, window.upperBound - first))
      schedule(.migrateCollateral(node: Int32(node), generation: generation), atHeight: at, .transactions)
    } else {
      schedule(.collateralCheck(node: Int32(node), generation: generation), atHeight: window.upperBound, .removals)
    }
  }

  /// The last height at or before `height` at which a confirmed, online node confirmed:
  /// it re-confirms as soon as the interval allows, every `minConfirmInterval + 1` blocks.
  mutating func lastConfirm(_ node: Int, at height: Int) -> Int {
    let period = params.nodeTimers(at: height).minConfirmInterval + 1
    let anchor = fleet.nodes[node].confirmAnchor
    return anchor + (height - anchor) / period * period
  }

  /// At the first block of a scheduled change that sets a new confirm interval M: each
  /// confirmed node's last confirm c before it (on the old interval's grid) stays its last,
  /// and it next confirms in the first block h of the new era with h − c > M (fluxd
  /// `CheckConfirmationHeights`, flux-rules.md §4.2), then every M + 1 blocks. A new
  /// INITIAL_CONFIRM in that block anchors the node there, which this leaves as it is.
  mutating func realignConfirms(at height: Int) {
    let period = params.nodeTimers(at: height).minConfirmInterval + 1
    guard period != params.nodeTimers(at: height - 1).minConfirmInterval + 1 else { return }
    for node in fleet.nodes.indices where fleet.nodes[node].state == .confirmed {
      let last = lastConfirm(node, at: height - 1)
      fleet.nodes[node].confirmAnchor = last + period >= height ? last : height
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
