import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// Job results read from the `jobs/` files of one or more run folders.
///
/// Every file is read, decoded and checked against the plan (`StoredJob.read`) before any
/// output is written. The outputs read each result about ten times (the per-job tables,
/// then every report section a sweep point at a time), so the checked results are kept as
/// decoded, up to `heldBytes` of job files: a run that fits is decoded once, and building
/// its outputs reads no file again. The results a run ran itself come kept already
/// (`KeptResults`) and their files are not read at all. Past the budget a result is read
/// from its file each time it is asked for (so memory does not grow with the run) and
/// used only if the file is still the one checked, by its hash.
public struct DirectoryResults: JobResultSource {
  let files: [Int: URL]
  private let hashes: [Int: String]
  /// The results kept as decoded, by job index.
  let held: [Int: JobResult]
  /// What ends the process when a file changed after it was checked (`result` cannot throw).
  private let changed: @Sendable (String) -> Never

  /// The job-file bytes whose results are kept decoded: 256 MiB of files, the results of
  /// a few hundred 20-year jobs sampled weekly; the decoded values take less than their
  /// JSON text.
  public static let heldBytes = 256 << 20

  /// Checks the file of every job of `plan` not `kept` already (`files` by job index, one
  /// for each), or throws `refusal`'s message for the first that is not its job's result.
  /// The results of the first files, up to `budget` bytes of them, are kept beside `kept`.
  /// A file that changes after this check makes `result` call `changed` with the message.
  public static func verified(
    _ files: [Int: URL], plan: RunPlan, kept: [Int: JobResult] = [:], budget: Int = heldBytes,
    changed: @escaping @Sendable (String) -> Never = RunRefusal.exit,
    refusal: (PlannedJob, URL, StoredJob.Refusal) -> String
  ) throws(RunRefusal) -> DirectoryResults {
    var hashes: [Int: String] = [:]
    var held = kept
    var bytes = 0
    for job in plan.jobs where kept[job.index] == nil {
      guard let url = files[job.index] else {
        throw RunRefusal(description: "the result of job \(job.index) is missing")
      }
      do {
        let stored = try StoredJob.read(url, as: job, of: plan)
        hashes[job.index] = stored.hash
        bytes += stored.bytes
        if bytes <= budget { held[job.index] = stored.result }
      } catch {
        throw RunRefusal(description: refusal(job, url, error))
      }
    }
    return DirectoryResults(files: files, hashes: hashes, held: held, changed: changed)
  }

  public func result(_ index: Int) -> JobResult {
    if let result = held[index] { return result }
    if let url = files[index],
      let data = try? BoundedFile.read(url.path, limit: StoredJob.maxBytes, what: "a job file"),
      Manifest.hash(data) == hashes[index], let stored = try? JSONDecoder().decode(StoredJob.self, from: data)
    {
      return stored.result
    }
    // The protocol cannot throw: a file changed under a running command ends it cleanly.
    changed(
      "the result of job \(index) (\(files[index]?.path ?? "?")) changed or vanished while the outputs were "
        + "written; nothing was replaced")
  }
}
