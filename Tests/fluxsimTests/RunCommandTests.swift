import Foundation
import Testing

/// `fluxsim run`, `validate` and `compare` end to end on the built binary.
@Suite struct RunCommandTests {
  static let scenario = """
    name: tiny
    horizon: 3d
    sample: 1d
    replications: 2
    fleet: { nodes: { cumulus: 20, nimbus: 10, stratus: 10 } }

    """

  func write(_ text: String, _ name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func runWritesEveryOutput() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try write(Self.scenario, "tiny.yaml", in: directory)
    let out = directory.appendingPathComponent("out")
    let result = try CLI.run(["run", file, "--workers", "2", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    // Standard error is a file: a short run (well under the 10 s between progress lines)
    // writes its summary line alone.
    #expect(result.stderr.hasPrefix("tiny: 2 jobs, "), "\(result.stderr)")
    #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      names == [
        "block-interval.svg", "income.svg", "manifest.json", "nodes.svg", "payouts.csv", "report.md",
        "scenario.yaml", "series.csv", "since-paid.svg", "summary.csv", "supply.svg", "years.csv",
      ])
    // Nothing else is left next to it (no temporary folder).
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["out", "tiny.yaml"])
  }

  @Test func badScenarioExitsTwoAndWritesNothing() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = try write(Self.scenario, "tiny.yaml", in: directory)
    let bad = try write(Self.scenario + "replicatons: 4\n", "bad.yaml", in: directory)
    let out = directory.appendingPathComponent("out")
    let result = try CLI.run(["run", good, bad, "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stderr == "\(bad):6:1: error: replicatons: unknown key; did you mean 'replications'?\n")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let validate = try CLI.run(["validate", good, bad])
    #expect(validate.status == 2)
    #expect(validate.stdout.isEmpty)
    let ok = try CLI.run(["validate", good])
    #expect(ok.status == 0)
    // 3 days of 30 s PoN blocks, one row a day; 40 nodes with as many joins as exits;
    // uptime cycles of Weibull(0.8, 40 d) + lognormal(4 h, σ 1.5) on average.
    let cycle = 40 * 86_400 * tgamma(1 + 1 / 0.8) + 4 * 3_600 * exp(1.5 * 1.5 / 2)
    let flips = Int(2 * 40 * 3 * 86_400 / cycle)
    #expect(
      ok.stdout == "\(good): ok\n  1 point(s) × 2 replication(s) = 2 job(s), 17,280 blocks in all\n"
        + "  per job (at most): 8,640 blocks, 3 sampled rows, 40 nodes, \(flips) uptime flips\n")
  }

  @Test func compareWritesOneReportWithDifferences() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = try write(Self.scenario, "a.yaml", in: directory)
    let b = try write(
      Self.scenario.replacingOccurrences(of: "name: tiny", with: "name: faster")
        + "rules: { overrides: { subsidy: { pon_reduction_percent: 50 } } }\n", "b.yaml", in: directory)
    let out = directory.appendingPathComponent("cmp")
    let result = try CLI.run(["compare", a, b, "--out", out.path, "--replications", "1"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(report.hasPrefix("# Comparison: tiny vs faster\n"))
    #expect(report.contains("![Supply by scenario](supply.svg)"))
    #expect(report.contains("fluxsim compare \(a) \(b) --replications 1"))
    #expect(try CLI.run(["compare", a]).status == 2)
  }
}
