import FluxCore
import Testing

@testable import FluxScenario

/// Rules files: YAML and JSON, and a precise diagnostic (line, column, key) for each mistake.
@Suite struct RulesFileTests {
  func diagnostic(_ text: String) -> Diagnostic? {
    do {
      _ = try RulesFile(file: "rules.yaml", text: text)
      return nil
    } catch { return error }
  }

  @Test func yamlWithNestedAndDottedKeys() throws {
    let file = try RulesFile(
      file: "r.yaml",
      text: """
        base: mainnet
        supply_mode: code
        overrides:
          subsidy:
            pon_reduction_percent: 15
          subsidy.pon_max_reductions: 5
          upgrades.flux: never
        """)
    #expect(file.supplyMode == .code)
    #expect(file.rules.params.subsidy.ponReductionKeep == Ratio(85, 100))
    #expect(file.rules.params.subsidy.ponMaxReductions == 5)
    #expect(file.rules.params.upgrades.flux == nil)
    #expect(
      file.rules.overrides.map(\.key) == [
        "subsidy.pon_reduction_percent", "subsidy.pon_max_reductions", "upgrades.flux",
      ])
  }

  @Test func jsonIsAccepted() throws {
    let file = try RulesFile(
      file: "r.json", text: #"{"base": "testnet", "overrides": {"subsidy": {"pon_initial": "20"}}}"#)
    #expect(file.rules.base == .testnet)
    #expect(file.rules.params.subsidy.ponInitialSubsidy == Amount(flux: 20))
    #expect(file.supplyMode == nil)
  }

  @Test(
    arguments: [
      (
        "overrides:\n  subsidy:\n    pon_reduction_percent: 150\n",
        "rules.yaml:3:5: error: overrides.subsidy.pon_reduction_percent: expected a percentage from 0 to 100, found \"150\""
      ),
      (
        "overrides:\n  subsidy:\n    halvng_interval: 5\n",
        "rules.yaml:3:5: error: overrides.subsidy.halvng_interval: unknown rule key; did you mean 'subsidy.halving_interval'?"
      ),
      (
        "bse: mainnet\n",
        "rules.yaml:1:1: error: bse: unknown key (expected base, supply_mode, overrides, changes); did you mean 'base'?"
      ),
      (
        "base: moonnet\n",
        "rules.yaml:1:1: error: base: expected mainnet, testnet or regtest, found \"moonnet\""
      ),
      (
        "supply_mode: exact\n",
        "rules.yaml:1:1: error: supply_mode: expected code or observed, found \"exact\""
      ),
      (
        "overrides:\n  funds:\n    - name: grant\n      amount: 10\n",
        "rules.yaml:3:7: error: overrides.funds[0].height: missing; a fund needs name, amount and height"
      ),
      (
        "overrides: [1, 2]\n",
        "rules.yaml:1:1: error: overrides: expected a mapping of rule keys to values, found a list"
      ),
      (
        "overrides:\n  upgrades.pon: 1\n  upgrades.pon: 2\n",
        "rules.yaml:2:3: error: key given twice in one mapping: upgrades.pon"
      ),
      ("overrides: {a: [}\n", "rules.yaml:1:17: error: YAML syntax error: did not find expected node content"),
      ("", "rules.yaml:1:1: error: the file is empty"),
      ("- 1\n- 2\n", "rules.yaml:1:1: error: expected a mapping with the keys base, supply_mode, overrides, changes"),
    ].map(TextCase.init))
  func mistakesAreLocated(_ mistake: TextCase) {
    #expect(diagnostic(mistake.text)?.description == mistake.message)
  }
}
