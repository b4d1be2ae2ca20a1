import FluxCore
import Testing

@testable import FluxSim

/// The actions a batched stretch runs without closing (`Fleet.leavesPaymentsAlone`) or
/// drops (`Fleet.isLapsed`): each is carried out, at its height, on a copy of a fleet in
/// the middle of a turbulent run, and must leave everything a stretch shares as it was.
@Suite struct QuietActionsTests {
  /// Outages long enough that some outlast the 640-block PoN expiry: expiries, STARTs,
  /// confirms and DoS checks all occur, with churn exits and joins between them.
  func turbulentFleet(seed: UInt64) -> Simulation {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 20, stratus: 20), seed: seed)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 8 * 3_600), offline: .exponential(mean: 5 * 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3),
      joinsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3))
    return Simulation(config: config)
  }

  /// What a stretch of batched blocks reads from the fleet: the payee lists in order,
  /// the producers and the counts it draws tiers from, and the ledger.
  struct StretchView: Equatable {
    var lists: [[Int]]
    var producers: [Int32]
    var confirmed: SIMD4<Int64>
    var offlineConfirmed: [Int]
    var incomes: [Int64]

    init(_ fleet: Fleet) {
      lists = (0..<3).map { fleet.queue($0).orderedNodes() }
      producers = fleet.producers.members.sorted()
      confirmed = fleet.confirmedByTier
      offlineConfirmed = fleet.offlineConfirmed
      incomes = fleet.ledger.map(\.income)
    }
  }

  /// Each pending action of the fleet that `select` picks, carried out alone on a copy of
  /// the fleet at its own height: what it returned, and the stretch's view before and after.
  func carryOut(
    _ simulation: Simulation, where select: (Fleet, HeightAction) -> Bool
  ) -> [(action: HeightAction, change: FleetChange, before: StretchView, after: StretchView)] {
    simulation.actions.entries.filter { select(simulation.fleet, $0.item) }.map { entry in
      var fleet = simulation.fleet
      var scratch = EventQueue<HeightAction>()
      let height = BlockPhase.height(ofKey: entry.key)
      let before = StretchView(fleet)
      let change = fleet.handle(entry.item, height: height, tip: height - 1, actions: &scratch)
      return (entry.item, change, before, StretchView(fleet))
    }
  }

  @Test func lapsedActionsDoNothing() {
    var simulation = turbulentFleet(seed: 11)
    var lapsed = (expiries: 0, dosChecks: 0)
    for step in 1...120 {
      simulation.advance(toHeight: simulation.startHeight + 20 * step)
      for run in carryOut(simulation, where: { $0.isLapsed($1) }) {
        #expect(run.after == run.before, "\(run.action)")
        guard case .none = run.change else {
          Issue.record("\(run.action) returned \(run.change)")
          continue
        }
        if case .dosCheck = run.action { lapsed.dosChecks += 1 } else { lapsed.expiries += 1 }
      }
    }
    // Both kinds were met: most outages end before their expiry, most STARTs confirm.
    #expect(lapsed.expiries > 0)
    #expect(lapsed.dosChecks > 0)
  }

  @Test func startsAndDoSReleasesLeaveWhatAStretchSharesAlone() {
    var simulation = turbulentFleet(seed: 12)
    var starts = 0
    for step in 1...120 {
      simulation.advance(toHeight: simulation.startHeight + 20 * step)
      for run in carryOut(simulation, where: { Fleet.leavesPaymentsAlone($1) }) {
        #expect(run.after == run.before, "\(run.action)")
        guard case .none = run.change else {
          Issue.record("\(run.action) returned \(run.change)")
          continue
        }
        starts += 1
      }
    }
    #expect(starts > 0)
  }

  @Test func appPeriodEndsLeaveWhatAStretchSharesAlone() {
    // Renewals, and apps leaving with their instances offered to waiting apps, on a
    // fleet short of capacity: the market changes, the fleet a stretch reads does not.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 12, nimbus: 6, stratus: 4), seed: 14)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 8 * 3_600), offline: .exponential(mean: 5 * 3_600))
    config.apps = AppMarketTests.crowdedMarket(subscriptionBlocks: .uniform(low: 100, high: 600))
    var simulation = Simulation(config: config)
    var (ends, left) = (0, 0)
    for step in 1...60 {
      simulation.advance(toHeight: simulation.startHeight + 50 * step)
      guard let key = simulation.appPeriodEnds.peekKey else { continue }
      var copy = simulation
      let registered = copy.market.registry.apps.filter(\.active).count
      let before = StretchView(copy.fleet)
      copy.endAppPeriods(height: Int(key))
      #expect(StretchView(copy.fleet) == before, "period ends of block \(key)")
      ends += simulation.appPeriodEnds.count - copy.appPeriodEnds.count
      left += registered - copy.market.registry.apps.filter(\.active).count
    }
    #expect(ends > 0)
    #expect(left > 0, "some apps should leave rather than renew")
  }

  @Test func liveActionsAreNeitherLapsedNorQuiet() {
    // A DoS check of a START still waiting for its confirm is live; a confirm, an expiry
    // and a spend may change a payee list, so none of them runs inside a stretch.
    var simulation = turbulentFleet(seed: 13)
    var confirms = 0
    for step in 1...120 {
      simulation.advance(toHeight: simulation.startHeight + 20 * step)
      let fleet = simulation.fleet
      for entry in simulation.actions.entries {
        switch entry.item {
        case .dosCheck(let node, let generation):
          let waiting = fleet.nodes[Int(node)].generation == generation && fleet.nodes[Int(node)].state == .started
          #expect(fleet.isLapsed(entry.item) == !waiting)
        case .confirm, .expireIfOffline, .spend, .migrateCollateral, .collateralCheck:
          if case .confirm = entry.item { confirms += 1 }
          #expect(!Fleet.leavesPaymentsAlone(entry.item))
        case .start, .dosRelease:
          #expect(!fleet.isLapsed(entry.item))
        }
      }
    }
    #expect(confirms > 0)
  }
}
