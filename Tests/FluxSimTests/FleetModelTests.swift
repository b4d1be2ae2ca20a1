import FluxCore
import Testing

@testable import FluxSim

/// The fleet's models on their own, without a simulation: they schedule into the queues
/// they are handed, at the heights FluxCore's rules give, and return the change the other
/// models must react to (`FleetChange`) instead of reaching into them.
@Suite struct FleetModelTests {
  /// A fleet from the measured tip with no initial nodes, no uptime process and no churn,
  /// whose nodes confirm exactly 3 blocks after their START.
  struct Bench {
    var fleet: Fleet
    var actions = EventQueue<HeightAction>()
    var events = EventQueue<Event>()
    let params: ChainParams
    let tip = TipState.measured2026.height

    init() {
      var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 0, nimbus: 0, stratus: 0))
      config.fleet.confirmDelayBlocks = .constant(3)
      params = config.rules.params
      fleet = Fleet(rules: FleetRules(config: config, stream: RandomStream(seed: 7)))
    }

    /// Pops the next height action and has the fleet carry it out in its block.
    mutating func runNextAction() -> (HeightAction, height: Int, FleetChange) {
      let (key, action) = actions.pop()!
      let height = Int(key / 4)
      return (action, height, fleet.handle(action, height: height, tip: height - 1, actions: &actions))
    }

    /// Adds a node of `tier` after the tip and runs its START and confirm; returns the
    /// node and the height it confirmed in.
    mutating func confirmedNode(_ tier: Tier) -> (node: Int, confirmed: Int) {
      guard case .added(let node, _) = fleet.addNode(tier, tip: tip, now: 0, actions: &actions, events: &events)
      else { preconditionFailure("no node added") }
      _ = runNextAction()
      let (_, height, _) = runNextAction()
      return (node, height)
    }
  }

  @Test func aJoiningNodeStartsWhenMatureAndItsConfirmIsTheMarketsCue() {
    var bench = Bench()
    let change = bench.fleet.addNode(.nimbus, tip: bench.tip, now: 0, actions: &bench.actions, events: &bench.events)
    guard case .added(let node, let tier) = change else {
      Issue.record("a join returned \(change)")
      return
    }
    #expect(node == 0 && tier == .nimbus)
    #expect(bench.events.entries.isEmpty, "no uptime process, so no flip is scheduled")
    // Its collateral is mined in the block after the tip and matures minConfirmations
    // blocks later (no scheduled change here); the START delay (1 block) is shorter.
    let startHeight = bench.tip + 1 + bench.params.collateral.minConfirmations
    #expect(bench.actions.peekKey == BlockPhase.transactions.key(startHeight))

    let (start, startedIn, started) = bench.runNextAction()
    guard case .start = start, case .none = started else {
      Issue.record("\(start) returned \(started)")
      return
    }
    #expect(startedIn == startHeight)
    #expect(bench.fleet.nodes[node].state == .started)
    #expect(bench.fleet.lockedCollateral[Tier.nimbus.index] == bench.params.collateral.v2[.nimbus].satoshi)
    // The confirm 3 blocks on (within the window), and the DoS check at FluxCore's deadline.
    let deadline = bench.params.initialConfirmDeadline(startHeight: startHeight)
    #expect(startHeight + 3 < deadline)
    #expect(
      bench.actions.entries.map(\.key).sorted() == [
        BlockPhase.transactions.key(startHeight + 3), BlockPhase.dos.key(deadline),
      ])

    let (_, confirmedIn, confirmed) = bench.runNextAction()
    guard case .enteredService(let entered, let height) = confirmed else {
      Issue.record("a confirm returned \(confirmed)")
      return
    }
    #expect(entered == node && height == startHeight + 3 && confirmedIn == height)
    #expect(bench.fleet.producers.contains(node))
    #expect(bench.fleet.queue(Tier.nimbus.index).contains(node: node))
    // The DoS check finds the START confirmed: nothing changes.
    let (_, _, checked) = bench.runNextAction()
    guard case .none = checked else {
      Issue.record("the DoS check of a confirmed node returned \(checked)")
      return
    }
    #expect(bench.fleet.nodes[node].state == .confirmed)
    #expect(bench.fleet.invariantViolations(leaving: []) == [])
  }

  @Test func aLeavingNodeLeavesServiceAtOnceOrWithItsSpend() {
    var bench = Bench()
    // Not yet confirmed: it exits at once, and the market must drop it.
    _ = bench.fleet.addNode(.cumulus, tip: bench.tip, now: 0, actions: &bench.actions, events: &bench.events)
    let pending = bench.fleet.removeRandomNode(.cumulus, tip: bench.tip, actions: &bench.actions)
    guard case .leftService(let exited) = pending else {
      Issue.record("a pending node's exit returned \(pending)")
      return
    }
    #expect(bench.fleet.nodes[exited].state == .exited)
    #expect(bench.fleet.alive[Tier.cumulus.index].count == 0)

    // Confirmed: it stops producing now and stays in its list until the spend is mined
    // in the next block, which is when it leaves service.
    var bench2 = Bench()
    let (node, confirmed) = bench2.confirmedNode(.stratus)
    let leaving = bench2.fleet.removeRandomNode(.stratus, tip: confirmed, actions: &bench2.actions)
    guard case .none = leaving else {
      Issue.record("a confirmed node's exit returned \(leaving)")
      return
    }
    #expect(!bench2.fleet.producers.contains(node))
    #expect(bench2.fleet.nodes[node].state == .confirmed)
    #expect(bench2.fleet.invariantViolations(leaving: [node]) == [])
    // The spend is the next action: the DoS check of its START is due after it (the
    // confirm came more than a block before FluxCore's deadline).
    let (action, height, spent) = bench2.runNextAction()
    guard case .spend = action else {
      Issue.record("\(action) came before the spend")
      return
    }
    #expect(height == confirmed + 1)
    guard case .leftService(node) = spent else {
      Issue.record("the spend returned \(spent)")
      return
    }
    #expect(bench2.fleet.nodes[node].state == .exited)
    #expect(bench2.fleet.invariantViolations(leaving: []) == [])
  }

  @Test func anOutageSchedulesTheExpiryAndTheReturnIsTheMarketsCue() {
    var bench = Bench()
    let (node, confirmed) = bench.confirmedNode(.cumulus)
    bench.actions = EventQueue()
    // Offline one block after its confirm: its last confirm is that block, and it
    // expires at FluxCore's expiry height for it unless it is back before.
    bench.fleet.goOffline(node, tip: confirmed + 1, actions: &bench.actions)
    #expect(bench.fleet.offlineConfirmed[Tier.cumulus.index] == 1)
    #expect(bench.actions.peekKey == BlockPhase.removals.key(bench.params.expiryHeight(lastConfirm: confirmed)))
    let back = bench.fleet.goOnline(node, tip: confirmed + 2, actions: &bench.actions)
    guard case .enteredService(node, confirmed + 2) = back else {
      Issue.record("coming back online returned \(back)")
      return
    }
    #expect(bench.fleet.producers.contains(node))
    // The expiry scheduled for that outage is stale now: it changes nothing.
    let (_, _, expiry) = bench.runNextAction()
    guard case .none = expiry else {
      Issue.record("a stale expiry returned \(expiry)")
      return
    }
    #expect(bench.fleet.nodes[node].state == .confirmed)
  }
}
