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

  /// What an app event does: every app's hosts, the waiting list, the revenue booked and
  /// each node's room, and the events it scheduled.
  struct MarketView: Equatable {
    var hosts: [[Int32]]
    var waiting: [Int32]
    var revenue: [Int64]
    var rooms: [SIMD4<Int32>]
    var events: Int

    init(_ simulation: Simulation) {
      let market = simulation.market
      hosts = market.registry.apps.map { $0.hosts.map(\.node) }
      waiting = market.registry.waiting.members.sorted()
      revenue =
        [market.ledger.revenue, market.ledger.revenueNeverPlaced, market.ledger.toFoundation] + market.ledger.toNodes
      rooms = market.hostIndex.room
      events = simulation.events.count
    }
  }

  /// Arrivals and retries after a deferral (`Event.leavesPaymentsAlone`), in a crowded
  /// market on a turbulent fleet: each leaves what payments read and write as it was,
  /// and reads none of it: carried out on a twin run with every ledger entry changed (as
  /// if blocks had been paid, or not), it places, books and schedules exactly the same.
  ///
  /// Each event is carried out on copies of both runs; a copy shares its run's random
  /// stream, so both runs draw the same and stay twins. Only the twin's copy has its
  /// ledger changed: the runs themselves stay whole for `FLUXSIM_INTERNAL_CHECKS`, which
  /// checks the ledger against the blocks after every step of `advance`.
  @Test func appArrivalsAndRetriesLeaveThePaymentsAlone() {
    var config = QuietActionsTests().turbulentFleet(seed: 16).config
    config.apps = AppMarketTests.crowdedMarket(subscriptionBlocks: .uniform(low: 200, high: 2_000))
    var (simulation, twin) = (Simulation(config: config), Simulation(config: config))
    var seen = (arrivals: 0, retries: 0, placing: 0)
    for step in 1...60 {
      simulation.advance(toHeight: simulation.startHeight + 20 * step)
      twin.advance(toHeight: twin.startHeight + 20 * step)
      for entry in simulation.events.entries {
        switch entry.item {
        case .appArrival, .appRetry: break
        default: continue
        }
        #expect(entry.item.leavesPaymentsAlone)
        var (copy, twinCopy) = (simulation, twin)
        (copy.chain.now, twinCopy.chain.now) = (entry.key, entry.key)
        for node in twinCopy.fleet.ledger.indices {
          twinCopy.fleet.ledger[node].income += 1 + 7 * Int64(node)
          twinCopy.fleet.ledger[node].payments += 1
          twinCopy.fleet.ledger[node].lastPaid = Int32(twinCopy.chain.height - node)
        }
        let before = PaymentView(copy.fleet)
        let instances = copy.market.registry.instancesRunning
        copy.handle(entry.item)
        twinCopy.handle(entry.item)
        #expect(PaymentView(copy.fleet) == before, "\(entry.item) at \(entry.key)")
        #expect(MarketView(copy) == MarketView(twinCopy), "\(entry.item) at \(entry.key)")
        if case .appArrival = entry.item { seen.arrivals += 1 } else { seen.retries += 1 }
        if copy.market.registry.instancesRunning > instances { seen.placing += 1 }
      }
    }
    #expect(seen.arrivals > 0)
    #expect(seen.retries > 0)
    #expect(seen.placing > 0)
  }
}
