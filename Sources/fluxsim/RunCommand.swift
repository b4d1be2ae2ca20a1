import ArgumentParser
import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// `fluxsim run`: run scenario files on parallel workers and write their reports.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run scenario files and write CSV, Markdown and SVG reports.",
    discussion: """
      Outputs go to Reports/<scenario-name>/ (or --out), replacing it in one rename once every job is done. \
      Each job's result is stored as it finishes in .<folder>.partial/jobs/, so an interrupted run leaves no \
      folder that looks complete and --resume finishes it. --shard K/N runs the jobs whose index ≡ K (mod N) \
      and writes a partial folder for `fluxsim merge`. A scenario that names data files (price CSVs) also keeps \
      scenario.yaml and a copy of each file at its path as written, so `fluxsim run <folder>/scenario.yaml` \
      reruns it; manifest.json records each file's hash, and --resume and merge refuse changed data.
      """)

  @Argument(help: "Scenario files (YAML).") var files: [String]
  @OptionGroup var options: RunOptions
  @Option(help: "Output folder (with several files: one subfolder per scenario).") var out: String?
  @Option(help: "Run only the jobs whose index ≡ K (mod N), as K/N; write a partial folder for `merge`.")
  var shard: ShardSpec?
  @Flag(
    help: "Skip the jobs an interrupted run of the same scenario already finished (refused if its data files changed).")
  var resume = false

  func run() throws {
    let scenarios = try ScenarioInput.load(files)
    // --replications may ask for more jobs than the file does: refused before any work.
    for file in scenarios {
      if case .failure(let refusal) = file.work(replications: options.replications ?? file.scenario.replications) {
        Console.error(refusal.description)
        throw ExitCode(2)
      }
    }
    // A run folder keeps copies of the data files; refuse before any work what cannot be.
    let problems = scenarios.compactMap(RunInputs.problem)
    if !problems.isEmpty {
      for problem in problems { Console.error("error: \(problem)") }
      throw ExitCode(2)
    }
    for file in scenarios {
      let destination: URL
      if let out {
        let base = URL(fileURLWithPath: out)
        destination = scenarios.count == 1 ? base : base.appendingPathComponent(file.scenario.name)
      } else {
        destination = URL(fileURLWithPath: "Reports").appendingPathComponent(file.scenario.name)
      }
      let plan = RunPlan(file: file, replications: options.replications, seed: options.seed)
      let command = "fluxsim run \(file.path)\(options.reproducingArguments)"
      let jobs = plan.jobs.map(\.index).filter { shard?.contains($0) ?? true }
      let folder = RunFolder(for: destination)
      let manifest = Manifest(plan: plan, command: command, outputs: [], shard: shard?.text, done: { _ in false })
      var done = Set<Int>()
      if resume, let previous = folder.manifest(), previous.isSameRun(as: manifest, ignoringDataFiles: true),
        previous.shard == manifest.shard
      {
        // The same scenario and settings on changed data: its finished jobs must not be mixed in.
        let changed = manifest.dataFilesDiffering(from: previous)
        if !changed.isEmpty {
          let paths = changed.map { written in file.dataFiles.first { $0.written == written }?.path ?? written }
          Console.error(
            "error: cannot resume \(destination.path): the data file\(paths.count == 1 ? "" : "s") "
              + "\(paths.joined(separator: ", ")) changed since the interrupted run; run without --resume to start over"
          )
          throw ExitCode(2)
        }
        done = folder.doneJobs()
      } else {
        try Disk.attempt(destination) { try folder.create(file) }
        try Disk.attempt(destination) { try folder.writeManifest(manifest) }
      }
      let progress = ProgressLine(label: file.scenario.name)
      try Disk.attempt(destination) {
        try JobRunner.stream(
          jobs.filter { !done.contains($0) }, configs: plan.config, workers: options.workers,
          deliver: { try folder.store($1, index: $0) }, progress: { progress.update($0) })
      }
      if let shard {
        let stored = folder.doneJobs()
        let final = Manifest(plan: plan, command: command, outputs: [], shard: shard.text, done: stored.contains)
        try Disk.attempt(destination) { try folder.writeManifest(final) }
        try Disk.attempt(destination) { try folder.rename(to: destination) }
        print("\(file.scenario.name): shard \(shard.text), \(jobs.count) jobs → \(destination.path)")
        continue
      }
      let source = DirectoryResults(
        files: Dictionary(uniqueKeysWithValues: plan.jobs.map { ($0.index, folder.jobURL($0.index)) }))
      try source.verify()
      try Disk.attempt(destination) {
        try folder.finish(
          RunRecord(plan: plan, source: source, command: command), keepJobs: false, destination: destination)
      }
      print("\(file.scenario.name): \(plan.jobs.count) jobs → \(destination.path)")
    }
  }
}

/// `K/N`: a shard of a run, the jobs whose index ≡ K (mod N).
struct ShardSpec: ExpressibleByArgument {
  let index: Int
  let count: Int

  init?(argument: String) {
    let parts = argument.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (0..<count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  var text: String { "\(index)/\(count)" }

  func contains(_ job: Int) -> Bool { job % count == index }
}

/// Running the jobs of a scenario file in memory (compare, check).
enum Runs {
  static func run(_ file: ScenarioFile, options: RunOptions, command: String) -> RunRecord {
    run(file, replications: options.replications, seed: options.seed, workers: options.workers, command: command)
  }

  /// The run with the file's replications and seed unless given.
  static func run(_ file: ScenarioFile, replications: Int? = nil, seed: UInt64? = nil, workers: Int, command: String)
    -> RunRecord
  {
    let plan = RunPlan(file: file, replications: replications, seed: seed)
    let progress = ProgressLine(label: file.scenario.name)
    let results = JobRunner.run(plan.jobs.indices.map(plan.config), workers: workers) { progress.update($0) }
    return RunRecord(plan: plan, results: results, command: command)
  }
}

/// File-system work with one clear error: "cannot write DIR: reason", exit status 1.
enum Disk {
  static func attempt(_ destination: URL, _ work: () throws -> Void) throws {
    do {
      try work()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      Console.error("error: cannot write \(destination.path): \(error.localizedDescription)")
      throw ExitCode(1)
    }
  }
}
