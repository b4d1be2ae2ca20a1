import ArgumentParser
import FluxReport
import FluxScenario
import Foundation

/// `fluxsim merge`: combine shard folders (`run --shard K/N`) into the outputs of one run,
/// byte-identical to running the scenario unsharded.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge", abstract: "Merge the shard folders of a run into its outputs.")

  @Argument(help: "Shard folders written by `fluxsim run … --shard K/N`.") var shards: [String]
  @Option(help: "Output folder.") var out: String

  func run() throws {
    let folders = shards.map { RunFolder(existing: URL(fileURLWithPath: $0)) }
    var manifests: [Manifest] = []
    for (path, folder) in zip(shards, folders) {
      guard let manifest = folder.manifest(), manifest.shard != nil, folder.scenarioText() != nil else {
        throw fail("\(path) is not a shard folder (no manifest.json with a shard, or no scenario.yaml)")
      }
      manifests.append(manifest)
    }
    let first = manifests[0]
    for (path, manifest) in zip(shards, manifests).dropFirst() where !manifest.isSameRun(as: first) {
      let data = manifest.dataFilesDiffering(from: first)
      if manifest.isSameRun(as: first, ignoringDataFiles: true) {
        throw fail(
          "\(path) is a shard of the same scenario on different data than \(shards[0]): "
            + "\(data.joined(separator: ", ")) differ\(data.count == 1 ? "s" : "")")
      }
      let what =
        manifest.scenario.textHash != first.scenario.textHash ? "a different scenario" : "different rules or settings"
      throw fail(
        "\(path) is a shard of \(what) than \(shards[0]) (\(manifest.scenario.name) vs \(first.scenario.name))")
    }
    // Which job is stored where; every job of the run must be there once.
    var files: [Int: URL] = [:]
    for folder in folders {
      for index in folder.doneJobs() { files[index] = folder.jobURL(index) }
    }
    let missing = first.jobs.map(\.index).filter { files[$0] == nil }
    if !missing.isEmpty {
      let count = Int(first.shard!.split(separator: "/")[1]) ?? 1
      let shardsMissing = Set(missing.map { $0 % count }).sorted().map { "\($0)/\(count)" }
      throw fail(
        "shard \(shardsMissing.joined(separator: ", ")) missing or incomplete: jobs \(missing.prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")"
      )
    }
    // The scenario as the shards ran it: its stored text, and the data files stored beside it.
    let text = folders[0].scenarioText()!
    let stored = folders[0].url.appendingPathComponent(RunFolder.scenarioName).path
    let file: ScenarioFile
    do { file = try ScenarioLoader.load(file: first.scenario.path, text: text, dataFrom: stored) } catch {
      throw fail("the scenario stored in \(shards[0]) no longer loads: \(error)")
    }
    let plan = RunPlan(file: file, replications: first.replications, seed: first.seed)
    let changed = Manifest(plan: plan, command: first.command, outputs: [], shard: nil, done: { _ in false })
      .dataFilesDiffering(from: first)
    if !changed.isEmpty {
      throw fail(
        "the data file\(changed.count == 1 ? "" : "s") \(changed.joined(separator: ", ")) stored in \(shards[0]) "
          + "changed after the shard ran")
    }
    let source = DirectoryResults(files: files)
    try source.verify()
    let destination = URL(fileURLWithPath: out)
    let work = RunFolder(for: destination)
    try Disk.attempt(destination) {
      try? FileManager.default.removeItem(at: work.url)
      try FileManager.default.createDirectory(at: work.url, withIntermediateDirectories: true)
      try work.finish(
        RunRecord(plan: plan, source: source, command: first.command), keepJobs: true, destination: destination)
    }
    print("\(first.scenario.name): \(files.count) jobs from \(shards.count) shard(s) → \(destination.path)")
  }

  private func fail(_ message: String) -> ExitCode {
    Console.error("error: \(message)")
    return ExitCode(2)
  }
}
