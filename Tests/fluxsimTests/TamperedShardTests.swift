import Foundation
import Testing

/// `merge` and `--resume` trust nothing on disk: shard folders and interrupted runs whose
/// scenario, manifests or job files were changed are refused with exit status 2, naming
/// the shard and the job, and nothing is written.
@Suite(.serialized) struct TamperedShardTests {
  static let scenario = """
    name: shards
    horizon: 2d
    sample: 1d
    replications: 6
    fleet: { nodes: { cumulus: 6, nimbus: 4, stratus: 4 } }

    """

  /// A folder with the scenario and its three shards `s0`, `s1`, `s2` (jobs ≡ K mod 3).
  func setUp() throws -> URL {
    let directory = try CLI.temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("shards.yaml"), atomically: true, encoding: .utf8)
    for index in 0..<3 {
      let shard = try CLI.run(["run", "shards.yaml", "--shard", "\(index)/3", "--out", "s\(index)"], in: directory)
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    return directory
  }

  func text(_ directory: URL, _ path: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
  }

  func write(_ text: String, _ directory: URL, _ path: String) throws {
    try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
  }

  /// The JSON object in the file at `path`.
  func json(_ directory: URL, _ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: directory.appendingPathComponent(path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Rewrites the JSON file at `path` with `edit` applied, as a hand would.
  func edit(_ directory: URL, _ path: String, _ edit: (inout [String: Any]) -> Void) throws {
    var object = try json(directory, path)
    edit(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: directory.appendingPathComponent(path))
  }

  /// Merges the three shards and expects exit status 2, `message` on standard error and no output.
  func expectMergeRefused(
    _ directory: URL, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try CLI.run(["merge", "s0", "s1", "s2", "--out", "merged"], in: directory)
    #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), sourceLocation: sourceLocation)
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(left == ["s0", "s1", "s2", "shards.yaml"], sourceLocation: sourceLocation)
  }

  @Test func untouchedShardsMerge() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CLI.run(["merge", "s2", "s0", "s1", "--out", "merged"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func anEditedScenarioIsRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try write(try text(directory, "s1/scenario.yaml") + "# edited\n", directory, "s1/scenario.yaml")
    try expectMergeRefused(
      directory,
      "error: shard s1: \(directory.path)/s1/scenario.yaml was changed after the shard ran (its text is not the one "
        + "manifest.json records)\n")
  }

  @Test func aJobFileCopiedOverAnotherIsRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try write(try text(directory, "s0/jobs/3.json"), directory, "s0/jobs/0.json")
    try expectMergeRefused(
      directory,
      "error: shard s0: job 0 (\(directory.path)/s0/jobs/0.json) holds job 3, not job 0: a job file was copied or "
        + "renamed\n")
    // Into another shard's folder: not a job of that shard.
    try write(try text(directory, "s0/jobs/3.json"), directory, "s0/jobs/0.json")
    try write(try text(directory, "s1/jobs/1.json"), directory, "s0/jobs/1.json")
    try expectMergeRefused(directory, "error: shard s0: \(directory.path)/s0/jobs/1.json is not a job of shard 0/3\n")
  }

  /// Shards written before manifest format 2 (whose rules hash was computed another way)
  /// are refused by what they are, not merged and not taken for runs on other rules.
  @Test func shardsOfAnEarlierManifestFormatAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let version = try #require(try json(directory, "s0/manifest.json")["fluxsim_version"] as? String)
    for index in 0..<3 {
      try edit(directory, "s\(index)/manifest.json") {
        $0["format"] = 1
        $0["fluxsim_version"] = "0.4.0"
        $0["rules_hash"] = "f91d39bcfb664281"
      }
    }
    try expectMergeRefused(
      directory,
      "error: shard s0: manifest.json does not match the scenario stored beside it: it was written by fluxsim 0.4.0 "
        + "in manifest format 1; this fluxsim \(version) writes format 2, whose rules hash is computed differently\n")
  }

  @Test func aSeedChangedInEveryManifestIsRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The run's seed alone: the jobs the manifests list are not the plan's.
    let jobs = try #require(try json(directory, "s0/manifest.json")["jobs"] as? [[String: Any]])
    let listed = try #require(jobs.first?["seed"] as? Int)
    for index in 0..<3 { try edit(directory, "s\(index)/manifest.json") { $0["seed"] = 99 } }
    try expectMergeRefused(
      directory,
      "error: shard s0: manifest.json does not match the scenario stored beside it: job 0 is listed as point 0, "
        + "replication 0, seed \(listed); the plan's job 0 is point 0, replication 0, seed ")
    // The whole manifests of a run with that seed: the job files were run with other seeds.
    for index in 0..<3 {
      let other = try CLI.run(
        ["run", "shards.yaml", "--shard", "\(index)/3", "--seed", "99", "--out", "c"], in: directory)
      #expect(other.status == 0, "\(other.stderr)")
      try write(try text(directory, "c/manifest.json"), directory, "s\(index)/manifest.json")
      try FileManager.default.removeItem(at: directory.appendingPathComponent("c"))
    }
    let planned = try #require((try json(directory, "s0/manifest.json")["jobs"] as? [[String: Any]])?.first?["seed"])
    let ran = try #require(try json(directory, "s0/jobs/0.json")["seed"])
    try expectMergeRefused(
      directory,
      "error: shard s0: job 0 (\(directory.path)/s0/jobs/0.json) was run with seed \(ran), but the plan's job 0 has "
        + "seed \(planned): the run's seed or the job file was changed\n")
  }

  @Test func damagedOrAbsurdManifestsAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try text(directory, "s1/manifest.json")
    let manifest = "\(directory.path)/s1/manifest.json"
    try write("{ \"format\" : 1, \"jobs\" : [", directory, "s1/manifest.json")
    try expectMergeRefused(
      directory, "error: shard s1: cannot read \(manifest): it is not a fluxsim manifest: not valid JSON\n")
    let cases: [(String, Any, String)] = [
      (
        "replications", "six",
        "error: shard s1: cannot read \(manifest): it is not a fluxsim manifest: replications: expected a whole number\n"
      ),
      (
        "shard", "0/0",
        "error: shard s1: \(manifest): shard \"0/0\": N (the number of shards) must be 1 … 1000000, found 0\n"
      ),
      ("shard", "5/3", "error: shard s1: \(manifest): shard \"5/3\": K must be 0 … 2 (below N), found 5\n"),
      ("shard", "1/4", "error: s1 is shard 1/4 and s0 is shard 0/3: the shards of one run share N\n"),
      (
        "replications", 1_000_000_000,
        "error: s1 is a shard of different rules or settings than s0 (shards vs shards)\n"
      ),
      ("jobs", [[String: Any]](), "error: s1 is a shard of different rules or settings than s0 (shards vs shards)\n"),
    ]
    for (key, value, message) in cases {
      try write(original, directory, "s1/manifest.json")
      try edit(directory, "s1/manifest.json") { $0[key] = value }
      try expectMergeRefused(directory, message)
    }
    // The same absurd numbers in every manifest: refused before a plan of that size is built.
    try write(original, directory, "s1/manifest.json")
    for (replications, message) in [
      (1_000_000_000, "1,000,000,000 jobs (1 sweep points × 1,000,000,000 replications); at most 1,000,000"),
      (-1, "must be 1 … 100000, found -1"),
    ] {
      for index in 0..<3 { try edit(directory, "s\(index)/manifest.json") { $0["replications"] = replications } }
      try expectMergeRefused(directory, "error: shard s0: manifest.json: replications: \(message)\n")
    }
  }

  @Test func shardsOfBothBlockModesAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rerun = try CLI.run(
      ["run", "shards.yaml", "--shard", "1/3", "--out", "s1", "--block-by-block"], in: directory)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    try expectMergeRefused(
      directory,
      "error: s1 ran its jobs block by block (--block-by-block) and s0 in batches (the default, without "
        + "--block-by-block): the shards of one run share the mode\n")
    // All three block by block merge, and the merged manifest says so.
    for index in [0, 2] {
      let shard = try CLI.run(
        ["run", "shards.yaml", "--shard", "\(index)/3", "--out", "s\(index)", "--block-by-block"], in: directory)
      #expect(shard.status == 0, "\(shard.stderr)")
    }
    let merged = try CLI.run(["merge", "s0", "s1", "s2", "--out", "merged"], in: directory)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(try json(directory, "merged/manifest.json")["block_by_block"] as? Bool == true)
  }

  @Test func aResultNoRunProducesIsRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try edit(directory, "s2/jobs/2.json") { job in
      var result = job["result"] as? [String: Any] ?? [:]
      result["series"] = [Any]()
      job["result"] = result
    }
    try expectMergeRefused(
      directory,
      "error: shard s2: job 2 (\(directory.path)/s2/jobs/2.json) holds a result no run produces: series: no samples\n")
  }
}
