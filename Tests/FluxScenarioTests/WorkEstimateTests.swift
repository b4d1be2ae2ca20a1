import FluxCore
import FluxSim
import Foundation
import Testing

@testable import FluxScenario

/// The work a scenario asks for, checked against figures derived here from the units and
/// the rules, and the refusals past the documented limits.
@Suite struct WorkEstimateTests {
  static let fleet = "fleet: { nodes: { cumulus: 10, nimbus: 20, stratus: 30 }, uptime: always, churn: none }\n"

  func work(_ text: String) throws -> RunWork { try ScenarioLoader.load(file: "s.yaml", text: text).work }

  func message(_ text: String) -> String {
    do {
      _ = try ScenarioLoader.load(file: "s.yaml", text: text)
      return "accepted"
    } catch {
      return error.description
    }
  }

  @Test func blocksFollowTheEras() throws {
    // A Gregorian year of 30 s PoN slots, and 365 days of them.
    #expect(try work("name: x\nhorizon: 1y\n" + Self.fleet).perJob.blocks == 31_556_952 / 30)
    #expect(try work("name: x\nhorizon: 365d\n" + Self.fleet).perJob.blocks == 1_051_200)
    #expect(try work("name: x\nhorizon: { height: 3000000 }\n" + Self.fleet).perJob.blocks == 3_000_000 - 2_917_115)
    // 1,000 blocks before PoN: 999 mined at 120 s, the rest of 10 days at 30 s.
    let pon = ChainParams.mainnet.upgrades.pon ?? 0
    let text =
      "name: x\nhorizon: 10d\nstart: { height: \(pon - 1_000), time: 2025-10-24 }\nmining: { hashrate: 1M/s }\n"
      + Self.fleet
    #expect(try work(text).perJob.blocks == 999 + (864_000 - 999 * 120) / 30)
  }

  @Test func fleetUptimeAppsAndRowsFollowTheirRates() throws {
    let text = """
      name: x
      horizon: 2y
      sample: 7d
      replications: 3
      fleet:
        nodes: { cumulus: 100, nimbus: 50, stratus: 0 }
        churn: { joins: 0.05/month, exits: 0.02/month }
        uptime: { online: { constant: { value: 9d } }, offline: { constant: { value: 1d } } }
      apps:
        arrivals: { exponential: { initial: 10/day, growth_per_year: 50% } }
        catalogue:
          - { name: a, weight: 3, instances: 3, components: [{ cpu: 1, ram: 1GB, hdd: 1GB }], renewal: 50% }
          - { name: b, weight: 1, instances: 7, components: [{ cpu: 1, ram: 1GB, hdd: 1GB }], renewal: 50% }

      """
    let run = try work(text)
    let months = 24.0
    let growth = 0.05 - 0.02
    let integral = (exp(growth * months) - 1) / growth
    // Cumulus and Nimbus grow from 100 and 50, Stratus from 1 (joins draw at least one node).
    let created = 150 + 0.05 * (100 + 50 + 1) * integral
    #expect(run.perJob.nodes == Int(created))
    let nodeSeconds = (100 + 50 + 1) * integral * JobConfig.secondsPerMonth
    #expect(run.perJob.uptimeFlips == Int(2 * nodeSeconds / (10 * 86_400)))
    let days = 2 * 365.2425
    let arrivals = 10 * 365.2425 * (pow(1.5, days / 365.2425) - 1) / log(1.5)
    #expect(run.perJob.appArrivals == Int(arrivals))
    #expect(run.perJob.appInstances == Int(arrivals * (3 * 3 + 1 * 7) / 4))
    #expect(run.perJob.rows == Int(days / 7))
    #expect(run.jobs == 3)
    #expect(run.totalBlocks == 3 * run.perJob.blocks)
  }

