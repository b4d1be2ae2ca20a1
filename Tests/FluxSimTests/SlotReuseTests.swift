import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// Slot reuse (`Fleet.add`): an exited node's slot goes to the next node, so per-node
/// tables follow the live fleet; events and actions still pending for the former node
/// (uptime flips, expiries, lifecycle actions, app instances) must do nothing to the new
/// one, and nothing a job reports may change.
@Suite struct SlotReuseTests {
  /// A small fleet turned over several times in a few days: short online and offline
  /// periods (many nodes leave while offline, with a flip still pending), joins and
  /// exits at 150 % of each tier a month, and apps placed on the nodes.
  func churning(seed: UInt64) -> JobConfig {
    var config = JobConfig()
    config.fleet.initialNodes = TierValues(cumulus: 30, nimbus: 15, stratus: 15)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 8 * 3_600), offline: .exponential(mean: 4 * 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 1.5, nimbus: 1.5, stratus: 1.5),
      joinsPerMonth: TierValues(cumulus: 1.5, nimbus: 1.5, stratus: 1.5))
    config.apps = AppMarketConfig(
      arrivalsPerDay: .constant(40),
      specs: .distributions(
        AppSpecDistributions(
          components: .uniform(low: 0.5, high: 2.4), cpuCores: .lognormal(mu: 0, sigma: 1),
          ramMB: .lognormal(mu: log(2_000), sigma: 1), hddGB: .lognormal(mu: log(40), sigma: 1),
          instances: .uniform(low: 1, high: 6), subscriptionBlocks: .uniform(low: 500, high: 3_000), renewal: 0.5)))
    config.horizon = .seconds(6 * 86_400)
    config.sampling = .seconds(86_400)
    config.seed = seed
    return config
  }

  @Test(arguments: [1, 2] as [UInt64])
  func reusingSlotsChangesNoResult(seed: UInt64) {
    var reusing = Simulation(config: churning(seed: seed))
    var keeping = Simulation(config: churning(seed: seed))
    keeping.fleet.reusesSlots = false
    #expect(reusing.run() == keeping.run())
    // Over 6 days at 1.5 a month each way, about 60 × 1.5 × 6 / 30.4 ≈ 18 joins and as many exits.
    #expect(keeping.fleet.created > 60 + 10)
    #expect(keeping.fleet.nodes.count == keeping.fleet.created)
    #expect(reusing.fleet.created == keeping.fleet.created)
    // Every exit before the last join freed a slot that a later node took.
    #expect(reusing.fleet.nodes.count < keeping.fleet.nodes.count - 5)
    for simulation in [reusing, keeping] {
      #expect(simulation.invariantViolations() == [])
      #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [])
    }
  }

  @Test func roiChurnWithoutAppsKeepsNoRoomForNodes() {
    // ROI churn runs the market's daily tick without apps: the market must hold no
    // per-node room, or a node confirming in a reused slot (or again after an expiry)
    // would be a confirmed node closed to apps.
    var config = churning(seed: 3)
    config.apps = nil
    config.economics = EconomicsConfig(
      price: .constant(0.4), hostingUSDPerMonth: TierValues(cumulus: 60, nimbus: 120, stratus: 260),
      opportunityCostPerYear: 0.05,
      roiChurn: ROIChurnModel(exitResponse: TierValues { _ in 1.5 }, joinResponse: TierValues { _ in 1.5 }))
    var simulation = Simulation(config: config)
    for day in 1...6 {
      simulation.advance(toHeight: TipState.measured2026.height + day * 2_880)
      #expect(simulation.invariantViolations() == [], "day \(day)")
      #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [], "day \(day)")
    }
    #expect(simulation.market.hostIndex.room.isEmpty)
  }

  @Test func slotsStayWithinTheLargestLiveFleet() {
    // 120 nodes, 8 a month each way for two weeks: about 120 × 8 × 14 / 30.4 ≈ 440 joins.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 40, stratus: 40))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 8, nimbus: 8, stratus: 8),
      joinsPerMonth: TierValues(cumulus: 8, nimbus: 8, stratus: 8))
    var simulation = Simulation(config: config)
    var largest = 0
    // 2,880 blocks a day; every 48 blocks about 0.5 joins and 0.5 exits happen.
    for step in 1...(14 * 60) {
      simulation.advance(toHeight: TipState.measured2026.height + step * 48)
      largest = max(largest, Tier.allCases.reduce(0) { $0 + simulation.fleet.alive[$1.index].count })
    }
    #expect(simulation.fleet.created > 3 * 120)
    // Between two looks a few more nodes may have been alive, and a leaving node keeps
    // its slot until its spend is mined in the next block.
    #expect(simulation.fleet.nodes.count <= largest + 5)
    #expect(simulation.invariantViolations() == [])
  }
}
