import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// One finished job as a run folder stores it in `jobs/<index>.json`: where it sits in the
/// plan (index, sweep point, replication) and its seed, beside its result.
///
/// `merge` and `--resume` rebuild the plan from the stored scenario and check all four,
/// so a job file copied over another, a seed edited in the manifests, or a shard run from
/// other settings is refused by name instead of merged into output that looks right.
public struct StoredJob: Codable {
  var index: Int
  var point: Int
  var replication: Int
  var seed: UInt64
  var result: JobResult

  /// The largest job file read: well over a million sampled rows.
  static let maxBytes = 1 << 30

  init(_ job: PlannedJob, result: JobResult) {
    index = job.index
    point = job.point
    replication = job.replication
    seed = job.seed
    self.result = result
  }

  /// The file's bytes: JSON with sorted keys, so the same result is always the same bytes;
  /// those `JSONEncoder` gives with `.sortedKeys`, written directly (`StoredJob+JSON`).
  func encoded() throws -> Data {
    // About 300 bytes a sampled row, and a few kilobytes besides.
    var json = JSONText(capacity: 4_096 + 320 * result.series.count)
    try write(to: &json)
    return Data(json.bytes)
  }

  /// A checked job file: its result, a hash of its bytes (so a later read can tell the
  /// file is the one checked) and its size.
  struct Checked {
    let result: JobResult
    let hash: String
    let bytes: Int
  }

  /// The result stored at `url` for planned job `job` of `plan`, or why it is not that
  /// job's result, in words that follow the file's name.
  static func read(_ url: URL, as job: PlannedJob, of plan: RunPlan) throws(Refusal) -> Checked {
    let data: Data
    do { data = try BoundedFile.read(url.path, limit: maxBytes, what: "a job file") } catch {
      throw Refusal(description: "cannot be read: \(error)")
    }
    let stored: StoredJob
    do { stored = try JSONDecoder().decode(StoredJob.self, from: data) } catch {
      throw Refusal(
        description: "is not a job result fluxsim stored (\(DecodingProblem.describe(error))); "
          + "it was damaged, edited or written by an older fluxsim")
    }
    if let problem = stored.mismatch(job) { throw Refusal(description: problem) }
    let config = plan.config(job.index)
    if let problem = stored.result.implausibility(apps: config.apps != nil, economics: config.economics != nil) {
      throw Refusal(description: "holds a result no run produces: \(problem)")
    }
    return Checked(result: stored.result, hash: Manifest.hash(data), bytes: data.count)
  }

  /// How this stored job differs from the planned `job`, or nil when it is that job.
  private func mismatch(_ job: PlannedJob) -> String? {
    if index != job.index {
      return "holds job \(index), not job \(job.index): a job file was copied or renamed"
    }
    if point != job.point || replication != job.replication {
      return "holds sweep point \(point), replication \(replication), but the plan's job \(job.index) is "
        + "point \(job.point), replication \(job.replication)"
    }
    if seed != job.seed || result.seed != job.seed {
      return "was run with seed \(seed == job.seed ? result.seed : seed), but the plan's job \(job.index) has seed "
        + "\(job.seed): the run's seed or the job file was changed"
    }
    return nil
  }

  /// Why a stored job was refused, in words that follow its file's name.
  public struct Refusal: Error, CustomStringConvertible {
    public let description: String
  }
}
