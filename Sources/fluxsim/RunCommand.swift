import ArgumentParser
import FluxReport
import FluxRun
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
    for (index, plan) in plans.enumerated() { try run(plan, into: targets[index], from: starts[index]) }
  }

  /// Where the outputs of `file` go.
  private func destination(of file: ScenarioFile, among count: Int) -> URL {
    guard let out else { return URL(fileURLWithPath: "Reports").appendingPathComponent(file.scenario.name) }
    let base = URL(fileURLWithPath: out)
    return count == 1 ? base : base.appendingPathComponent(file.scenario.name)
  }

  /// The run of `plan` into the working folder of `target`.
  private func folderRun(_ plan: RunPlan, into target: OutputFolder) -> FolderRun {
    FolderRun(
      plan, in: RunFolder(url: target.working), shard: shard, command: Runs.command(["run", plan.file.path], options))
  }

  /// What the working folder of `target` holds (`FolderRun.start`), saying so when an
  /// interrupted run's finished jobs are discarded or there is none to resume. A resume
  /// of anything that changed is refused with exit status 2.
  private func start(_ plan: RunPlan, in target: OutputFolder) throws -> FolderRun.Start {
    let run = folderRun(plan, into: target)
    let start: FolderRun.Start
    do { start = try run.start(resume: resume) } catch {
      Console.error(
        "error: cannot resume \(target.url.path): \(error); run without --resume to start over")
      throw ExitCode(2)
    }
    switch start {
    case .fresh where resume:
      Console.error(
        "note: no interrupted run in \(run.folder.url.path) to resume; running all \(run.jobs.count) jobs")
    case .discarding(let stored) where stored > 0:
      Console.error(
        "note: discarding \(stored) finished job\(stored == 1 ? "" : "s") of an interrupted run in "
          + "\(run.folder.url.path); to keep them, finish that run with --resume instead")
    default: break
    }
    return start
  }

  /// Runs the jobs of `plan` not stored yet into the working folder of `target`, then
  /// writes the outputs and installs them (a shard: its folder for `merge`).
  private func run(_ plan: RunPlan, into target: OutputFolder, from start: FolderRun.Start) throws {
    let run = folderRun(plan, into: target)
    let file = plan.file
    if !start.resumes {
      try Disk.attempt(target.url) {
        try target.makeWorking()
        try run.create()
      }
    }
    let notice = interruptNotice(for: file, folder: run.folder, jobs: run.jobs.count)
    let progress = ProgressLine(label: file.scenario.name, style: options.progress)
    try Interrupts.during(notice: notice) {
      let kept = try Disk.attempt(target.url) {
        try run.run(run.remaining(after: start), workers: options.workers) { progress.update($0) }
      }
      progress.finish()
      try Disk.attempt(target.url) {
        try run.finish(kept: kept, changed: OutputLock.exit(reporting:))
      }
      try target.install()
      if let shard {
        print("\(file.scenario.name): shard \(shard.text), \(run.jobs.count) jobs → \(target.url.path)")
      } else {
        print("\(file.scenario.name): \(plan.jobs.count) jobs → \(target.url.path)")
      }
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
    try plan(file, replications: options.replications, seed: options.seed, blockByBlock: options.blockByBlock)
  }

  /// The plan of `file` with `replications` and `seed` in place of its own, or a refusal
  /// (exit status 2) when those replications would exceed what a run may hold.
  static func plan(_ file: ScenarioFile, replications: Int?, seed: UInt64?, blockByBlock: Bool = false) throws
    -> RunPlan
  {
    // --replications may ask for more jobs than the file does: refused before any work.
    if let replications, case .failure(let refusal) = file.work(replications: replications) {
      Console.error("\(refusal.description) (with --replications \(replications))")
      throw ExitCode(2)
    }
    return RunPlan(file: file, replications: replications, seed: seed, blockByBlock: blockByBlock)
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
