import Foundation
import Testing

/// The lock on an output: while one run writes a folder, a second run, a `--resume` and a
/// `merge` into the same folder refuse at once naming the holder, and the folder that
/// results belongs to the one run.
@Suite struct OutputLockTests {
  /// About a second per job in a debug build: long enough to try the others meanwhile.
  static let scenario = """
    name: slow
    horizon: 30d
    sample: 1d
    replications: 8
    fleet: { nodes: { cumulus: 200, nimbus: 100, stratus: 100 } }

    """

  @Test func aSecondWriterRefusesAtOnceAndTheFolderIsOneRuns() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.scenario.write(to: directory.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    try Self.scenario.replacingOccurrences(of: "replications: 8", with: "replications: 1").write(
      to: directory.appendingPathComponent("quick.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", "quick.yaml", "--shard", "0/1", "--out", "shard"], in: directory).status == 0)
    let out = directory.appendingPathComponent("out")
    let lock = directory.appendingPathComponent(".out.lock")
    let (first, _) = try CLI.start(
      ["run", "slow.yaml", "--out", "out", "--seed", "1", "--workers", "1"], in: directory)
    CLI.wait { FileManager.default.fileExists(atPath: directory.appendingPathComponent(".out.partial/jobs").path) }
    let refusal =
      "error: \(out.path) is being written by another fluxsim (pid \(first.processIdentifier)) that holds "
      + "\(lock.path); wait for it to finish or choose another --out\n"
    for arguments in [
      ["run", "slow.yaml", "--out", "out", "--seed", "2"],
      ["run", "slow.yaml", "--out", "out", "--seed", "1", "--resume"],
      ["merge", "shard", "--out", "out"],
    ] {
      let second = try CLI.run(arguments, in: directory)
      #expect(second.status == 1, "\(arguments): \(second.stderr)")
      #expect(second.stderr == refusal, "\(arguments)")
      #expect(first.isRunning, "\(arguments) did not refuse at once")
    }
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(!FileManager.default.fileExists(atPath: lock.path))
    // The folder is the first run's alone: the same bytes as that run made elsewhere.
    let reference = try CLI.run(["run", "slow.yaml", "--out", "reference", "--seed", "1"], in: directory)
    #expect(reference.status == 0, "\(reference.stderr)")
    #expect(try CLI.contents(of: out) == CLI.contents(of: directory.appendingPathComponent("reference")))
  }
}
