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
      The folder must be new, empty, or one fluxsim wrote (its manifest.json names every file in it); a file, \
      a folder of yours, the current folder or one above it, or the scenario's own folder is refused before \
      any work (exit 2). A lock (.<folder>.lock beside it) makes a second run into the same folder refuse at \
      once (exit 1). Each job's result is stored as it finishes in .<folder>.partial/jobs/, so an interrupted \
      run leaves no folder that looks complete; Ctrl-C prints the command that finishes it with --resume, \
      which refuses an interrupted run of a changed scenario or data file. --shard K/N runs the jobs whose \
      index ≡ K (mod N) and writes a partial folder for `fluxsim merge`. The folder keeps scenario.yaml and a \
      copy of each data file it names (price CSVs) at its path as written, so `fluxsim run <folder>/scenario.yaml` \
      reruns it. Progress goes to standard error: a line that moves on a terminal, else a line every 10 s \
      (FLUXSIM_PROGRESS_SECONDS) and a summary; --quiet for none.
      """)

  @Argument(help: "Scenario files (YAML).", completion: .scenarios) var files: [String]
  @OptionGroup var options: RunOptions
  @Option(
    help: "Output folder: new, empty or a previous run's (with several files: one subfolder per scenario).",
    completion: .directory)
  var out: String?
  @Option(
    help: "Run only the jobs whose index ≡ K (mod N), as K/N with 0 ≤ K < N; write a partial folder for `merge`.",
    transform: ShardSpec.parse)
  var shard: ShardSpec?
  @Flag(
    help: "Finish an interrupted run of the same scenario, keeping the jobs it stored (refused if anything changed).")
  var resume = false

  func validate() throws {
    if out?.isEmpty == true { throw ValidationError("--out must name a folder, found an empty path") }
  }

  func run() throws {
    let scenarios = try ScenarioInput.load(files)
    // A run folder keeps copies of the data files; refuse before any work what cannot be.
    let problems = scenarios.compactMap(RunInputs.problem)
    if !problems.isEmpty {
      for problem in problems { Console.error("error: \(problem)") }
      throw ExitCode(2)
    }
    let plans = try scenarios.map { try Runs.plan($0, options: options) }
    let targets = scenarios.map { OutputFolder(destination(of: $0, among: scenarios.count), kind: .run) }
    try OutputFolder.check(
      zip(targets, scenarios).map { target, file in
        OutputFolder.Check(
          folder: target, label: out == nil ? "the output folder" : "--out", option: "--out",
          inputs: [.init(url: URL(fileURLWithPath: file.path), isFolder: false, noun: "the scenario file")])
      })
    for target in targets { _ = try OutputLock.acquire(for: target.url) }
    // Every interrupted run is looked at, and with --resume checked, before any job runs.
    let starts = try zip(plans, targets).map { try start($0, in: $1) }
    for (index, plan) in plans.enumerated() { try run(plan, into: targets[index], stored: starts[index]) }
  }

  /// Where the outputs of `file` go.
  private func destination(of file: ScenarioFile, among count: Int) -> URL {
    guard let out else { return URL(fileURLWithPath: "Reports").appendingPathComponent(file.scenario.name) }
    let base = URL(fileURLWithPath: out)
    return count == 1 ? base : base.appendingPathComponent(file.scenario.name)
  }

  /// The jobs of this run (of its shard).
  private func jobs(of plan: RunPlan) -> [PlannedJob] { plan.jobs.filter { shard?.contains($0.index) ?? true } }

  /// The jobs an interrupted run stored in the working folder of `target` that this run
  /// keeps: with --resume, every one, each checked against the plan; nil to start afresh
  /// (saying so when that discards finished jobs). A resume of anything that changed is
  /// refused with exit status 2.
  private func start(_ plan: RunPlan, in target: OutputFolder) throws -> Set<Int>? {
    let folder = RunFolder(url: target.working)
    let count = jobs(of: plan).count
    let leftover = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty == false) ?? false
    guard leftover else {
      if resume { Console.error("note: no interrupted run in \(folder.url.path) to resume; running all \(count) jobs") }
      return nil
    }
    guard resume else {
      let stored = folder.storedJobs(limit: plan.jobs.count).count
      if stored > 0 {
        Console.error(
          "note: discarding \(stored) finished job\(stored == 1 ? "" : "s") of an interrupted run in "
            + "\(folder.url.path); to keep them, finish that run with --resume instead")
      }
      return nil
    }
    func refuse(_ reason: String) -> ExitCode {
      Console.error("error: cannot resume \(target.url.path): \(reason); run without --resume to start over")
      return ExitCode(2)
    }
    let previous: Manifest
    do { previous = try folder.manifest() } catch {
      throw refuse("cannot read the interrupted run's \(RunOutputs.manifestName) in \(folder.url.path): \(error)")
    }
    let expected = Manifest(plan: plan, command: "", outputs: [], shard: shard?.text, done: { _ in false })
    if previous.shard != expected.shard {
      let kinds = [previous.shard, expected.shard].map { $0.map { "shard \($0)" } ?? "a whole run" }
      throw refuse("the interrupted run was \(kinds[0]), this one is \(kinds[1])")
    }
    if previous.scenario.textHash != expected.scenario.textHash {
      throw refuse("the scenario file \(plan.file.path) changed since the interrupted run")
    }
    let changed = expected.dataFilesDiffering(from: previous)
    if !changed.isEmpty {
      let paths = changed.map { written in plan.file.dataFiles.first { $0.written == written }?.path ?? written }
      throw refuse(
        "the data file\(paths.count == 1 ? "" : "s") \(paths.joined(separator: ", ")) changed since the interrupted run"
      )
    }
    if let difference = previous.identityDifference(from: expected) {
      throw refuse("the interrupted run had other settings: \(difference)")
    }
    let stored = folder.storedJobs(limit: count)
    if stored.count > count { throw refuse("\(folder.jobsURL.path) holds more files than the run has jobs") }
    for index in stored {
      guard plan.jobs.indices.contains(index), shard?.contains(index) ?? true else {
        throw refuse("\(folder.jobURL(index).path) is not a job of this run")
      }
      do { _ = try StoredJob.read(folder.jobURL(index), as: plan.jobs[index], of: plan) } catch {
        throw refuse("the stored job \(folder.jobURL(index).path) \(error)")
      }
    }
    return Set(stored)
  }

  /// Runs the jobs of `plan` not `stored` yet into the working folder of `target`, then
  /// writes the outputs and installs them (a shard: its folder for `merge`).
  private func run(_ plan: RunPlan, into target: OutputFolder, stored: Set<Int>?) throws {
    let file = plan.file
    let folder = RunFolder(url: target.working)
    let command = Runs.command(["run", file.path], options)
    if stored == nil {
      let manifest = Manifest(plan: plan, command: command, outputs: [], shard: shard?.text, done: { _ in false })
      try Disk.attempt(target.url) {
        try target.makeWorking()
        try folder.create(file, manifest: manifest)
      }
    }
    let jobs = jobs(of: plan)
    let remaining = jobs.map(\.index).filter { !(stored ?? []).contains($0) }
    let notice = interruptNotice(for: file, folder: folder, jobs: jobs.count)
    let progress = ProgressLine(label: file.scenario.name, style: options.progress)
    // A shard's results are merged from its files later: none is kept.
    let kept = KeptResults(budget: shard == nil ? DirectoryResults.heldBytes : 0)
    try Interrupts.during(notice: notice) {
      try Disk.attempt(target.url) {
        try folder.run(remaining, of: plan, workers: options.workers, keeping: kept) { progress.update($0) }
      }
      progress.finish()
      if let shard {
        let done = Set(folder.storedJobs(limit: plan.jobs.count))
        let final = Manifest(plan: plan, command: command, outputs: [], shard: shard.text, done: done.contains)
        try Disk.attempt(target.url) { try folder.writeManifest(final) }
        try target.install()
        print("\(file.scenario.name): shard \(shard.text), \(jobs.count) jobs → \(target.url.path)")
        return
      }
      try Disk.attempt(target.url) { try folder.finish(plan, command: command, kept: kept) }
      try target.install()
      print("\(file.scenario.name): \(plan.jobs.count) jobs → \(target.url.path)")
    }
  }

  /// The line an interrupted run prints: what is kept where, and the command that
  /// finishes the run (this scenario file alone, into the same folder).
  private func interruptNotice(for file: ScenarioFile, folder: RunFolder, jobs: Int) -> @Sendable () -> String? {
    var words = ["fluxsim", "run", file.path]
    if let out {
      words += [
        "--out", files.count == 1 ? out : URL(fileURLWithPath: out).appendingPathComponent(file.scenario.name).path,
      ]
    }
    words += options.reproducingWords + (shard.map { ["--shard", $0.text] } ?? []) + ["--resume"]
    let finish = ShellWords.join(words)
    let name = file.scenario.name
    return {
      let stored = folder.storedJobs(limit: jobs).count
      return "interrupted: \(stored) of \(jobs) jobs of \(name) are stored in \(folder.url.path); "
        + "to finish the run: \(finish)"
    }
  }
}

/// Planning and running the jobs of a scenario file.
enum Runs {
  /// The plan of `file` with the command line's replications and seed, or a refusal
  /// (exit status 2) when its replications would exceed what a run may hold.
  static func plan(_ file: ScenarioFile, options: RunOptions) throws -> RunPlan {
    try plan(file, replications: options.replications, seed: options.seed)
  }

  /// The plan of `file` with `replications` and `seed` in place of its own, or a refusal
  /// (exit status 2) when those replications would exceed what a run may hold.
  static func plan(_ file: ScenarioFile, replications: Int?, seed: UInt64?) throws -> RunPlan {
    // --replications may ask for more jobs than the file does: refused before any work.
    if let replications, case .failure(let refusal) = file.work(replications: replications) {
      Console.error("\(refusal.description) (with --replications \(replications))")
      throw ExitCode(2)
    }
    return RunPlan(file: file, replications: replications, seed: seed)
  }

  /// The command that reproduces a run, shell-quoted: `words` after `fluxsim`, then the
  /// options that change results.
  static func command(_ words: [String], _ options: RunOptions?) -> String {
    ShellWords.join(["fluxsim"] + words + (options?.reproducingWords ?? []))
  }

  /// Runs every job of `plan` in memory (compare, check), showing their progress in `style`.
  static func run(_ plan: RunPlan, workers: Int, progress style: ProgressStyle, command: String) -> RunRecord {
    let progress = ProgressLine(label: plan.file.scenario.name, style: style)
    let results = JobRunner.run(plan.jobs.indices.map(plan.config), workers: workers) { progress.update($0) }
    progress.finish()
    return RunRecord(plan: plan, results: results, command: command)
  }
}
