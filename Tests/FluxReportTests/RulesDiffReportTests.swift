import FluxCore
import FluxScenario
import Testing

@testable import FluxReport

/// The diff-rules report: its summary, side-by-side rows, supply and income tables.
@Suite struct RulesDiffReportTests {
  let mainnet = RuleSet(.mainnet)
  let horizon = RulesDiffReport.defaultHorizon(.mainnet)

  func report(_ yaml: String, nodes: TierValues<Int>? = nil) throws -> String {
    let proposal = try RulesFile(file: "p.yaml", text: yaml).rules
    if let nodes {
      return RulesDiffReport(
        base: mainnet, proposal: proposal, proposalName: "p.yaml", mode: .observed, horizon: horizon, nodes: nodes
      ).markdown()
    }
    return RulesDiffReport(base: mainnet, proposal: proposal, proposalName: "p.yaml", mode: .observed, horizon: horizon)
      .markdown()
  }

  @Test func defaultHorizonIsTheLastBlockOf2060() {
    #expect(horizon == 39_031_598)
    #expect(Format.date(ChainParams.mainnet.projectedTime(at: horizon)) == "2060-12-31T23:59:35Z")
    #expect(Format.date(ChainParams.mainnet.projectedTime(at: horizon + 1)) == "2061-01-01T00:00:05Z")
  }

  @Test func fifteenPercentReduction() throws {
    let text = try report("overrides:\n  subsidy.pon_reduction_percent: 15\n")
    #expect(text == (try report("overrides:\n  subsidy.pon_reduction_percent: 15\n")))
    #expect(text.hasPrefix("# Rule change: p.yaml vs mainnet\n"))
    for line in [
      "| proposal overrides | `subsidy.pon_reduction_percent`: `15` |",
      "| horizon | height 39031598, 2060-12-31T23:59:35Z |",
      "| cumulative supply first differs | height 3071200, 2026-10-25T18:00:35Z |",
      "| 3071200 | 2026-10-25T18:00:35Z | PoN reduction 1; first difference: subsidy, split, supply | 12.60000000 "
        + "| 11.90000000 | 431695412.57000000 | 431695411.87000000 | -0.70000000 |",
      "| end of 2060 (horizon) | 39031598 | 2060-12-31T23:59:35Z | 573466469.25732287 | 519963229.89473059 "
        + "| -53503239.36259228 | -9.3298 |",
      // A flat year after reduction 20: 1,051,200 blocks × 0.12157665 (base) or 0.03875952
      // (proposal, 0.54263341 / 14) FLUX to cumulus, over 3,247 nodes, rounded down.
      "| 2047 | 1051200 | 39.35983199 | 12.54820062 | -26.81163137 |",
    ] {
      #expect(text.contains(line), "missing \(line)")
    }
    #expect(!text.contains("No difference"))
    #expect(text.contains("the counts measured on 2026-09-03"))
  }

  @Test func movedUpgradeIsLabelledPerSideAndTheClockNoted() throws {
    let text = try report("overrides:\n  upgrades.pon: 2100000\n")
    #expect(
      text.contains("| 2020000 | 2025-10-25T18:00:35Z | PoN start (base); first difference: subsidy, split, supply |"))
    #expect(text.contains("| 2100000 | 2025-11-22T12:40:35Z | PoN start (proposal) |"))
    #expect(
      text.contains("The proposal changes that clock: by its own, height 39031598 falls on 2061-03-25T07:58:05Z."))
  }

  @Test func fundsOnlyChangeSupplyAndIncomeStartsAtTheTipYear() throws {
    let text = try report("overrides:\n  funds: []\n", nodes: TierValues(cumulus: 1, nimbus: 2, stratus: 3))
    #expect(text.contains("| block split first differs | none up to height 39031598 |"))
    #expect(text.contains("| cumulative supply first differs | height 836274, 2021-04-25T16:30:05Z |"))
    #expect(text.contains("| end of 2021 | 1016498 |"))
    #expect(text.contains("Assumes a constant fleet of 1 cumulus, 2 nimbus and 3 stratus nodes and every block"))
    #expect(text.contains("Years from 2026: the block split never differs"))
    #expect(text.contains("\n| 2026 | 1051200 |"))
    #expect(!text.contains("\n| 2025 |"))
  }

  @Test func noOpSaysSoOnce() throws {
    let text = try report("overrides:\n  subsidy.pon_reduction_percent: 10\n")
    #expect(text.components(separatedBy: "No difference up to height 39031598.").count == 2)
    #expect(text.contains("Supply is the same at every height up to 39031598."))
  }
}
