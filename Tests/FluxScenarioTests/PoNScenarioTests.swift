import FluxCore
import FluxSim
import Foundation
import Testing
import Yams

@testable import FluxScenario

/// `pon:` — mint delay and network outages: the defaults are the engine's calibrated
/// ones, `none` switches outages off, values read with their units, every mistake is
/// located, and the bundled backtest checks the height it claims to.
@Suite struct PoNScenarioTests {
  static func load(_ text: String) throws -> Scenario { try ScenarioLoader.load(file: "s.yaml", text: text).scenario }

  @Test func withoutAPoNSectionTheEngineDefaultsApply() throws {
    let config = try Self.load("name: x\nhorizon: 1y\n").jobConfig(jobIndex: 0)
    #expect(config.proofOfNode == ProofOfNodeConfig())
    // The scenario's written default is the engine's: every 6mo = 15,778,476 s, 8.8 h on
    // average (31,680 s, as the unit reads it in floating point).
    #expect(config.proofOfNode.outages == NetworkOutages(every: 15_778_476, duration: .exponential(mean: 8.8 * 3_600)))
    #expect(config.proofOfNode.outages == .calibrated)
  }

  @Test func outagesReadWithTheirUnitsAndSwitchOff() throws {
    let custom = try Self.load(
      "name: x\nhorizon: 1y\npon: { outages: { every: 2w, duration: { lognormal: { median: 20min, sigma: 1 } } } }\n")
    #expect(
      custom.jobConfig(jobIndex: 0).proofOfNode.outages
        == NetworkOutages(every: 14 * 86_400, duration: .lognormal(mu: log(1_200), sigma: 1)))
    let none = try Self.load("name: x\nhorizon: 1y\npon: { outages: none }\n")
    #expect(none.pon.outages == nil)
    #expect(none.jobConfig(jobIndex: 0).proofOfNode.outages == nil)
    // Only the outages were switched off: the mint delay keeps its default.
    #expect(none.jobConfig(jobIndex: 0).proofOfNode.mintDelay == ProofOfNodeConfig().mintDelay)
  }

  @Test(arguments: ["pon: { outages: none }", "pon: { mint_delay: { constant: { value: 4s } } }", ""])
  func roundTripsThroughYAML(section: String) throws {
    let scenario = try Self.load("name: x\nhorizon: 1y\n" + section + "\n")
    #expect(try Self.load(YAMLEncoder().encode(scenario)) == scenario)
  }

  static let base = "name: broken\nhorizon: 1y\n"
  static let cases: [(String, String)] = [
    (
      base + "pon: { outages: always }\n",
      "s.yaml:3:8: error: pon.outages: expected a mapping {every, duration} or none, found \"always\""
    ),
    (
      base + "pon: { outages: { every: 30min, duration: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:19: error: pon.outages.every: must be 1h … 1000y, found 30min"
    ),
    (
      base + "pon: { outages: { every: 1001y, duration: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:19: error: pon.outages.every: must be 1h … 1000y, found 1001y"
    ),
    (
      base + "pon: { outages: { every: 10, duration: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:19: error: pon.outages.every: expected a duration with a unit (s, min, h, d, w, mo or y), e.g. 30s, 6h or 20y, found \"10\""
    ),
    (base + "pon: { outages: { every: 10d } }\n", "s.yaml:3:8: error: pon.outages: missing required key 'duration'"),
    (
      base + "pon: { outages: { evry: 10d, duration: { exponential: { mean: 1h } } } }\n",
      "s.yaml:3:19: error: pon.outages.evry: unknown key; did you mean 'every'?"
    ),
    (
      base + "pon: { outages: { every: 10d, duration: { exponential: { mean: 0s } } } }\n",
      "s.yaml:3:58: error: pon.outages.duration.exponential.mean: must be > 0, found 0"
    ),
    (
      base + "pon: { outages: { every: 10d, duration: { exponential: { mean: 1001y } } } }\n",
      "s.yaml:3:58: error: pon.outages.duration.exponential.mean: must be at most 31556952000s, found 31588508952s"
    ),
    (
      base + "pon: { outages: { every: 10d, duration: { normal: { mean: 1h } } } }\n",
      "s.yaml:3:43: error: pon.outages.duration.normal: unknown key; expected one of constant, exponential, weibull, lognormal, gamma, uniform"
    ),
    (
      base + "pon: { mint_delay: { uniform: { low: 5s, high: 1s } } }\n",
      "s.yaml:3:42: error: pon.mint_delay.uniform.high: must be ≥ low (5), found 1"
    ),
    (base + "pon: { outage: none }\n", "s.yaml:3:8: error: pon.outage: unknown key; did you mean 'outages'?"),
  ]

  @Test(arguments: Self.cases.map(TextCase.init))
  func brokenFileGetsItsMessage(_ broken: TextCase) {
    do {
      _ = try ScenarioLoader.load(file: "s.yaml", text: broken.text)
      Issue.record("accepted: \(broken.text)")
    } catch {
      #expect(error.description == broken.message)
    }
  }

  @Test func theBacktestChecksTheMeasuredHeight() throws {
    let url = ScenarioSchemaTests.scenariosFolder.appendingPathComponent("checks/backtest-pon-2026.yaml")
    let scenario = try ScenarioLoader.load(file: url.path, text: String(contentsOf: url, encoding: .utf8)).scenario
    // Checkpoint block 2,029,000 (flux-rules.md §1), with the defaults written out.
    #expect(scenario.start == .tip(TipState(height: 2_029_000, time: 1_761_701_944, difficulty: 0.07)))
    #expect(scenario.pon == PoNSpec())
    // Its supply level is first reached at height 2,917,115 (FluxCore's supply, observed).
    let schedule = SupplySchedule(params: .mainnet, mode: .observed)
    #expect(scenario.supplyMilestones == [schedule.cumulativeSupply(through: 2_917_115)])
    #expect(schedule.cumulativeSupply(through: 2_917_114) < scenario.supplyMilestones[0])
    // …and its expectation is the mean date of that milestone: the measured tip's, ±12 h.
    let label = "supply \(scenario.supplyMilestones[0]) FLUX"
    #expect(
      scenario.expect.contains(
        .milestone(label: label, quantile: "mean", check: .approx("2026-09-03T01:32:00Z", tolerance: "12h"))))
    // The run goes past that date, so that every replication gets there.
    #expect(scenario.jobConfig(jobIndex: 0).horizon.seconds! > 1_788_399_120 - 1_761_701_944)
    #expect(try Self.load(YAMLEncoder().encode(scenario)) == scenario)
  }
}
