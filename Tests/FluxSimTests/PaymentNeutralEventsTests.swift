import FluxCore
import Testing

@testable import FluxSim

/// The events across which batched blocks stay unpaid (`Event.leavesPaymentsAlone`):
/// each pending one is carried out on a copy of a simulation in the middle of a turbulent
/// run, and must leave what the unpaid blocks will pay from exactly as it was.
@Suite struct PaymentNeutralEventsTests {
  /// What paying blocks reads and writes: the payee lists in order, the confirmed
  /// counts, the ledger entries of the nodes in the lists, and all that nodes were paid
  /// (a reused slot's former income included).
  struct PaymentView: Equatable {
    var lists: [[Int]]
    var confirmed: SIMD4<Int64>
    var listed: [Int64]
    var paid: [Int64]

    init(_ fleet: Fleet) {
      lists = (0..<3).map { fleet.queue($0).orderedNodes() }
      confirmed = fleet.confirmedByTier
      listed = lists.joined().flatMap { node in
        [fleet.ledger[node].income, Int64(fleet.ledger[node].payments), Int64(fleet.ledger[node].lastPaid)]
      }
      let byTier = fleet.paidByTier
      paid = [byTier[0], byTier[1], byTier[2]]
    }
  }

  @Test func flipsJoinsAndExitsLeaveThePaymentsAlone() {
    var simulation = QuietActionsTests().turbulentFleet(seed: 15)
    var seen = (flips: 0, joins: 0, reusedSlots: 0, exits: 0, confirmedExits: 0)
    for step in 1...120 {
      simulation.advance(toHeight: simulation.startHeight + 20 * step)
      for entry in simulation.events.entries where entry.item.leavesPaymentsAlone {
        var copy = simulation
        copy.chain.now = entry.key
        let before = PaymentView(copy.fleet)
        let producers = copy.fleet.producers.count
        copy.handle(entry.item)
        #expect(PaymentView(copy.fleet) == before, "\(entry.item) at \(entry.key)")
        switch entry.item {
        case .uptime: seen.flips += 1
        case .join:
          seen.joins += 1
          if copy.fleet.nodes.count == simulation.fleet.nodes.count { seen.reusedSlots += 1 }
        case .exit:
          seen.exits += 1
          if copy.fleet.producers.count < producers { seen.confirmedExits += 1 }
        default: Issue.record("an event of a kind this fleet does not schedule: \(entry.item)")
        }
      }
    }
    // Every case the claim covers was met: a join into an exited node's slot, and an exit
    // of a confirmed, online node (it stays in its list until its spend).
    #expect(seen.flips > 0)
    #expect(seen.reusedSlots > 0)
    #expect(seen.joins > seen.reusedSlots)
    #expect(seen.confirmedExits > 0)
    #expect(seen.exits > seen.confirmedExits)
  }
}
