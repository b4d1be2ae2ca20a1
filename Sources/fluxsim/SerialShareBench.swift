import ArgumentParser
import FluxRun
import FluxScenario
import FluxSim
import Foundation

/// `fluxsim bench serial-share`: how much of a run is serial, and what two workers gain.
///
/// Runs a scenario file the way `fluxsim run` does — load and plan, create the working
/// folder, run the jobs storing each result (`FolderRun.run`), then check them and write
/// the outputs (`FolderRun.finish`) — on one worker, then on two, into temporary folders.
/// The serial share is the time outside the job phase over the whole; it bounds what
/// more workers can gain (Amdahl: two workers at most 2 ÷ (1 + share)). The two output
/// folders must be byte-identical.
struct SerialShareBench {
  let path: String
  let replications: Int?

  /// Wall and CPU seconds of the three phases of one run.
  struct Phases {
    var setup = Timing()
    var jobs = Timing()
    var finish = Timing()

    var total: Timing { Timing(wall: setup.wall + jobs.wall + finish.wall, cpu: setup.cpu + jobs.cpu + finish.cpu) }
    /// The wall time outside the jobs over the whole.
    var serialShare: Double { (setup.wall + finish.wall) / total.wall }
  }

  struct Timing {
    var wall = 0.0
    var cpu = 0.0

    /// Times `work`: wall clock, and CPU time of the whole process (every worker).
    static func of(_ work: () throws -> Void) rethrows -> Timing {
      let (wall, cpu) = (DispatchTime.now().uptimeNanoseconds, Self.cpuSeconds())
      try work()
      return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, cpu: Self.cpuSeconds() - cpu)
    }

    private static func cpuSeconds() -> Double {
      var usage = rusage()
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
  }

  func run() throws {
    let scratch = try Self.makeScratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    var runs: [Phases] = []
    for workers in [1, 2] {
      let folder = RunFolder(url: scratch.appendingPathComponent("w\(workers)"))
      let phases = try run(into: folder, workers: workers)
      runs.append(phases)
      print(
        String(
          format: "serial-share: %d worker%@: setup %.3f s, jobs %.3f s, finish %.3f s wall (%.2f s CPU in all); "
            + "serial share %.2f%%", workers, workers == 1 ? "" : "s", phases.setup.wall, phases.jobs.wall,
          phases.finish.wall, phases.total.cpu, phases.serialShare * 100))
    }
    let share = runs[0].serialShare
    print(
      String(
        format: "serial-share: speed-up of 2 workers %.2f× (wall); the serial share allows at most %.2f×",
        runs[0].total.wall / runs[1].total.wall, 2 / (1 + share)))
    let identical =
      try Self.contents(scratch.appendingPathComponent("w1"))
      == Self.contents(
        scratch.appendingPathComponent("w2"))
    print("serial-share: outputs \(identical ? "byte-identical" : "DIFFER")")
  }

  /// A new, empty folder of its own under the temporary folder (`mkdtemp`: a unique name
  /// created atomically), so the removal at the end deletes only what the bench made.
  private static func makeScratch() throws -> URL {
    var template = Array(
      FileManager.default.temporaryDirectory.appendingPathComponent("fluxsim-serial-share-XXXXXX").path.utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      let reason = String(cString: strerror(errno))
      FileHandle.standardError.write(
        Data(
          "error: cannot make a temporary folder in \(FileManager.default.temporaryDirectory.path): \(reason)\n".utf8))
      throw ExitCode(1)
    }
    return URL(fileURLWithPath: String(cString: made), isDirectory: true)
  }

  /// One run of the scenario into `folder` on `workers`, timed by phase.
  private func run(into folder: RunFolder, workers: Int) throws -> Phases {
    var phases = Phases()
    var run: FolderRun?
    phases.setup = try Timing.of {
      let file = try ScenarioInput.load([path])[0]
      let planned = FolderRun(try Runs.plan(file, replications: replications, seed: nil), in: folder, command: "")
      try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
      try planned.create()
      run = planned
    }
    guard let run else { return phases }
    var kept: KeptResults?
    phases.jobs = try Timing.of { kept = try run.run(run.jobs.map(\.index), workers: workers) }
    guard let kept else { return phases }
    phases.finish = try Timing.of { try run.finish(kept: kept) }
    return phases
  }

  /// Every file under `folder` by its path relative to it.
  private static func contents(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
    for name in names {
      var isFolder: ObjCBool = false
      let url = folder.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[name] = try Data(contentsOf: url)
      }
    }
    return files
  }
}
