import FluxCore
import FluxSim
import Foundation
import Testing
import Yams

@testable import FluxScenario

/// Scenario files: every bundled one loads, the schema round-trips through YAML, units
/// and distributions read as documented, sweeps expand as a grid.
@Suite struct ScenarioSchemaTests {
  static let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")

  static func load(_ text: String) throws -> ScenarioFile { try ScenarioLoader.load(file: "s.yaml", text: text) }

  @Test(arguments: [
    "mainnet-forecast", "full-history", "legacy-halving", "pon-reduction-variants", "churn-stress", "fleet-growth",
  ])
  func bundledScenarioLoads(name: String) throws {
    let url = Self.scenariosFolder.appendingPathComponent("\(name).yaml")
    let file = try ScenarioLoader.load(file: url.path, text: String(contentsOf: url, encoding: .utf8))
    #expect(file.scenario.name == name)
  }

  @Test(arguments: [
    "mainnet-forecast", "full-history", "legacy-halving", "pon-reduction-variants", "churn-stress", "fleet-growth",
  ])
  func roundTripsThroughYAML(name: String) throws {
    let url = Self.scenariosFolder.appendingPathComponent("\(name).yaml")
    let scenario = try Self.load(String(contentsOf: url, encoding: .utf8)).scenario
    let encoded = try YAMLEncoder().encode(scenario)
    let decoded = try Self.load(encoded).scenario
    #expect(decoded == scenario)
  }

  @Test func minimalScenarioTakesTheDocumentedDefaults() throws {
    let scenario = try Self.load("name: x\nhorizon: 1y\n").scenario
    #expect(scenario.start == .tip(.measured2026))
    #expect(scenario.fleet.nodes == TierValues(cumulus: 3_247, nimbus: 1_615, stratus: 1_627))
    #expect(scenario.fleet.uptime == .typical)
    #expect(scenario.fleet.churn == .typical)
    #expect(scenario.sample == .every(DurationValue(amount: 1, unit: "d")))
    #expect(scenario.replications == 1 && scenario.seed == 1)
    #expect(scenario.rules.supplyMode == .observed)
    let config = scenario.jobConfig(jobIndex: 0)
    #expect(config.horizon == .seconds(JobConfig.secondsPerYear))
    #expect(config.fleet.uptime == UptimeModel.typical)
    #expect(config.fleet.churn.exitsPerMonth.nimbus == 0.03)
  }

  @Test func unitsReadAsDocumented() throws {
    let scenario = try Self.load(
      """
      name: units
      horizon: 90min
      fleet:
        uptime: { online: { exponential: { mean: 2w } }, offline: { uniform: { low: 30s, high: 1.5h } } }
        churn: { exits: 0.5/year, joins: { cumulus: 1/day, nimbus: 7/week, stratus: 0/month } }
        confirm_delay: { constant: { value: 4 } }
        collateral_migration: 75%
      start: { height: 1500000, time: 2022-06-01, difficulty: 100 }
      mining: { pools: [{ name: a, share: 25% }, { name: b, share: 75% }], hashrate: { exponential: { initial: 1.5M/s, growth_per_year: 20% } } }
      sample: { blocks: 10 }
      """
    ).scenario
    let config = scenario.jobConfig(jobIndex: 0)
    #expect(config.horizon == .seconds(5_400))
    #expect(config.fleet.uptime?.online == .exponential(mean: 1_209_600))
    #expect(config.fleet.uptime?.offline == .uniform(low: 30, high: 5_400))
    #expect(config.fleet.churn.exitsPerMonth.cumulus == 0.5 / 12)
    // 1/day is 30.436875 per month (a twelfth of a Gregorian year).
    #expect(abs(config.fleet.churn.joinsPerMonth.cumulus - 30.436875) < 1e-9)
    #expect(abs(config.fleet.churn.joinsPerMonth.nimbus - 30.436875) < 1e-9)
    #expect(config.fleet.confirmDelayBlocks == .constant(4))
    #expect(config.fleet.collateralMigrationShare == 0.75)
    #expect(config.start == .tip(TipState(height: 1_500_000, time: 1_654_041_600, difficulty: 100)))
    #expect(config.mining.pools.map(\.share) == [0.25, 0.75])
    #expect(config.mining.hashrate == .exponential(initial: 1.5e6, growthPerYear: 0.2))
    #expect(config.sampling == .blocks(10))
  }

  @Test func sweepIsAGridFirstAxisSlowest() throws {
    let file = try Self.load(
      """
      name: grid
      horizon: 1y
      fleet: { churn: { exits: 0.01/month, joins: 0.01/month } }
      rules: { overrides: { subsidy: { pon_reduction_percent: 10 } } }
      replications: 3
      sweep:
        fleet.churn.exits: [0.01/month, 0.05/month]
        rules.overrides.subsidy.pon_reduction_percent: [5, 10, 15]
      """)
    #expect(file.points.count == 6)
    #expect(file.jobCount == 18)
    let labels = file.points.map { $0.assignments.map(\.value) }
    #expect(
      labels == [
        ["0.01/month", "5"], ["0.01/month", "10"], ["0.01/month", "15"], ["0.05/month", "5"],
        ["0.05/month", "10"], ["0.05/month", "15"],
      ])
    #expect(file.points[4].scenario.fleet.churn?.exits.stratus == RateValue(amount: 0.05, period: "month"))
    let rules = file.points[2].scenario.jobConfig(jobIndex: 0).rules
    #expect(rules.params.subsidy.ponReductionKeep == Ratio(85, 100))
    // Job seeds: one per job, all distinct, the same for the same index.
    let plan = RunPlan(file: file)
    #expect(Set(plan.jobs.map(\.seed)).count == 18)
    #expect(RunPlan(file: file).jobs.map(\.seed) == plan.jobs.map(\.seed))
    #expect(plan.jobs[7].point == 2 && plan.jobs[7].replication == 1)
    #expect(plan.config(7).seed == plan.jobs[7].seed)
  }

  @Test func expectationsParse() throws {
    let scenario = try Self.load(
      """
      name: checks
      horizon: 1y
      expect:
        - { at: { height: 3071200 }, subsidy: { equals: "12.6" } }
        - { at: { date: 2030-01-01 }, supply: { between: ["470000000", "480000000"] } }
        - { milestone: PoN reduction 1, p50: { between: [2026-10-01, 2026-11-30] } }
        - { payouts: stratus, statistic: blocks_since_paid, p95: { approx: 1600, tolerance: 100 } }
        - { invariant: amounts_sum_to_subsidy }
      """
    ).scenario
    #expect(
      scenario.expect == [
        .value(at: .height(3_071_200), quantity: "subsidy", check: .equals("12.6")),
        .value(at: .date(1_893_456_000), quantity: "supply", check: .between("470000000", "480000000")),
        .milestone(label: "PoN reduction 1", quantile: "p50", check: .between("2026-10-01", "2026-11-30")),
        .payout(
          tier: .stratus, statistic: "blocks_since_paid", quantile: "p95", check: .approx("1600", tolerance: "100")),
        .invariant("amounts_sum_to_subsidy"),
      ])
  }
}
