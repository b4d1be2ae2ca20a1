import Testing

@testable import FluxScenario

/// Sweep values typed for the tables' sweep columns: one unit per kind of value, whatever
/// unit each was written in, and text for an axis with a word among its values.
@Suite struct SweepColumnTests {
  static func number(_ keyPath: String, _ text: String) -> Double? { SweepValue.number(keyPath: keyPath, text: text) }

  @Test func valuesAreNumbersInTheirKindsUnit() {
    let month = 365.2425 * 86_400 / 12
    // Plain numbers as written, percentages as percentages.
    #expect(Self.number("fleet.start_delay", "3") == 3)
    #expect(Self.number("rules.overrides.subsidy.pon_reduction_percent", "12.5") == 12.5)
    #expect(Self.number("rules.overrides.subsidy.pon_reduction_interval", "1_051_200") == 1_051_200)
    #expect(Self.number("fleet.collateral_migration", "80%") == 80)
    #expect(Self.number("economics.opportunity_cost", "5%/year") == 5)
    // Durations in seconds (a month a twelfth of 365.2425 days).
    #expect(Self.number("horizon", "20y") == 20 * 365.2425 * 86_400)
    #expect(Self.number("sample", "90min") == 5_400)
    #expect(Self.number("pon.outages.every", "3mo") == 3 * month)
    // Subscriptions in blocks, 30 s a block for a duration.
    #expect(Self.number("apps.catalogue[0].subscription", "88000") == 88_000)
    #expect(Self.number("apps.catalogue[0].subscription", "30d") == 86_400)
    // App arrivals per day; other rates and costs per month.
    #expect(Self.number("apps.arrivals", "700/week") == 100)
    #expect(Self.number("apps.arrivals.piecewise[1].rate", "50/day") == 50)
    #expect(Self.number("fleet.churn.exits", "0.03/month") == 0.03)
    #expect(Self.number("fleet.churn.exits.cumulus", "1/day") == month / 86_400)
    #expect(Self.number("economics.hosting", "$8/month") == 8)
    #expect(Self.number("economics.hosting.stratus", "$1/day") == month / 86_400)
    // Prices in USD, hashrates per second, sizes in MB, fractions as quotients.
    #expect(Self.number("economics.flux_usd", "$0.30") == 0.3)
    #expect(Self.number("economics.flux_usd", "0.30") == 0.3)
    #expect(Self.number("mining.hashrate", "2.5M/s") == 2_500_000)
    #expect(Self.number("apps.catalogue[0].components[0].ram", "1.5GB") == 1_500)
    #expect(Self.number("rules.changes[0].overrides.subsidy.pon_factor", "1/2") == 0.5)
  }

  @Test func wordsDatesAndNonFiniteValuesAreNotNumbers() {
    for text in ["never", "none", "whitepaper", "observed", "true", "2026-09-03", "1/0", "1e999", "nan", ""] {
      #expect(Self.number("rules.overrides.upgrades.pon", text) == nil, "\(text)")
    }
  }

  @Test func anAxisWithAWordIsTextAsWritten() throws {
    let text = """
      name: s
      horizon: 1d
      rules: { overrides: { subsidy: { frozen_after_halvings: 2 } } }
      fleet: { churn: { exits: 0.03/month } }
      sweep: { rules.overrides.subsidy.frozen_after_halvings: [2, never], fleet.churn.exits: [0.03/month, 0.6/year] }
      """
    let plan = RunPlan(file: try ScenarioLoader.load(file: "s.yaml", text: text))
    let columns = plan.sweepColumns
    #expect(columns.map(\.keyPath) == ["rules.overrides.subsidy.frozen_after_halvings", "fleet.churn.exits"])
    #expect(columns.map(\.numeric) == [false, true])
    // Points: the first axis slowest.
    #expect(columns[0].cells == ["2", "2", "never", "never"])
    #expect(columns[1].cells == ["0.03", "0.05", "0.03", "0.05"])
  }
}
