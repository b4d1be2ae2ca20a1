import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxRun
@testable import fluxsim

/// The stored results of a run are decoded once: `DirectoryResults.verified` keeps every
/// checked result within its byte budget, so building the outputs (which ask for each
/// result about ten times) reads no job file again; past the budget a result is read
/// from its file each time, as before. The results a run ran itself (`KeptResults`) are
/// not read back at all.
@Suite struct DirectoryResultsTests {
  /// A shard folder of a 3-job run (`run --shard 0/1`, which keeps its job files), its plan
  /// and the files by job index.
  func shard() throws -> (directory: URL, plan: RunPlan, files: [Int: URL]) {
    let directory = try CLI.temporaryDirectory()
    let text = """
      name: held
      horizon: 2d
      sample: 1d
      replications: 3
      fleet: { nodes: { cumulus: 6, nimbus: 4, stratus: 4 } }

      """
    try text.write(to: directory.appendingPathComponent("held.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", "held.yaml", "--shard", "0/1", "--out", "s"], in: directory).status == 0)
    let plan = RunPlan(file: try ScenarioLoader.load(file: "held.yaml", text: text))
    let folder = RunFolder(url: directory.appendingPathComponent("s"))
    return (directory, plan, Dictionary(uniqueKeysWithValues: plan.jobs.map { ($0.index, folder.jobURL($0.index)) }))
  }

  /// What each file holds, decoded directly.
  func decoded(_ files: [Int: URL]) throws -> [Int: JobResult] {
    try files.mapValues { try JSONDecoder().decode(StoredJob.self, from: Data(contentsOf: $0)).result }
  }

  @Test func checkedResultsAreKeptAndNoFileIsReadAgain() throws {
    let (directory, plan, files) = try shard()
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try decoded(files)
    let source = try DirectoryResults.verified(files, plan: plan) { _, _, refusal in "\(refusal)" }
    #expect(source.held == expected)
    // With the files gone, every result is still there: none is read from disk again.
    for url in files.values { try FileManager.default.removeItem(at: url) }
    for index in plan.jobs.map(\.index) { #expect(source.result(index) == expected[index]) }
  }

  @Test func pastTheBudgetResultsAreReadFromTheirFiles() throws {
    let (directory, plan, files) = try shard()
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try decoded(files)
    // A budget of the first file's size holds job 0 only; jobs 1 and 2 come from disk.
    let first = try Data(contentsOf: files[0]!).count
    let source = try DirectoryResults.verified(files, plan: plan, budget: first) { _, _, refusal in "\(refusal)" }
    #expect(Set(source.held.keys) == [0])
    for index in plan.jobs.map(\.index) { #expect(source.result(index) == expected[index]) }
  }

  @Test func keptResultsNeedNoFile() throws {
    let (directory, plan, files) = try shard()
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try decoded(files)
    // Job 1 was kept as the worker delivered it: its file is neither read nor needed.
    try FileManager.default.removeItem(at: files[1]!)
    let source = try DirectoryResults.verified(files, plan: plan, kept: [1: expected[1]!]) { _, _, refusal in
      "\(refusal)"
    }
    #expect(source.held == expected)
  }

  @Test func keptResultsStayWithinTheirBudget() throws {
    let (directory, _, files) = try shard()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try decoded(files)[0]!
    let kept = KeptResults(budget: 10)
    kept.keep(0, result, size: 6)
    kept.keep(1, result, size: 5)  // 6 + 5 > 10: not kept
    kept.keep(2, result, size: 4)  // 6 + 4 = 10: kept
    #expect(Set(kept.contents.results.keys) == [0, 2])
    #expect(kept.contents.remaining == 0)
  }
}
