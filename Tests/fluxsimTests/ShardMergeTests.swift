import Foundation
import Testing

/// Scale-out: shards merge into exactly the bytes of one run; an interrupted run resumes
/// to the same bytes; merge refuses what does not belong together and names what is missing.
@Suite(.serialized) struct ShardMergeTests {
  static let scenario = """
    name: shards
    horizon: 4d
    sample: 1d
    replications: 7
    fleet: { nodes: { cumulus: 12, nimbus: 8, stratus: 8 } }

    """

  func setUp() throws -> (URL, String) {
    let directory = try CLI.temporaryDirectory()
    let file = directory.appendingPathComponent("shards.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file.path)
  }

  @Test(arguments: [1, 2, 3, 7])
  func mergedShardsEqualOneRun(count: Int) throws {
    let (directory, file) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let single = directory.appendingPathComponent("single")
    #expect(try CLI.run(["run", file, "--out", single.path]).status == 0)
    var shards: [String] = []
    for index in 0..<count {
      let shard = directory.appendingPathComponent("shard-\(index)").path
      let result = try CLI.run(["run", file, "--shard", "\(index)/\(count)", "--out", shard, "--workers", "1"])
      #expect(result.status == 0, "\(result.stderr)")
      shards.append(shard)
    }
    let merged = directory.appendingPathComponent("merged")
    let result = try CLI.run(["merge"] + shards.reversed() + ["--out", merged.path])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = try CLI.contents(of: single)
    // The four tables, the report, its five charts, scenario.yaml and the manifest.
    #expect(expected.count == 12)
    #expect(try CLI.contents(of: merged) == expected)
  }

  @Test func resumeAfterAKillGivesTheSameBytes() throws {
    let (directory, file) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let whole = directory.appendingPathComponent("whole")
    #expect(try CLI.run(["run", file, "--out", whole.path]).status == 0)
    let out = directory.appendingPathComponent("interrupted")
    let (process, _) = try CLI.start(["run", file, "--out", out.path, "--workers", "1"], in: directory)
    let jobs = directory.appendingPathComponent(".interrupted.partial/jobs")
    CLI.wait { ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path))?.count ?? 0) >= 2 }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    // Killed mid-run: nothing that looks like a finished report.
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let done = try FileManager.default.contentsOfDirectory(atPath: jobs.path).count
    #expect(done >= 2 && done < 7)
    let resumed = try CLI.run(["run", file, "--out", out.path, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try CLI.contents(of: out) == CLI.contents(of: whole))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".interrupted.partial").path))
  }

  @Test func mergeRefusesMismatchedShardsAndNamesMissingOnes() throws {
    let (directory, file) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let other = directory.appendingPathComponent("other.yaml")
    try Self.scenario.replacingOccurrences(of: "horizon: 4d", with: "horizon: 5d").write(
      to: other, atomically: true, encoding: .utf8)
    func shard(_ scenario: String, _ spec: String, _ name: String, _ extra: [String] = []) throws -> String {
      let out = directory.appendingPathComponent(name).path
      #expect(try CLI.run(["run", scenario, "--shard", spec, "--out", out] + extra).status == 0)
      return out
    }
    let a0 = try shard(file, "0/3", "a0")
    let a2 = try shard(file, "2/3", "a2")
    let b1 = try shard(other.path, "1/3", "b1")
    let c1 = try shard(file, "1/3", "c1", ["--seed", "99"])
    let out = directory.appendingPathComponent("merged").path
    let different = try CLI.run(["merge", a0, b1, a2, "--out", out])
    #expect(different.status == 2)
    #expect(different.stderr == "error: \(b1) is a shard of a different scenario than \(a0) (shards vs shards)\n")
    let reseeded = try CLI.run(["merge", a0, c1, a2, "--out", out])
    #expect(reseeded.status == 2)
    #expect(reseeded.stderr.contains("is a shard of different rules or settings than"))
    let missing = try CLI.run(["merge", a0, a2, "--out", out])
    #expect(missing.status == 2)
    #expect(missing.stderr == "error: shard 1/3 missing or incomplete: jobs 1, 4\n")
    #expect(!FileManager.default.fileExists(atPath: out))
    let unwritable = try CLI.run(["run", file, "--out", "/proc/fluxsim-cannot-write-here"])
    #expect(unwritable.status == 1)
    #expect(unwritable.stderr.hasPrefix("error: cannot write /proc/fluxsim-cannot-write-here: "))
  }
}
