import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// The app market: prices from FluxCore, placement by FluxOS's rules, waiting apps
/// placed when capacity frees, re-placement when a node leaves.
@Suite struct AppMarketTests {
  /// One app kind with `cores` cores, 1,000 MB and 10 GB, `instances` instances.
  static func catalogue(cores: Int, instances: Int = 3, subscription: Int = 88_000, renewal: Double = 0)
    -> AppMarketConfig
  {
    AppMarketConfig(
      arrivalsPerDay: .constant(0),
      specs: .catalogue([
        CatalogueEntry(
          name: "app", weight: 1, components: [AppResources(cpuTenths: cores * 10, ramMB: 1_000, hddGB: 10)],
          instances: instances, subscriptionBlocks: subscription, renewal: renewal)
      ]))
  }

  /// A steady PoN job with `nodes` and the market given (no arrivals unless it says so).
  static func simulation(nodes: TierValues<Int>, apps: AppMarketConfig, seed: UInt64 = 3) -> Simulation {
    var config = Fixtures.steadyPoN(nodes: nodes, seed: seed)
    config.apps = apps
    return Simulation(config: config)
  }

  /// 300 arrivals a day of apps of one or two components (about 1 core, 3 GB, 40 GB
  /// each) and one to seven instances, half of them renewed at each period's end: more
  /// than a fleet of a few dozen nodes holds, so apps wait and capacity is freed and taken.
  static func crowdedMarket(subscriptionBlocks: Distribution) -> AppMarketConfig {
    AppMarketConfig(
      arrivalsPerDay: .constant(300),
      specs: .distributions(
        AppSpecDistributions(
          components: .uniform(low: 0.5, high: 2.4), cpuCores: .lognormal(mu: 0, sigma: 1),
          ramMB: .lognormal(mu: log(3_000), sigma: 1), hddGB: .lognormal(mu: log(40), sigma: 1),
          instances: .uniform(low: 1, high: 8), subscriptionBlocks: subscriptionBlocks, renewal: 0.5)))
  }

  static func hosts(_ simulation: Simulation, _ app: Int) -> Set<Int> {
    Set(simulation.market.registry.apps[app].hosts.map { Int($0.node) })
  }

  @Test func generatedSpecsAreValidAndPaidTheirFluxCorePrice() {
    let fields = AppSpecDistributions(
      components: .uniform(low: 0.5, high: 3.4), cpuCores: .lognormal(mu: 0, sigma: 1.2),
      ramMB: .lognormal(mu: log(2_000), sigma: 1.5), hddGB: .lognormal(mu: log(30), sigma: 1.5),
      instances: .uniform(low: 0, high: 12), subscriptionBlocks: .uniform(low: 0, high: 2_000_000), renewal: 0)
    var config = Fixtures.steadyPoN(seed: 11)
    config.apps = AppMarketConfig(arrivalsPerDay: .constant(400), specs: .distributions(fields))
    config.horizon = .height(TipState.measured2026.height + 3_000)
    var simulation = Simulation(config: config)
    simulation.advance(toHeight: TipState.measured2026.height + 3_000)
    let apps = simulation.market.registry.apps.filter(\.active)
    #expect(apps.count > 300)
    var total = Amount.zero
    for app in apps {
      #expect(simulation.params.validate(app.spec, at: app.periodStart) == [])
      total += simulation.params.appPrice(for: app.spec, registeredAt: app.periodStart)
    }
    // No period ends within the run (the shortest draws are clamped up to 1 block: a
    // few may end, so compare only when none did).
    if simulation.market.registry.registered == apps.count {
      #expect(simulation.market.ledger.revenue == total.satoshi)
    }
    #expect(simulation.market.ledger.revenue >= total.satoshi)
    #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [])
  }

