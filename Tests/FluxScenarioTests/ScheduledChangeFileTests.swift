import FluxCore
import Testing
import Yams

@testable import FluxScenario

/// `changes:` in rules files and in a scenario's `rules:`: read into the schedule, every
/// mistake located at its file, line, column and key path.
@Suite struct ScheduledChangeFileTests {
  static let halving = """
    changes:
      - name: pa-depletion-halving
        at: { height: 3466630 }
        description: Whitepaper plan
        overrides:
          subsidy:
            pon_factor: 1/2
    """

  @Test func rulesFileSchedulesItsChanges() throws {
    let file = try RulesFile(file: "r.yaml", text: Self.halving)
    #expect(file.rules.changes.map(\.name) == ["pa-depletion-halving"])
    #expect(file.rules.changes[0].description == "Whitepaper plan")
    #expect(file.rules.changes[0].overrides == [RuleField(key: "subsidy.pon_factor", value: .scalar("1/2"))])
    #expect(file.rules.params.codeSubsidy(at: 3_466_630) == Amount(satoshi: 630_000_000))
  }

  @Test(
    arguments: [
      (
        "changes:\n  - name: a\n    at: { height: 3000000 }\n    overrides: { subsidy.pon_factor: 1/2 }\n"
          + "  - name: b\n    at: { height: 2999999 }\n    overrides: { subsidy.pon_factor: 1/2 }\n",
        "r.yaml:6:11: error: changes[1].at.height: must come after the previous change's activation (block 3000000): "
          + "found 2999999"
      ),
      (
        "changes:\n  - name: a\n    at: { height: 3000000 }\n    overrides:\n      subsidy.pon_factor: 1e300\n",
        "r.yaml:5:7: error: changes[0].overrides.subsidy.pon_factor: expected a factor from 0 to 1000: a fraction such as "
          + "1/2 or a decimal such as 0.5, found \"1e300\""
      ),
      (
        "changes:\n  - name: a\n    at: { date: 2027-13-01 }\n    overrides: {}\n",
        "r.yaml:3:11: error: changes[0].at.date: expected a UTC date such as 2027-03-12 or 2027-03-12T00:00:00Z, found "
          + "\"2027-13-01\""
      ),
      (
        "changes:\n  - name: a\n    at: { height: 3000000 }\n    overrides:\n      subsidy:\n        pon_initial: 7\n",
        "r.yaml:6:9: error: changes[0].overrides.subsidy.pon_initial: cannot change in a scheduled change: used once, at "
          + "PoN start; to scale the PoN subsidy from a height use subsidy.pon_factor"
      ),
      (
        "changes: { name: a }\n",
        "r.yaml:1:1: error: changes: expected a list of changes, each a mapping with name, at and overrides, found a mapping"
      ),
      (
        "chnges: []\n",
        "r.yaml:1:1: error: chnges: unknown key (expected base, supply_mode, overrides, changes); did you mean 'changes'?"
      ),
      (
        "overrides: { subsidy.pon_further_reductions: 3 }\n",
        "r.yaml:1:14: error: overrides.subsidy.pon_further_reductions: acts only in a scheduled change "
          + "(changes[].overrides); from genesis set subsidy.pon_max_reductions"
      ),
    ].map(TextCase.init))
  func mistakesAreLocated(_ mistake: TextCase) {
    do {
      _ = try RulesFile(file: "r.yaml", text: mistake.text)
      Issue.record("accepted: \(mistake.text)")
    } catch { #expect(error.description == mistake.message) }
  }

  /// A scenario's `rules.changes`: read for its jobs, located under `rules.`, kept through
  /// a YAML round trip, and sweepable like any single value.
  @Test func scenarioRulesHoldChanges() throws {
    let text = """
      name: proposal
      horizon: 1y
      rules:
        changes:
          - name: halving
            at: { height: 3466630 }
            overrides: { subsidy.pon_factor: 1/2 }
      sweep:
        rules.changes[0].at.height: [3000000, 3466630]
      """
    let file = try ScenarioLoader.load(file: "s.yaml", text: text)
    #expect(file.points.count == 2)
    let rules = file.points.map { $0.scenario.jobConfig(jobIndex: 0).rules }
    #expect(rules.map { $0.changes[0].activation } == [3_000_000, 3_466_630])
    let encoded = try YAMLEncoder().encode(file.scenario)
    #expect(try ScenarioLoader.load(file: "s.yaml", text: encoded).scenario == file.scenario)
    let broken = text.replacingOccurrences(of: "pon_factor: 1/2", with: "pon_factor: 2/0")
    do {
      _ = try ScenarioLoader.load(file: "s.yaml", text: broken)
      Issue.record("accepted a factor 2/0")
    } catch {
      #expect(
        error.description.contains(
          "s.yaml:7:20: error: rules.changes[0].overrides.subsidy.pon_factor: expected a factor from 0 to 1000"))
    }
  }
}
