import FluxCore
import FluxScenario
import FluxSim
import Testing

@testable import FluxReport

/// Reports under a schedule: diff-rules finds the first difference at the activation and
/// none for a change back to the base values; check's values, the manifest's rules hash
/// and the compare report's rules section see the changes.
@Suite struct ScheduledChangeReportTests {
  let mainnet = RuleSet(.mainnet)
  let horizon = RulesDiffReport.defaultHorizon(.mainnet)

  static let halving = """
    changes:
      - name: pa-depletion-halving
        at: { height: 3466630 }
        description: "Whitepaper plan: halve | *now*"
        overrides: { subsidy.pon_factor: 1/2 }
    """

  func rules(_ yaml: String) throws -> RuleSet { try RulesFile(file: "p.yaml", text: yaml).rules }

  @Test func divergenceStartsAtTheActivation() throws {
    let halving = try rules(Self.halving)
    let base = SupplySchedule(params: mainnet.params, mode: .observed)
    let divergence = RulesDivergence(
      base: base, proposal: SupplySchedule(params: halving.params, mode: .observed), through: horizon)
    #expect(divergence.subsidy == 3_466_630 && divergence.split == 3_466_630 && divergence.supply == 3_466_630)
    // Only the split changes: the subsidy and the supply never differ.
    let split = try rules(
      """
      changes:
        - name: stratus-more
          at: { height: 4000000 }
          overrides: { split.pon_tier_weights: { cumulus: 1, nimbus: 3, stratus: 9.5 } }
      """)
    let splitOnly = RulesDivergence(
      base: base, proposal: SupplySchedule(params: split.params, mode: .observed), through: horizon)
    #expect(splitOnly.subsidy == nil && splitOnly.supply == nil && splitOnly.split == 4_000_000)
  }

  @Test func diffReportOfTheHalving() throws {
    let text = RulesDiffReport(
      base: mainnet, proposal: try rules(Self.halving), proposalName: "p.yaml", mode: .observed, horizon: horizon
    ).markdown()
    // One block at 6.3 FLUX instead of 12.6 by 3,466,630.
    for line in [
      "| proposal changes | `pa-depletion-halving` at height 3466630, 2027-03-12T01:15:35Z |",
      "| block subsidy first differs | height 3466630, 2027-03-12T01:15:35Z |",
      "- `pa-depletion-halving` from height 3466630 (2027-03-12T01:15:35Z): `subsidy.pon_factor`: `1/2` — "
        + "Whitepaper plan: halve \\| \\*now\\*",
      "| 3466630 | 2027-03-12T01:15:35Z | change: pa-depletion-halving (proposal); first difference: subsidy, split, "
        + "supply | 12.60000000 | 6.30000000 |",
      "| 4122400 | 2027-10-25T18:00:35Z | PoN reduction 2 | 11.34000000 | 5.67000000 |",
    ] {
      #expect(text.contains(line), "missing \(line)")
    }
    #expect(text.contains("| -6.30000000 |\n| 4122400"))
  }

  @Test func changeBackToTheBaseShowsNoDifference() throws {
    let noOp = try rules(
      """
      changes:
        - name: as-is
          at: { date: 2027-03-12 }
          overrides:
            subsidy: { pon_factor: 1, pon_reduction_percent: 10, pon_reduction_interval: 1051200, pon_max_reductions: 20 }
            split: { pon_tier_weights: { cumulus: 1, nimbus: 3.5, stratus: 9 }, pon_weight_denominator: 14 }
            pon_target_spacing: 30s
            funds: []
      """)
    let report = RulesDiffReport(
      base: mainnet, proposal: noOp, proposalName: "p.yaml", mode: .observed, horizon: horizon)
    #expect(report.divergence.isEmpty)
    #expect(report.markdown().contains(RulesDiffReport.noDifference(through: horizon)))
  }

  /// `fluxsim check`'s values at a height come from the scheduled rules.
  @Test func expectationValuesFollowTheSchedule() throws {
    let params = try rules(Self.halving).params
    func value(_ quantity: String, _ height: Int) -> ExpectedValue {
      ExpectationEvaluator.value(quantity, at: height, point: .height(height), params: params, mode: .observed)
    }
    #expect(value("subsidy", 3_466_629) == .amount(Amount(satoshi: 1_260_000_000)))
    #expect(value("subsidy", 3_466_630) == .amount(Amount(satoshi: 630_000_000)))
    #expect(value("stratus", 3_466_630) == .amount(Amount(satoshi: 630_000_000 * 9 / 14)))
    let mainnetSupply = SupplySchedule(params: .mainnet, mode: .observed).cumulativeSupply(through: 3_466_631)
    #expect(value("supply", 3_466_631) == .amount(mainnetSupply - Amount(satoshi: 2 * 630_000_000)))
  }

  /// Two scenarios that differ only in a change's factor are different rules.
  @Test func rulesHashCoversTheChanges() throws {
    func manifest(_ factor: String) throws -> Manifest {
      let file = try ScenarioLoader.load(
        file: "s.yaml",
        text: """
          name: s
          horizon: 1d
          rules:
            changes: [{ name: c, at: { height: 3466630 }, overrides: { subsidy.pon_factor: \(factor) } }]
          """)
      return Manifest(plan: RunPlan(file: file), command: "fluxsim run s.yaml", outputs: [], shard: nil) { _ in false }
    }
    #expect(try manifest("1/2").rulesHash != manifest("1/3").rulesHash)
    #expect(try manifest("1/2").rulesHash == manifest("1/2").rulesHash)
  }

  /// The run report's rules row and the comparison's rules section list the changes.
  @Test func runAndCompareReportsListTheChanges() throws {
    let plain = try MarketRunFixture.run(apps: false, economics: false)
    let file = try ScenarioLoader.load(
      file: "halving.yaml",
      text: """
        name: halving
        horizon: 1y
        rules:
          changes: [{ name: pa-depletion-halving, at: { height: 3466630 }, overrides: { subsidy.pon_factor: 1/2 } }]
        """)
    let halving = RunRecord(plan: RunPlan(file: file, replications: 2), results: Array(plain.results), command: "c")
    let report = RunOutputs.files(halving).first { $0.name == "report.md" }?.contents ?? ""
    #expect(report.contains("| rules | mainnet, observed supply mode |\n| rule overrides | none |\n"))
    #expect(report.contains("| scheduled changes | pa-depletion-halving at height 3466630 (below) |\n"))
    #expect(
      report.contains(
        "Scheduled changes:\n\n- `pa-depletion-halving` from height 3466630 (2027-03-12T01:15:35Z): "
          + "`subsidy.pon_factor`: `1/2`\n\n## Supply"))
    let comparison = CompareReport.files([plain, halving], command: "fluxsim compare a b")[0].contents
    #expect(comparison.contains("## Rules\n\n| scenario | rules |"))
    #expect(comparison.contains("| market | mainnet, observed supply mode |"))
    #expect(
      comparison.contains(
        "Scheduled changes of halving:\n\n- `pa-depletion-halving` from height 3466630 (2027-03-12T01:15:35Z): "
          + "`subsidy.pon_factor`: `1/2`\n"))
  }

  @Test func rulesSummaryNamesTheChanges() throws {
    let halving = try rules(Self.halving)
    #expect(
      RulesText.summary(halving, mode: .observed)
        == "mainnet, observed supply mode; changes: pa-depletion-halving at height 3466630")
    #expect(RulesText.markdownText("a|b\n# c [d](e) <f>") == "a\\|b \\# c \\[d\\]\\(e\\) \\<f\\>")
  }
}