  @Test func aSweepTakesTheHeaviestPointAndSumsItsBlocks() throws {
    let run = try work("name: x\nhorizon: 10d\nsweep: { horizon: [10d, 20d] }\n" + Self.fleet)
    #expect(run.points == 2)
    #expect(run.perJob.blocks == 20 * 2_880)
    #expect(run.totalBlocks == 30 * 2_880)
    #expect(
      run.summary == [
        "2 point(s) × 1 replication(s) = 2 job(s), 86,400 blocks in all",
        "per job (at most): 57,600 blocks, 20 sampled rows, 60 nodes, 0 uptime flips",
      ])
    let file = try ScenarioLoader.load(file: "s.yaml", text: "name: x\nhorizon: 10d\n" + Self.fleet)
    #expect(try file.work(replications: 5).get().totalBlocks == 5 * 28_800)
    guard case .failure(let refusal) = file.work(replications: 2_000_000) else {
      Issue.record("2,000,000 jobs accepted")
      return
    }
    #expect(
      refusal.description
        == "s.yaml: error: 2,000,000 jobs (1 sweep points × 2,000,000 replications); at most 1,000,000")
  }

  @Test func workPastTheLimitsIsRefusedWithItsFigure() {
    #expect(
      message("name: x\nhorizon: 10000y\n" + Self.fleet)
        == "s.yaml:2:1: error: horizon: 10000y is \((10_000 * 31_556_952 / 30).grouped) blocks from the start: "
        + "shorten the horizon (at most 200,000,000 a job)")
    let flips =
      "name: x\nhorizon: 10y\nfleet:\n  nodes: { cumulus: 10, nimbus: 10, stratus: 10 }\n  churn: none\n"
      + "  uptime: { online: { constant: { value: 0s } }, offline: { constant: { value: 0s } } }\n"
    // Periods of 0 s last a second each: every node flips every second.
    #expect(
      message(flips)
        == "s.yaml:6:3: error: fleet.uptime: about \((30 * 10 * 31_556_952).grouped) online/offline flips "
        + "(nodes × horizon ÷ mean period): longer periods, fewer nodes or a shorter horizon (at most 1,000,000,000 a job)"
    )
    let joins =
      "name: x\nhorizon: 20y\nfleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 }, churn: { joins: 1/day } }\n"
    #expect(
      message(joins).hasPrefix("s.yaml:3:65: error: fleet.churn.joins: the fleet and its churn create about more than"))
    let axes = (0..<7).map { "k\($0): [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]" }.joined(separator: ", ")
    #expect(
      message("name: x\nhorizon: 1d\n" + Self.fleet + "sweep: { \(axes) }\n")
        == "s.yaml:4:1: error: sweep: 10 × 10 × 10 × 10 × 10 × 10 × 10 = 10,000,000 sweep points; at most 10,000")
  }

  @Test func valuesThatWouldOverflowAreRefused() {
    #expect(
      message(
        "name: x\nhorizon: 1y\nfleet: { nodes: { cumulus: 9223372036854775807, nimbus: 9223372036854775807, stratus: 1 } }\n"
      )
        == "s.yaml:3:19: error: fleet.nodes.cumulus: must be 0 … 5,000,000, found 9223372036854775807\n"
        + "s.yaml:3:49: error: fleet.nodes.nimbus: must be 0 … 5,000,000, found 9223372036854775807")
    #expect(
      message("name: x\nhorizon: 1y\neconomics: { flux_usd: 1e308 }\n")
        == "s.yaml:3:14: error: economics.flux_usd: must be 1e-09 … 1000000 USD, found 1e+308")
    #expect(
      message("name: x\nhorizon: { height: 3000000000 }\n").hasPrefix(
        "s.yaml:2:12: error: horizon.height: the run would reach height 3,000,000,000; it must end by height "))
    #expect(
      message("name: x\nhorizon: 1d\nstart: { height: 2917115, time: 2026-09-03, difficulty: 1e-300 }\n")
        .hasPrefix("s.yaml:3:45: error: start.difficulty: must be above "))
  }
}
