import ArgumentParser
import FluxReport
import FluxRun
import FluxScenario
import Foundation

/// `fluxsim merge`: combine shard folders (`run --shard K/N`) into the outputs of one run,
/// byte-identical to running the scenario unsharded.
///
/// Nothing in a shard folder is trusted: every shard's manifest and stored scenario are
/// read within bounds and must agree, the plan is rebuilt from the stored scenario and
/// must be the one the manifests list, and every job file must hold the result of its own
/// job (index, sweep point, replication and seed) with values a run can produce.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge", abstract: "Merge the shard folders of a run into its outputs.",
    discussion: """
      The output folder follows the rules of `fluxsim run --out`: new, empty or one fluxsim wrote, never a \
      shard folder or a folder holding one; it is locked while the merge runs. Shards that do not belong \
      together, or whose files were changed after they ran, are refused with exit status 2, naming the \
      shard and the job.
      """)

  @Argument(help: "Shard folders written by `fluxsim run … --shard K/N`.", completion: .directory)
  var shards: [String]
  @Option(help: "Output folder: new, empty or a previous run's.", completion: .directory) var out: String

  func validate() throws {
    if out.isEmpty { throw ValidationError("--out must name a folder, found an empty path") }
  }

  func run() throws {
    let destination = URL(fileURLWithPath: out)
    let target = OutputFolder(destination, kind: .run)
    try OutputFolder.check([
      OutputFolder.Check(
        folder: target, label: "--out", option: "--out",
        inputs: shards.map { .init(url: URL(fileURLWithPath: $0), isFolder: true, noun: "the shard folder") })
    ])
    _ = try OutputLock.acquire(for: destination)
    var folders: [ShardFolder] = []
    for path in shards {
      do { folders.append(try ShardFolder.open(path)) } catch { throw fail(error.description) }
    }
    let first = folders[0]
    try checkTogether(folders)
    // The scenario as the shards ran it: its stored text, and the data files stored beside it.
    let stored = first.folder.url.appendingPathComponent(RunFolder.scenarioName).path
    let file: ScenarioFile
    do { file = try ScenarioLoader.load(file: first.manifest.scenario.path, text: first.text, dataFrom: stored) } catch
    {
      throw fail("the scenario stored in \(first.path) no longer loads: \(error)")
    }
    if case .failure(let refusal) = file.work(replications: first.manifest.replications) {
      throw fail("shard \(first.path): manifest.json: replications: \(refusal.message)")
    }
    let plan = RunPlan(
      file: file, replications: first.manifest.replications, seed: first.manifest.seed,
      blockByBlock: first.manifest.ranBlockByBlock)
    let rebuilt = Manifest(plan: plan, command: first.manifest.command, outputs: [], shard: nil, done: { _ in false })
    let changed = rebuilt.dataFilesDiffering(from: first.manifest)
    if !changed.isEmpty {
      throw fail(
        "the data file\(changed.count == 1 ? "" : "s") \(changed.joined(separator: ", ")) stored in \(first.path) "
          + "changed after the shard ran")
    }
    if let difference = first.manifest.identityDifference(from: rebuilt) {
      throw fail("shard \(first.path): manifest.json does not match the scenario stored beside it: \(difference)")
    }
    let source = try results(of: folders, plan: plan)
    let work = RunFolder(url: target.working)
    let notice: @Sendable () -> String? = { "interrupted: \(destination.path) was not written; run the merge again" }
    try Interrupts.during(notice: notice) {
      try Disk.attempt(destination) {
        try target.makeWorking()
        try work.finish(RunRecord(plan: plan, source: source, command: first.manifest.command), keepJobs: true)
      }
      try target.install()
    }
    print(
      "\(first.manifest.scenario.name): \(plan.jobs.count) jobs from \(shards.count) shard(s) → \(destination.path)")
  }

  /// Refuses shards that are not distinct shards of one run: the same folder twice, two
  /// splits, the same shard twice, another scenario, other settings or other data.
  private func checkTogether(_ folders: [ShardFolder]) throws {
    let first = folders[0]
    var seen: [[String]: String] = [:]
    var shardOf: [Int: String] = [:]
    for shard in folders {
      let place = Paths.resolved(shard.folder.url)
      if let other = seen[place] { throw fail("\(other) and \(shard.path) are the same folder") }
      seen[place] = shard.path
      if shard.spec.count != first.spec.count {
        throw fail(
          "\(shard.path) is shard \(shard.spec.text) and \(first.path) is shard \(first.spec.text): "
            + "the shards of one run share N")
      }
      if let other = shardOf[shard.spec.index] {
        throw fail("\(other) and \(shard.path) are both shard \(shard.spec.text)")
      }
      shardOf[shard.spec.index] = shard.path
    }
    for shard in folders.dropFirst() where shard.manifest.ranBlockByBlock != first.manifest.ranBlockByBlock {
      throw fail(
        "\(shard.path) ran its jobs \(shard.manifest.modeDescription) and \(first.path) "
          + "\(first.manifest.modeDescription): the shards of one run share the mode")
    }
    for shard in folders.dropFirst() where !shard.manifest.isSameRun(as: first.manifest) {
      let data = shard.manifest.dataFilesDiffering(from: first.manifest)
      if shard.manifest.isSameRun(as: first.manifest, ignoringDataFiles: true) {
        throw fail(
          "\(shard.path) is a shard of the same scenario on different data than \(first.path): "
            + "\(data.joined(separator: ", ")) differ\(data.count == 1 ? "s" : "")")
      }
      let what =
        shard.manifest.scenario.textHash != first.manifest.scenario.textHash
        ? "a different scenario" : "different rules or settings"
      throw fail(
        "\(shard.path) is a shard of \(what) than \(first.path) "
          + "(\(shard.manifest.scenario.name) vs \(first.manifest.scenario.name))")
    }
  }

  /// Every job's stored file, each in the shard it belongs to and checked against the plan.
  private func results(of folders: [ShardFolder], plan: RunPlan) throws -> DirectoryResults {
    var files: [Int: URL] = [:]
    var owner: [Int: String] = [:]
    for shard in folders {
      let stored = shard.folder.storedJobs(limit: plan.jobs.count)
      if stored.count > plan.jobs.count { throw fail("shard \(shard.path) holds more job files than the run has jobs") }
      for index in stored {
        guard plan.jobs.indices.contains(index), shard.spec.contains(index) else {
          throw fail("shard \(shard.path): \(shard.folder.jobURL(index).path) is not a job of shard \(shard.spec.text)")
        }
        files[index] = shard.folder.jobURL(index)
        owner[index] = shard.path
      }
    }
    let missing = plan.jobs.map(\.index).filter { files[$0] == nil }
    if !missing.isEmpty {
      let count = folders[0].spec.count
      let shardsMissing = Set(missing.map { $0 % count }).sorted().map { "\($0)/\(count)" }
      let listed = missing.prefix(10).map(String.init).joined(separator: ", ")
      throw fail(
        "shard \(shardsMissing.joined(separator: ", ")) missing or incomplete: jobs \(listed)"
          + (missing.count > 10 ? ", …" : ""))
    }
    do {
      return try DirectoryResults.verified(
        files, plan: plan, changed: OutputLock.exit(reporting:)
      ) { job, url, refusal in
        "shard \(owner[job.index] ?? "?"): job \(job.index) (\(url.path)) \(refusal)"
      }
    } catch { throw fail(error.description) }
  }

  private func fail(_ message: String) -> ExitCode {
    Console.error("error: \(message)")
    return ExitCode(2)
  }
}
