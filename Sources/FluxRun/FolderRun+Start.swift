import FluxReport
import FluxScenario
import Foundation

extension FolderRun {
  /// Why an interrupted run cannot be resumed, in words that follow "cannot resume
  /// FOLDER:" (the command line adds those and how to start over).
  public struct ResumeRefusal: Error, CustomStringConvertible {
    public let description: String
  }

  /// What the working folder holds, looked at before any job runs. With `resume`, an
  /// interrupted run's stored jobs are kept, after checking that nothing changed (its
  /// shard, scenario text, data files and settings) and that every job file is its job's
  /// result; without, the folder is started afresh. Refusals name the file or setting.
  public func start(resume: Bool) throws(ResumeRefusal) -> Start {
    let count = jobs.count
    let leftover = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty == false) ?? false
    guard leftover else { return .fresh }
    guard resume else { return .discarding(folder.storedJobs(limit: plan.jobs.count).count) }
    let previous: Manifest
    do { previous = try folder.manifest() } catch {
      throw ResumeRefusal(
        description:
          "cannot read the interrupted run's \(RunOutputs.manifestName) in \(folder.url.path): \(error)")
    }
    let expected = manifest(command: "")
    if previous.shard != expected.shard {
      let kinds = [previous.shard, expected.shard].map { $0.map { "shard \($0)" } ?? "a whole run" }
      throw ResumeRefusal(description: "the interrupted run was \(kinds[0]), this one is \(kinds[1])")
    }
    if previous.scenario.textHash != expected.scenario.textHash {
      throw ResumeRefusal(description: "the scenario file \(plan.file.path) changed since the interrupted run")
    }
    let changed = expected.dataFilesDiffering(from: previous)
    if !changed.isEmpty {
      let paths = changed.map { written in plan.file.dataFiles.first { $0.written == written }?.path ?? written }
      throw ResumeRefusal(
        description: "the data file\(paths.count == 1 ? "" : "s") \(paths.joined(separator: ", ")) changed since "
          + "the interrupted run")
    }
    if let difference = previous.identityDifference(from: expected) {
      throw ResumeRefusal(description: "the interrupted run had other settings: \(difference)")
    }
    let stored = folder.storedJobs(limit: count)
    if stored.count > count {
      throw ResumeRefusal(description: "\(folder.jobsURL.path) holds more files than the run has jobs")
    }
    for index in stored {
      guard plan.jobs.indices.contains(index), shard?.contains(index) ?? true else {
        throw ResumeRefusal(description: "\(folder.jobURL(index).path) is not a job of this run")
      }
      do { _ = try StoredJob.read(folder.jobURL(index), as: plan.jobs[index], of: plan) } catch {
        throw ResumeRefusal(description: "the stored job \(folder.jobURL(index).path) \(error)")
      }
    }
    return .resuming(Set(stored))
  }
}
