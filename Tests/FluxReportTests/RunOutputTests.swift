import FluxCore
import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The files of a run: byte-identical for any number of workers, CSVs that parse back
/// with their declared columns, a report holding the tables and charts it claims, and
/// well-formed SVG.
@Suite struct RunOutputTests {
  static let scenario = """
    name: small
    description: Two sweep points, three replications, a few weeks.
    horizon: 20d
    sample: 2d
    replications: 3
    fleet:
      nodes: { cumulus: 30, nimbus: 20, stratus: 20 }
      uptime: { online: { exponential: { mean: 3d } }, offline: { exponential: { mean: 4h } } }
      churn: { exits: 0.3/month, joins: 0.3/month }
    milestones: { supply: [430000000] }
    sweep: { fleet.churn.exits: [0.1/month, 0.5/month] }
    """

  /// The files of `text` (the small scenario by default) simulated on `workers` workers.
  static func run(workers: Int, text: String = scenario, name: String = "small") throws -> [OutputFile] {
    let file = try ScenarioLoader.load(file: "\(name).yaml", text: text)
    let plan = RunPlan(file: file)
    let results = JobRunner.run(plan.jobs.indices.map(plan.config), workers: workers)
    return RunOutputs.files(RunRecord(plan: plan, results: results, command: "fluxsim run \(name).yaml"))
  }

  @Test func byteIdenticalForAnyWorkerCount() throws {
    let one = try Self.run(workers: 1)
    #expect(try Self.run(workers: 2) == one)
    #expect(try Self.run(workers: 5) == one)
    #expect(
      one.map(\.name) == [
        "series.csv", "summary.csv", "payouts.csv", "years.csv", "report.md", "supply.svg", "nodes.svg",
        "block-interval.svg", "income.svg", "since-paid.svg", "scenario.yaml", "manifest.json",
      ])
  }

  @Test func csvFilesParseBackWithTheirColumns() throws {
    let files = try Self.run(workers: 2)
    let contents = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    let series = TableTests.parseCSV(contents["series.csv"]!)
    // The sweep's axis has its column after `point`, holding its value per month.
    #expect(
      series[0].prefix(8) == [
        "job", "point", "fleet.churn.exits", "replication", "time", "height", "supply", "subsidy",
      ])
    #expect(series.dropFirst().allSatisfy { $0.count == series[0].count })
    // 6 jobs × (start + 10 two-day samples + the final block) rows, give or take the last one.
    #expect(series.count > 6 * 10)
    for row in series.dropFirst() {
      #expect(Amount(parsing: row[6]) != nil && Int(row[5]) != nil && UTCTime.parse(row[4]) != nil)
      #expect(row[2] == (row[1] == "fleet.churn.exits=0.1/month" ? "0.1" : "0.5"))
    }
    let summary = TableTests.parseCSV(contents["summary.csv"]!)
    #expect(summary.count == 7)
    #expect(summary[0].contains("milestone: supply 430000000.00000000 FLUX"))
    #expect(Set(summary.dropFirst().map { $0[1] }) == ["fleet.churn.exits=0.1/month", "fleet.churn.exits=0.5/month"])
    let payouts = TableTests.parseCSV(contents["payouts.csv"]!)
    #expect(payouts[0].prefix(4) == ["job", "point", "fleet.churn.exits", "replication"])
    #expect(payouts.count == 1 + 6 * 3)
    #expect(payouts.dropFirst().allSatisfy { $0.count == payouts[0].count })
    let manifest = try JSONDecoder().decode(ManifestProbe.self, from: Data(contents["manifest.json"]!.utf8))
    #expect(manifest.jobs.count == 6 && manifest.jobs.allSatisfy(\.done))
    #expect(manifest.outputs.last == "manifest.json")
  }

  @Test func reportHoldsItsTablesAndCharts() throws {
    let files = try Self.run(workers: 2)
    let report = files.first { $0.name == "report.md" }!.contents
    for heading in [
      "## Supply", "### Supply at each year end", "### Milestones", "## Confirmed nodes per tier",
      "## Mean block interval",
      "## Income per node per year", "## Calendar years", "### Supply and inflation",
      "### Confirmed nodes per tier", "### Yield per node", "## Rotation", "### Blocks since last paid",
      "## Reproduce",
    ] {
      #expect(report.contains(heading), "missing \(heading)")
    }
    for chart in files.filter({ $0.name.hasSuffix(".svg") }) {
      #expect(report.contains("(\(chart.name))"), "report does not show \(chart.name)")
      let parser = XMLParser(data: Data(chart.contents.utf8))
      #expect(parser.parse(), "\(chart.name) is not well-formed: \(String(describing: parser.parserError))")
    }
    #expect(report.contains("| supply 430000000.00000000 FLUX |"))
    #expect(report.contains("```sh\nfluxsim run small.yaml\n```"))
  }

  struct ManifestProbe: Decodable {
    struct Job: Decodable { var done: Bool }
    var jobs: [Job]
    var outputs: [String]
  }
}
