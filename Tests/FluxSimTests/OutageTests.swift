import FluxCore
import Testing

@testable import FluxSim

/// Uptime and the real expiry timers (flux-rules.md §4.2–§4.3): a short outage keeps the
/// node's place (and its payments), a long one expires it and it restarts at the back.
@Suite struct OutageTests {
  /// A steady fleet and the stratus node that is paid last in the current rotation.
  func setUp() -> (Simulation, node: Int) {
    let simulation = Simulation(config: Fixtures.steadyPoN(nodes: TierValues(cumulus: 5, nimbus: 5, stratus: 9)))
    let node = simulation.fleet.queue(Tier.stratus.index).orderedNodes().last!
    return (simulation, node)
  }

  @Test func shortOutageKeepsItsPlaceAndIsStillPaid() {
    var (simulation, node) = setUp()
    let before = simulation.fleet.queue(Tier.stratus.index).orderedNodes()
    simulation.goOffline(node)
    #expect(!simulation.fleet.producers.contains(node))
    // 100 blocks offline: well inside the 640-block PoN expiry.
    simulation.advance(toHeight: simulation.chain.height + 100)
    #expect(simulation.fleet.nodes[node].state == .confirmed)
    #expect(simulation.fleet.ledger[node].payments > 0, "an offline confirmed node is still paid")
    simulation.goOnline(node)
    #expect(simulation.fleet.producers.contains(node))
    // 100 blocks = 11 rotations of 9 plus 1: the order has advanced by exactly one place.
    #expect(simulation.fleet.queue(Tier.stratus.index).orderedNodes() == Array(before[1...] + before[..<1]))
    #expect(simulation.invariantViolations() == [])
  }

  @Test func longOutageExpiresAtTheRealHeightAndRejoinsAtTheBack() {
    var (simulation, node) = setUp()
    let tip = simulation.chain.height
    let lastConfirm = simulation.fleet.lastConfirm(node, at: tip)
    let expiry = simulation.params.expiryHeight(lastConfirm: lastConfirm)
    #expect(expiry == lastConfirm + 641)
    simulation.goOffline(node)
    simulation.advance(toHeight: expiry - 1)
    #expect(simulation.fleet.nodes[node].state == .confirmed)
    simulation.advance(toHeight: expiry)
    #expect(simulation.fleet.nodes[node].state == .expired)
    #expect(!simulation.fleet.queue(Tier.stratus.index).contains(node: node))
    // Back online: START in the next block, INITIAL_CONFIRM a few blocks later.
    simulation.goOnline(node)
    while simulation.fleet.nodes[node].state != .confirmed, simulation.chain.height < expiry + 240 {
      simulation.advance(toHeight: simulation.chain.height + 1)
    }
    #expect(simulation.fleet.nodes[node].confirmedHeight == simulation.chain.height)
    // Confirmed in this block with key (h, unpaid): behind every node of its tier except
    // the one paid in this same block, whose key (h, paid) sorts after it.
    let order = simulation.fleet.queue(Tier.stratus.index).orderedNodes()
    #expect(order.count == 9)
    #expect(order[order.count - 2] == node)
    #expect(simulation.fleet.ledger[order[order.count - 1]].lastPaid == Int32(simulation.chain.height))
    #expect(simulation.invariantViolations() == [])
  }
}