  @Test func usdFloorChargesTheConvertedUSDPriceWhenHigher() {
    var config = Fixtures.steadyPoN(seed: 5)
    var apps = Self.catalogue(cores: 1, subscription: 1_000_000)
    apps.usdPriceFloor = true
    config.apps = apps
    config.economics = EconomicsConfig(price: .constant(0.05), hostingUSDPerMonth: TierValues { _ in 0 })
    var simulation = Simulation(config: config)
    simulation.appArrives()
    let app = simulation.market.registry.apps[0]
    let expected = simulation.params.appPrice(for: app.spec, registeredAt: app.periodStart, fluxUSD: 0.05)
    #expect(expected > simulation.params.appPrice(for: app.spec, registeredAt: app.periodStart))
    #expect(simulation.market.ledger.revenue == expected.satoshi)
    #expect(abs(simulation.market.ledger.revenueUSD - Double(expected.satoshi) / 1e8 * 0.05) < 1e-9)
  }

  @Test func placementNeverExceedsCapacityNorDuplicatesAnApp() {
    // Many arrivals on a small fleet with uptime and churn: capacity runs out, nodes
    // expire, exit and join; the invariants hold at every check.
    for seed: UInt64 in [1, 2, 3] {
      var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 12, nimbus: 6, stratus: 4), seed: seed)
      config.fleet.uptime = UptimeModel(online: .exponential(mean: 3 * 3_600), offline: .exponential(mean: 4 * 3_600))
      config.fleet.churn = ChurnModel(
        exitsPerMonth: TierValues { _ in 3 }, joinsPerMonth: TierValues { _ in 3 })
      config.apps = Self.crowdedMarket(subscriptionBlocks: .uniform(low: 100, high: 3_000))
      var simulation = Simulation(config: config)
      let start = TipState.measured2026.height
      var waited = false
      for step in 1...12 {
        simulation.advance(toHeight: start + step * 250)
        #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [], "seed \(seed), step \(step)")
        waited = waited || simulation.market.registry.waiting.count > 0
      }
      #expect(simulation.market.registry.instancesRunning > 0)
      #expect(waited, "the fleet should run out of capacity at times")
    }
  }

  @Test func appsWaitForCapacityAndArePlacedWhenItFrees() {
    // Three Cumulus nodes with 3 cores each: an app of 2 cores × 3 instances fills them.
    var simulation = Self.simulation(
      nodes: TierValues(cumulus: 3, nimbus: 0, stratus: 0), apps: Self.catalogue(cores: 2, subscription: 200))
    let start = simulation.chain.height
    simulation.appArrives()
    #expect(Self.hosts(simulation, 0) == [0, 1, 2])
    simulation.advance(toHeight: start + 50)
    simulation.appArrives()
    #expect(simulation.market.registry.apps[1].hosts.isEmpty)
    #expect(simulation.market.registry.waiting.contains(1))
    // The first app's period ends at its registration height + 200 and is not renewed.
    simulation.advance(toHeight: start + 200)
    #expect(simulation.market.registry.apps[1].hosts.isEmpty)
    simulation.advance(toHeight: start + 201)
    #expect(!simulation.market.registry.apps[0].active)
    #expect(Self.hosts(simulation, 1) == [0, 1, 2])
    #expect(simulation.market.registry.waiting.count == 0)
    #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [])
  }

  @Test func revenueFromAppsNeverPlacedIsTheirRegistrations() {
    // The fleet of the test above: the first app fills it, the second pays at
    // registration and waits.
    func market(renewal: Double) -> (Simulation, first: Int64, second: Int64, start: Int) {
      var simulation = Self.simulation(
        nodes: TierValues(cumulus: 3, nimbus: 0, stratus: 0),
        apps: Self.catalogue(cores: 2, subscription: 200, renewal: renewal))
      let start = simulation.chain.height
      simulation.appArrives()
      #expect(simulation.market.ledger.revenueNeverPlaced == 0)
      let first = simulation.market.ledger.revenue
      simulation.advance(toHeight: start + 50)
      simulation.appArrives()
      let second = simulation.market.ledger.revenue - first
      #expect(second > 0 && simulation.market.ledger.revenueNeverPlaced == second)
      return (simulation, first, second, start)
    }
    // Not renewed, the first app leaves at start + 201 and the second takes its place:
    // its payment leaves the total.
    var (simulation, _, second, start) = market(renewal: 0)
    simulation.advance(toHeight: start + 200)
    #expect(simulation.market.ledger.revenueNeverPlaced == second)
    simulation.advance(toHeight: start + 201)
    #expect(Self.hosts(simulation, 1) == [0, 1, 2])
    #expect(simulation.market.ledger.revenueNeverPlaced == 0)
    // Renewed for ever, the first app keeps the fleet: the second's period ends at
    // start + 250 without an instance, it leaves, and its payment stays in the total.
    var renewed = market(renewal: 1)
    renewed.0.advance(toHeight: renewed.start + 260)
    #expect(!renewed.0.market.registry.apps[1].active)
    #expect(renewed.0.market.ledger.revenue == 2 * renewed.first + renewed.second)
    #expect(renewed.0.market.ledger.revenueNeverPlaced == renewed.second)
    #expect(renewed.0.marketSample().revenueNeverPlaced == Amount(satoshi: renewed.second))
  }

  @Test func smallAppsGoToSmallTiersFirstAndLargerOnesAfterTheirDeferral() {
    // One Cumulus node and three Nimbus: a 1-core app of 3 instances puts one instance
    // on the Cumulus at once; the Nimbus nodes wait 3,420 s (§7.4) before taking the rest.
    var simulation = Self.simulation(
      nodes: TierValues(cumulus: 1, nimbus: 3, stratus: 0), apps: Self.catalogue(cores: 1))
    let arrival = simulation.chain.now
    simulation.appArrives()
    #expect(Self.hosts(simulation, 0) == [0])
    simulation.advance(toHeight: .max, orTime: arrival + 3_419)
    #expect(Self.hosts(simulation, 0) == [0])
    simulation.advance(toHeight: .max, orTime: arrival + 3_420)
    #expect(Self.hosts(simulation, 0).count == 3)
    #expect(Self.hosts(simulation, 0).contains(0))
  }

  @Test func instancesOfALeavingNodeArePlacedElsewhere() {
    var simulation = Self.simulation(
      nodes: TierValues(cumulus: 4, nimbus: 0, stratus: 0), apps: Self.catalogue(cores: 2, subscription: 5_000))
    simulation.appArrives()
    let before = Self.hosts(simulation, 0)
    #expect(before.count == 3)
    let spare = Set(0..<4).subtracting(before).first!
    let leaving = before.sorted()[1]
    // The operator stops the node; its collateral is spent in the next block.
    simulation.fleet.setOnline(leaving, false)
    simulation.actions.schedule(.spend(node: Int32(leaving)), at: BlockPhase.removals.key(simulation.chain.height + 1))
    simulation.advance(toHeight: simulation.chain.height + 1)
    #expect(simulation.fleet.nodes[leaving].state == .exited)
    #expect(Self.hosts(simulation, 0) == before.subtracting([leaving]).union([spare]))
    #expect(simulation.market.invariantViolations(fleet: simulation.fleet) == [])
  }

  @Test func revenueShareIsPaidToHostsInProportionToHostedBlocks() {
    var apps = Self.catalogue(cores: 1, subscription: 300)
    apps.revenueShare = RevenueShare(share: 0.5)
    var simulation = Self.simulation(nodes: TierValues(cumulus: 3, nimbus: 0, stratus: 0), apps: apps)
    let start = simulation.chain.height
    simulation.appArrives()
    simulation.advance(toHeight: start + 301)
    let paid = simulation.market.ledger.revenue
    let share = paid / 2
    // Three instances hosted for the whole period: each node earns a third of the share.
    #expect(simulation.market.ledger.toNodes[0] == share / 3 * 3)
    #expect(simulation.market.ledger.toFoundation + simulation.market.ledger.toNodes.reduce(0, +) == paid)
  }

  @Test func sameSeedSameMarket() {
    var config = Fixtures.steadyPoN(seed: 9)
    config.apps = Self.catalogue(cores: 1, subscription: 500, renewal: 0.5)
    config.apps?.arrivalsPerDay = .constant(200)
    config.economics = EconomicsConfig(
      price: .gbm(start: 0.3, driftPerYear: 0, volatilityPerYear: 0.8), hostingUSDPerMonth: TierValues { _ in 10 })
    let a = runJob(config)
    #expect(a == runJob(config))
    #expect((a.final.apps?.registered ?? 0) > 0)
    #expect(a.final.economics != nil)
  }
}
