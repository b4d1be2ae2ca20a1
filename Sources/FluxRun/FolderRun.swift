import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// One scenario file's run into its working folder (`RunFolder`): which jobs to run (all
/// of them, a shard's, or those an interrupted run did not store), running them and
/// storing each result the moment it is done, checking the stored ones, and finishing
/// (the outputs, or a shard's manifest for `merge`).
///
/// It lives in FluxRun rather than FluxReport because all of it is folders and files
/// (job files, manifests, the working folder) and FluxReport stays a function of its
/// inputs. The command line keeps what is a command's own: options, the output folder's
/// checks, locks and final rename, progress, messages and exit statuses; every refusal
/// here is a value it prints.
public struct FolderRun: Sendable {
  public let plan: RunPlan
  public let folder: RunFolder
  /// The shard this run is (`--shard K/N`), or nil for a whole run.
  public let shard: ShardSpec?
  /// The command that reproduces the run, as its manifest records it.
  public let command: String

  public init(_ plan: RunPlan, in folder: RunFolder, shard: ShardSpec? = nil, command: String) {
    self.plan = plan
    self.folder = folder
    self.shard = shard
    self.command = command
  }

  /// The jobs of this run (of its shard).
  public var jobs: [PlannedJob] { plan.jobs.filter { shard?.contains($0.index) ?? true } }

  /// What the working folder held when the run began (`start(resume:)`).
  public enum Start: Equatable, Sendable {
    /// Nothing: every job runs.
    case fresh
    /// An interrupted run, not resumed: its folder is started afresh, discarding the
    /// jobs it stored (this many).
    case discarding(Int)
    /// An interrupted run of the same plan, resumed: the jobs it stored, each checked.
    case resuming(Set<Int>)

    /// Whether the working folder is kept as the interrupted run left it.
    public var resumes: Bool { if case .resuming = self { true } else { false } }
  }

  /// The manifest of this run with no outputs yet and the jobs `done`.
  func manifest(command: String, done: (Int) -> Bool = { _ in false }) -> Manifest {
    Manifest(plan: plan, command: command, outputs: [], shard: shard?.text, done: done)
  }

  /// Fills the empty working folder of a run that does not resume: the manifest first,
  /// then the scenario's text and data files, and `jobs/`.
  public func create() throws {
    try folder.create(plan.file, manifest: manifest(command: command))
  }

  /// The jobs still to run after `start`, in index order.
  public func remaining(after start: Start) -> [Int] {
    guard case .resuming(let stored) = start else { return jobs.map(\.index) }
    return jobs.map(\.index).filter { !stored.contains($0) }
  }

  /// Runs the jobs `indices` on `workers`, storing each result the moment it is done:
  /// the parallel part of a run. The results of a whole run are also kept as delivered
  /// (up to `DirectoryResults.heldBytes` of job files), so finishing reads none of those
  /// files back; a shard's are merged from its files later and none is kept.
  public func run(
    _ indices: [Int], workers: Int, progress: (@Sendable (JobRunner.Progress) -> Void)? = nil
  ) throws -> KeptResults {
    let kept = KeptResults(budget: shard == nil ? DirectoryResults.heldBytes : 0)
    try JobRunner.stream(
      indices, configs: plan.config, workers: workers,
      deliver: { index, result in
        kept.keep(index, result, size: try folder.store(StoredJob(plan.jobs[index], result: result)))
      }, progress: progress)
    return kept
  }

  /// The serial part after the jobs. A shard writes its manifest with the jobs it stored,
  /// keeping its job files for `merge`. A whole run checks the stored result of every job
  /// not `kept` (a `RunRefusal` naming the first that is not its job's), writes the
  /// outputs from them and the kept ones and drops the job files; a job file that changes
  /// while the outputs are written ends the process through `changed`.
  public func finish(
    kept: KeptResults, changed: @escaping @Sendable (String) -> Never = RunRefusal.exit
  ) throws {
    if shard != nil {
      let done = Set(folder.storedJobs(limit: plan.jobs.count))
      try folder.writeManifest(manifest(command: command, done: done.contains))
      return
    }
    let files = Dictionary(uniqueKeysWithValues: plan.jobs.map { ($0.index, folder.jobURL($0.index)) })
    let (results, remaining) = kept.contents
    let source = try DirectoryResults.verified(
      files, plan: plan, kept: results, budget: remaining, changed: changed
    ) { job, url, refusal in "the stored result of job \(job.index) (\(url.path)) \(refusal)" }
    try folder.finish(RunRecord(plan: plan, source: source, command: command), keepJobs: false)
  }
}
