import FluxReport
import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxRun

/// `FolderRun` planned, run and finished directly, without the binary: a resume runs only
/// what an interrupted run did not store, a shard runs exactly its jobs, a stored job that
/// is not its job's is refused by its path, and finishing after an interruption writes
/// the folder a run in one go writes.
@Suite struct FolderRunTests {
  /// A scenario of `replications` two-day jobs on a small fleet: fast in a debug build.
  static func plan(replications: Int) throws -> RunPlan {
    let text = """
      name: folder-run
      horizon: 2d
      sample: 1d
      replications: \(replications)
      fleet: { nodes: { cumulus: 6, nimbus: 4, stratus: 4 } }

      """
    return RunPlan(file: try ScenarioLoader.load(file: "folder-run.yaml", text: text))
  }

  /// A new, empty working folder in a temporary folder of its own (removed with `scratch`).
  static func folder(in scratch: URL, _ name: String) throws -> RunFolder {
    let url = scratch.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return RunFolder(url: url)
  }

  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("folder-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every file under `folder` by its path relative to it.
  static func contents(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for case let name as String in FileManager.default.enumerator(atPath: folder.path) ?? .init() {
      let url = folder.appendingPathComponent(name)
      if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        files[name] = try Data(contentsOf: url)
      }
    }
    return files
  }

  /// A run of `plan` interrupted after storing the jobs `stored`: created, those jobs run.
  static func interrupted(_ plan: RunPlan, in folder: RunFolder, storing stored: [Int]) throws -> FolderRun {
    let run = FolderRun(plan, in: folder, command: "fluxsim run folder-run.yaml")
    #expect(try run.start(resume: false) == .fresh)
    try run.create()
    _ = try run.run(stored, workers: 1)
    return run
  }

  @Test func aResumeRunsOnlyTheJobsNotStored() throws {
    let scratch = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let plan = try Self.plan(replications: 3)
    let folder = try Self.folder(in: scratch, "w")
    let first = try Self.interrupted(plan, in: folder, storing: [0, 2])
    #expect(folder.storedJobs(limit: 3) == [0, 2])
    // Not resuming: the two stored jobs would be discarded and all three run.
    #expect(try first.start(resume: false) == .discarding(2))
    let resumed = FolderRun(plan, in: folder, command: first.command)
    let start = try resumed.start(resume: true)
    #expect(start == .resuming([0, 2]))
    #expect(resumed.remaining(after: start) == [1])
    // Only job 1 runs: it alone is delivered (and kept), and every job is then stored.
    let kept = try resumed.run(resumed.remaining(after: start), workers: 1)
    #expect(Set(kept.contents.results.keys) == [1])
    #expect(folder.storedJobs(limit: 3) == [0, 1, 2])
  }

  @Test func aShardRunsExactlyItsJobs() throws {
    let scratch = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let plan = try Self.plan(replications: 5)
    let folder = try Self.folder(in: scratch, "s")
    let shard = FolderRun(plan, in: folder, shard: ShardSpec(index: 1, count: 2), command: "fluxsim run x")
    // Jobs 0 … 4; those ≡ 1 (mod 2) are 1 and 3.
    #expect(shard.jobs.map(\.index) == [1, 3])
    let start = try shard.start(resume: false)
    #expect(shard.remaining(after: start) == [1, 3])
    try shard.create()
    // A shard keeps no result in memory: they are merged from its files.
    let kept = try shard.run(shard.remaining(after: start), workers: 2)
    #expect(kept.contents.results.isEmpty)
    try shard.finish(kept: kept)
    #expect(folder.storedJobs(limit: 5) == [1, 3])
    let manifest = try folder.manifest()
    #expect(manifest.shard == "1/2")
    #expect(manifest.jobs.filter(\.done).map(\.index) == [1, 3])
  }

  @Test func aResumeInTheOtherBlockModeIsRefused() throws {
    let scratch = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let batched = try Self.plan(replications: 2)
    let folder = try Self.folder(in: scratch, "w")
    _ = try Self.interrupted(batched, in: folder, storing: [0])
    let single = RunPlan(file: batched.file, blockByBlock: true)
    let resumed = FolderRun(single, in: folder, command: "fluxsim run folder-run.yaml --block-by-block")
    do {
      _ = try resumed.start(resume: true)
      Issue.record("a batched run resumed block by block")
    } catch {
      #expect(
        error.description
          == "the interrupted run had other settings: its jobs ran in batches (the default, without "
          + "--block-by-block); this run would run them block by block (--block-by-block)")
    }
    // The same mode resumes.
    #expect(try FolderRun(batched, in: folder, command: "").start(resume: true) == .resuming([0]))
    // A manifest from before the mode existed has no `block_by_block`: such runs went block by block.
    var older = try folder.manifest()
    #expect(older.blockByBlock == false && !older.ranBlockByBlock)
    older.blockByBlock = nil
    #expect(older.ranBlockByBlock)
    #expect(Manifest.read(older.json())?.blockByBlock == nil)
  }

  @Test func aStoredJobThatIsNotItsJobsIsRefusedByName() throws {
    let scratch = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let plan = try Self.plan(replications: 3)
    let folder = try Self.folder(in: scratch, "w")
    let run = try Self.interrupted(plan, in: folder, storing: [0, 1])
    // Job 0's file copied over job 1's: it holds index 0 where job 1 is expected.
    try FileManager.default.removeItem(at: folder.jobURL(1))
    try FileManager.default.copyItem(at: folder.jobURL(0), to: folder.jobURL(1))
    #expect(throws: FolderRun.ResumeRefusal.self) { try run.start(resume: true) }
    do {
      _ = try run.start(resume: true)
    } catch {
      #expect(
        error.description
          == "the stored job \(folder.jobURL(1).path) holds job 0, not job 1: a job file was copied or renamed")
    }
    // Finishing checks it too, naming the job and its file.
    #expect(throws: RunRefusal.self) { try run.finish(kept: KeptResults(budget: 0)) }
  }

  @Test func finishingAfterAnInterruptionWritesWhatARunInOneGoWrites() throws {
    let scratch = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let plan = try Self.plan(replications: 3)
    // In one go, on two workers.
    let whole = FolderRun(plan, in: try Self.folder(in: scratch, "whole"), command: "fluxsim run folder-run.yaml")
    try whole.create()
    try whole.finish(kept: try whole.run(whole.remaining(after: .fresh), workers: 2))
    // Interrupted after job 1, then resumed on one worker: job 1's result comes from its file.
    let folder = try Self.folder(in: scratch, "resumed")
    _ = try Self.interrupted(plan, in: folder, storing: [1])
    let resumed = FolderRun(plan, in: folder, command: whole.command)
    let start = try resumed.start(resume: true)
    try resumed.finish(kept: try resumed.run(resumed.remaining(after: start), workers: 1))
    let written = try Self.contents(folder.url)
    #expect(written == (try Self.contents(whole.folder.url)))
    // And both are the outputs of the results computed in memory, with no job file left.
    let results = JobRunner.run(plan.jobs.indices.map(plan.config), workers: 1)
    let expected = RunOutputs.files(RunRecord(plan: plan, results: results, command: whole.command))
    #expect(Set(written.keys) == Set(expected.map(\.name)))
    for file in expected { #expect(written[file.name] == Data(file.contents.utf8), "\(file.name)") }
  }
}
