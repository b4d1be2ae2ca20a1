import Foundation
import Testing

/// Scenarios with a price CSV end to end: the run folder records the CSV's hash and keeps
/// a copy that reruns the scenario; merge and --resume refuse to mix results of different
/// CSV contents and name the file.
@Suite(.serialized) struct DataFileRunTests {
  static let scenario = """
    name: priced
    horizon: 2d
    sample: 1d
    replications: 2
    fleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 } }
    economics: { flux_usd: { csv: data/prices.csv } }

    """
  static let prices = "date,usd\n2026-01-01,0.30\n2027-01-01,0.10\n"
  static let changedPrices = "date,usd\n2026-01-01,0.30\n2027-01-01,0.05\n"

  /// A folder with `priced.yaml` and `data/prices.csv`; commands run inside it, so paths
  /// are relative as a user would type them.
  func setUp() throws -> URL {
    let directory = try CLI.temporaryDirectory()
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
    try Self.scenario.write(to: directory.appendingPathComponent("priced.yaml"), atomically: true, encoding: .utf8)
    try writePrices(Self.prices, in: directory)
    return directory
  }

  func writePrices(_ text: String, in directory: URL) throws {
    try text.write(to: directory.appendingPathComponent("data/prices.csv"), atomically: true, encoding: .utf8)
  }

  func run(_ arguments: [String], in directory: URL) throws -> CLIResult {
    try CLI.run(arguments, in: directory)
  }

  func manifest(_ folder: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func runRecordsTheCSVAndCopiesIt() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try run(["run", "priced.yaml", "--out", "out"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let out = directory.appendingPathComponent("out")
    let files = try CLI.contents(of: out)
    #expect(files["scenario.yaml"] == Data(Self.scenario.utf8))
    #expect(files["data/prices.csv"] == Data(Self.prices.utf8))
    #expect(files["jobs/0.json"] == nil)
    let manifest = try manifest(out)
    let recorded = try #require(manifest["data_files"] as? [[String: String]])
    #expect(recorded.count == 1)
    #expect(recorded.first?["path"] == "data/prices.csv")
    let hash = try #require(recorded.first?["hash"])
    #expect(hash.count == 16)
    let outputs = try #require(manifest["outputs"] as? [String])
    #expect(outputs.contains("scenario.yaml") && outputs.contains("data/prices.csv"))
    #expect(Set(outputs) == Set(files.keys))
    // Nothing else is left next to it (no temporary folder).
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["data", "out", "priced.yaml"])

    // The folder alone reruns the scenario: same results, same data file identity.
    try writePrices(Self.changedPrices, in: directory)
    let again = try run(["run", "out/scenario.yaml", "--out", "again"], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    let rerun = try CLI.contents(of: directory.appendingPathComponent("again"))
    for name in ["series.csv", "summary.csv", "payouts.csv", "scenario.yaml", "data/prices.csv"] {
      #expect(rerun[name] == files[name], "\(name) differs")
    }
    #expect(
      try self.manifest(directory.appendingPathComponent("again"))["data_files"] as? [[String: String]] == recorded)

    // Different CSV contents: a different identity.
    let changed = try run(["run", "priced.yaml", "--out", "changed"], in: directory)
    #expect(changed.status == 0, "\(changed.stderr)")
    let changedFiles = try self.manifest(directory.appendingPathComponent("changed"))["data_files"]
    #expect((changedFiles as? [[String: String]])?.first?["hash"] != hash)
  }

  @Test func mergeRefusesShardsRunOnDifferentCSVs() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try run(["run", "priced.yaml", "--out", "single"], in: directory).status == 0)
    for index in 0..<2 {
      let shard = try run(["run", "priced.yaml", "--shard", "\(index)/2", "--out", "s\(index)"], in: directory)
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    try writePrices(Self.changedPrices, in: directory)
    let changed = try run(["run", "priced.yaml", "--shard", "1/2", "--out", "c1"], in: directory)
    #expect(changed.status == 0, "\(changed.stderr)")

    let refused = try run(["merge", "s0", "c1", "--out", "merged"], in: directory)
    #expect(refused.status == 2)
    #expect(
      refused.stderr == "error: c1 is a shard of the same scenario on different data than s0: data/prices.csv differs\n"
    )
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("merged").path))

    // The shards of one CSV merge into the single run's bytes, reading the copies they
    // keep, not the CSV as it is now.
    let merged = try run(["merge", "s1", "s0", "--out", "merged"], in: directory)
    #expect(merged.status == 0, "\(merged.stderr)")
    let single = try CLI.contents(of: directory.appendingPathComponent("single"))
    #expect(single["data/prices.csv"] == Data(Self.prices.utf8))
    #expect(try CLI.contents(of: directory.appendingPathComponent("merged")) == single)

    // A copy changed after its shard ran is caught too.
    try Self.changedPrices.write(
      to: directory.appendingPathComponent("s0/data/prices.csv"), atomically: true, encoding: .utf8)
    let tampered = try run(["merge", "s0", "s1", "--out", "merged2"], in: directory)
    #expect(tampered.status == 2)
    #expect(tampered.stderr == "error: the data file data/prices.csv stored in s0 changed after the shard ran\n")
  }

  @Test func resumeRefusesAChangedCSV() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A shard folder is what an interrupted `run --shard 0/2` leaves as `.out.partial`.
    #expect(try run(["run", "priced.yaml", "--shard", "0/2", "--out", "first"], in: directory).status == 0)
    let partial = directory.appendingPathComponent(".out.partial")
    try FileManager.default.moveItem(at: directory.appendingPathComponent("first"), to: partial)
    try FileManager.default.removeItem(at: partial.appendingPathComponent("jobs/0.json"))
    let before = try CLI.contents(of: partial)

    try writePrices(Self.changedPrices, in: directory)
    let refused = try run(["run", "priced.yaml", "--shard", "0/2", "--out", "out", "--resume"], in: directory)
    #expect(refused.status == 2)
    #expect(
      refused.stderr
        == "error: cannot resume \(directory.appendingPathComponent("out").path): the data file data/prices.csv "
        + "changed since the interrupted run; run without --resume to start over\n")
    #expect(try CLI.contents(of: partial) == before, "the interrupted run is left as it was")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))

    // With the CSV as it was, the run resumes.
    try writePrices(Self.prices, in: directory)
    let resumed = try run(["run", "priced.yaml", "--shard", "0/2", "--out", "out", "--resume"], in: directory)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try CLI.contents(of: directory.appendingPathComponent("out"))["data/prices.csv"] == Data(Self.prices.utf8))
  }

  @Test func dataFilesOutsideTheScenarioFolderAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let absolute = directory.appendingPathComponent("data/prices.csv").path
    try Self.scenario.replacingOccurrences(of: "data/prices.csv", with: absolute).write(
      to: directory.appendingPathComponent("absolute.yaml"), atomically: true, encoding: .utf8)
    let result = try run(["run", "absolute.yaml", "--out", "out"], in: directory)
    #expect(result.status == 2)
    // Refused when the scenario is read, as validate refuses it: located at the key, the
    // path quoted whole up to 80 characters, else its first 79, "…" and its length.
    let shown =
      absolute.count > 80 ? "\"\(absolute.prefix(79))…\" (\(absolute.count) characters)" : "\"\(absolute)\""
    #expect(
      result.stderr
        == "absolute.yaml:6:26: error: economics.flux_usd.csv: the path is absolute (\(shown)); "
        + "data files are read from the scenario's folder: give a path inside it, such as data/prices.csv\n")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".out.partial").path))
  }
}
