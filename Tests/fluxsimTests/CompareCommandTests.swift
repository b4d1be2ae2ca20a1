import Foundation
import Testing

/// `fluxsim compare` on the built binary: the metrics it is asked for, its table as CSV
/// or JSON beside report.md, and its folder recognised as a comparison's when written again.
@Suite struct CompareCommandTests {
  static let scenario = """
    name: tiny
    horizon: 3d
    sample: 1d
    replications: 1
    fleet: { nodes: { cumulus: 20, nimbus: 10, stratus: 10 } }

    """

  /// Two scenario files in a new folder.
  static func files() throws -> (URL, String, String) {
    let directory = try CLI.temporaryDirectory()
    let a = directory.appendingPathComponent("a.yaml")
    let b = directory.appendingPathComponent("b.yaml")
    try scenario.write(to: a, atomically: true, encoding: .utf8)
    try scenario.replacingOccurrences(of: "name: tiny", with: "name: other").write(
      to: b, atomically: true, encoding: .utf8)
    return (directory, a.path, b.path)
  }

  @Test func chosenMetricsAsJSONBesideTheReport() throws {
    let (directory, a, b) = try Self.files()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("cmp")
    let arguments = ["compare", a, b, "--out", out.path, "--metric", "nodes,supply", "--format", "json"]
    let result = try CLI.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["compare.json", "nodes.svg", "report.md", "supply.svg"])
    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.contains("fluxsim compare \(a) \(b) --metric nodes,supply --format json\n"))
    let json = try Data(contentsOf: out.appendingPathComponent("compare.json"))
    let rows = try #require(JSONSerialization.jsonObject(with: json) as? [[String: Any]])
    // 3 days from the 2026-09-03 tip: no year ends, so one row ("end") per scenario.
    #expect(rows.map { $0["scenario"] as? String } == ["tiny", "other"])
    #expect(rows.allSatisfy { $0["checkpoint"] as? String == "end" && $0["nodes_cumulus_p50"] is NSNumber })
    // Written again, with the default metrics and CSV: the folder is a comparison's, replaced whole.
    let again = try CLI.run(["compare", a, b, "--out", out.path])
    #expect(again.status == 0, "\(again.stderr)")
    let replaced = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      replaced == [
        "compare.csv", "dev_fund.svg", "income.svg", "inflation.svg", "nodes.svg", "report.md", "supply.svg",
      ])
  }

  @Test func listAndRefusals() throws {
    let list = try CLI.run(["compare", "--metric", "list"])
    #expect(list.status == 0 && list.stderr.isEmpty)
    let lines = list.stdout.split(separator: "\n")
    #expect(lines.first == "supply: FLUX in existence, at each year's last block and at the end")
    // 14 metrics before the token indicators, then collateral_locked, supply_not_locked,
    // yield and since_paid_p50, _p95 and _max.
    #expect(lines.count == 14 + 6 && lines.contains { $0.hasPrefix("yield: ") })
    let help = try CLI.run(["compare", "--help"])
    #expect(help.stdout.contains("app_revenue_to_nodes"))
    let (directory, a, b) = try Self.files()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A control character is shown as an escape, never sent to the terminal.
    let escape = try CLI.run(["compare", a, b, "--metric", "node\u{1B}"])
    #expect(escape.status == 2)
    #expect(escape.stderr.hasPrefix("error: --metric: no metric is named \"node\\u{1B}\" (did you mean nodes?); "))
    let long = try CLI.run(["compare", a, b, "--metric", String(repeating: "x", count: 10_000)])
    #expect(long.status == 2 && long.stderr.contains("…\" (10000 characters); the metrics are supply, "))
    #expect(!FileManager.default.fileExists(atPath: "Reports/compare-tiny-vs-other"))
  }
}
