import ArgumentParser
import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// Job results read from the `jobs/` files of one or more run folders.
///
/// Every file is read and checked against the plan (`StoredJob.read`) before any output is
/// written, and its hash kept; the outputs then read each file again a job at a time (so
/// memory does not grow with the run) and use it only if it is still the file checked.
struct DirectoryResults: JobResultSource {
  let files: [Int: URL]
  private let hashes: [Int: String]

  /// Checks the file of every job of `plan` (`files` by job index, one for each), or
  /// prints `refusal`'s message for the first that is not its job's result and throws
  /// exit status 2.
  static func verified(_ files: [Int: URL], plan: RunPlan, refusal: (PlannedJob, URL, StoredJob.Refusal) -> String)
    throws -> DirectoryResults
  {
    var hashes: [Int: String] = [:]
    for job in plan.jobs {
      guard let url = files[job.index] else {
        Console.error("error: the result of job \(job.index) is missing")
        throw ExitCode(2)
      }
      do {
        hashes[job.index] = try StoredJob.read(url, as: job, of: plan).1
      } catch {
        Console.error("error: \(refusal(job, url, error))")
        throw ExitCode(2)
      }
    }
    return DirectoryResults(files: files, hashes: hashes)
  }

  func result(_ index: Int) -> JobResult {
    if let url = files[index],
      let data = try? BoundedFile.read(url.path, limit: StoredJob.maxBytes, what: "a job file"),
      Manifest.hash(data) == hashes[index], let stored = try? JSONDecoder().decode(StoredJob.self, from: data)
    {
      return stored.result
    }
    // The protocol cannot throw: a file changed under a running command ends it cleanly.
    Console.error(
      "error: the result of job \(index) (\(files[index]?.path ?? "?")) changed or vanished while the outputs were "
        + "written; nothing was replaced")
    OutputLock.exit(1)
  }
}
