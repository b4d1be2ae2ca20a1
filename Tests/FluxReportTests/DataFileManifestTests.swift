import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxReport

/// Data files in a run's identity and folder: the manifest records each file's path as
/// written and a hash of its bytes, the outputs carry the scenario and a copy of each
/// file, and a scenario without data files keeps its scenario and no `data_files` key.
@Suite struct DataFileManifestTests {
  static let scenario = """
    name: priced
    horizon: 2d
    sample: 1d
    replications: 2
    fleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 } }
    economics: { flux_usd: { csv: data/prices.csv } }

    """
  static let prices = "date,usd\n2026-01-01,0.30\n2027-01-01,0.10\n"

  /// The outputs of a run of `scenario` beside a `data/prices.csv` holding `prices`.
  static func outputs(prices: String) throws -> [OutputFile] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    try Data(prices.utf8).write(to: folder.appendingPathComponent("data/prices.csv"))
    let file = try ScenarioLoader.load(file: folder.appendingPathComponent("priced.yaml").path, text: scenario)
    return run(file)
  }

  static func run(_ file: ScenarioFile) -> [OutputFile] {
    let plan = RunPlan(file: file)
    let results = JobRunner.run(plan.jobs.indices.map(plan.config), workers: 1)
    return RunOutputs.files(RunRecord(plan: plan, results: results, command: "fluxsim run \(file.path)"))
  }

  static func manifest(_ files: [OutputFile]) throws -> Manifest {
    try #require(Manifest.read(files.first { $0.name == RunOutputs.manifestName }!.contents))
  }

  /// FNV-1a 64 of `text`'s bytes, worked out here independently of `Manifest`.
  static func fnv(_ text: String) -> String {
    let hash = text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  @Test func manifestRecordsEachDataFileAndTheOutputsCopyIt() throws {
    let files = try Self.outputs(prices: Self.prices)
    let names = files.map(\.name)
    #expect(Array(names.suffix(3)) == ["scenario.yaml", "data/prices.csv", "manifest.json"])
    let contents = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    #expect(contents["scenario.yaml"] == Self.scenario)
    #expect(contents["data/prices.csv"] == Self.prices)
    let manifest = try Self.manifest(files)
    #expect(manifest.dataFiles == [Manifest.DataFileIdentity(path: "data/prices.csv", hash: Self.fnv(Self.prices))])
    #expect(manifest.outputs == names)
    let json = contents["manifest.json"]!
    #expect(
      json.contains(
        """
          "data_files" : [
            {
              "hash" : "\(Self.fnv(Self.prices))",
              "path" : "data\\/prices.csv"
            }
          ],
        """))
    // Deterministic: the same inputs in another folder give the same bytes but for the
    // paths the report and the manifest name.
    let again = try Self.outputs(prices: Self.prices)
    let unnamed = { (files: [OutputFile]) in files.filter { !["report.md", "manifest.json"].contains($0.name) } }
    #expect(unnamed(again) == unnamed(files))
    #expect(try Self.manifest(again).dataFiles == manifest.dataFiles)
  }

  @Test func differentDataContentsAreADifferentRun() throws {
    let original = try Self.manifest(try Self.outputs(prices: Self.prices))
    let changed = try Self.manifest(
      try Self.outputs(prices: Self.prices.replacingOccurrences(of: "0.10", with: "0.11")))
    #expect(changed.scenario.textHash == original.scenario.textHash)
    #expect(changed.dataFiles != original.dataFiles)
    #expect(!changed.isSameRun(as: original))
    #expect(changed.isSameRun(as: original, ignoringDataFiles: true))
    #expect(changed.dataFilesDiffering(from: original) == ["data/prices.csv"])
    #expect(original.isSameRun(as: original) && original.dataFilesDiffering(from: original).isEmpty)
    // A manifest without data files (an older one) differs from one with them.
    var older = original
    older.dataFiles = nil
    #expect(older.dataFilesDiffering(from: original) == ["data/prices.csv"])
    #expect(!older.isSameRun(as: original))
  }

  /// The manifest of a run without data files, byte for byte (a golden baseline: no
  /// `data_files` key, and `scenario.yaml` among the outputs, which every run folder keeps
  /// so that its report can be described and repeated from it). Re-recorded for manifest
  /// format 2, whose `rules_hash` hashes the rules' `CanonicalText`, and for the block
  /// mode (`block_by_block`, false: the default batched mode).
  @Test func scenarioWithoutDataFilesKeepsItsManifest() throws {
    let text =
      "name: plain\nhorizon: 2d\nsample: 1d\nreplications: 2\nfleet: {nodes: {cumulus: 5, nimbus: 5, stratus: 5}}\n"
    let files = Self.run(try ScenarioLoader.load(file: "plain.yaml", text: text))
    #expect(
      files.map(\.name) == [
        "series.csv", "summary.csv", "payouts.csv", "years.csv", "report.md", "supply.svg", "nodes.svg",
        "block-interval.svg", "income.svg", "since-paid.svg", "scenario.yaml", "manifest.json",
      ])
    #expect(files.first { $0.name == "scenario.yaml" }?.contents == text)
    #expect(files.last?.contents == Self.plainManifest)
    #expect(try Self.manifest(files).dataFiles == nil)
  }

  static let plainManifest = """
    {
      "block_by_block" : false,
      "command" : "fluxsim run plain.yaml",
      "fluxsim_version" : "0.5.0",
      "format" : 2,
      "jobs" : [
        {
          "done" : true,
          "index" : 0,
          "point" : 0,
          "replication" : 0,
          "seed" : 2298633409
        },
        {
          "done" : true,
          "index" : 1,
          "point" : 0,
          "replication" : 1,
          "seed" : 2298633410
        }
      ],
      "outputs" : [
        "series.csv",
        "summary.csv",
        "payouts.csv",
        "years.csv",
        "report.md",
        "supply.svg",
        "nodes.svg",
        "block-interval.svg",
        "income.svg",
        "since-paid.svg",
        "scenario.yaml",
        "manifest.json"
      ],
      "points" : [
        [

        ]
      ],
      "replications" : 2,
      "rules_hash" : "d703189a5c8b8fa0",
      "scenario" : {
        "name" : "plain",
        "path" : "plain.yaml",
        "text_hash" : "254e6392326ab627"
      },
      "seed" : 1
    }

    """

  @Test func dataFileCopiesMirrorThePathAsWritten() {
    #expect(RunInputs.folderPath("data/prices.csv") == .success("data/prices.csv"))
    #expect(RunInputs.folderPath("./data//prices.csv") == .success("data/prices.csv"))
    #expect(RunInputs.folderPath("prices.csv") == .success("prices.csv"))
    for refused in [
      "/tmp/prices.csv", "../prices.csv", "data/../../p.csv", "series.csv", "jobs/p.csv", "supply.svg", "",
    ] {
      guard case .failure = RunInputs.folderPath(refused) else {
        Issue.record("\(refused) accepted")
        continue
      }
    }
  }
}
