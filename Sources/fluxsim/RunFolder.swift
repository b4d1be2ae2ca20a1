import ArgumentParser
import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// A run's working folder: each finished job's result is stored in `jobs/<index>.json`
/// the moment it is done, so an interrupted run can resume and shards can be merged.
/// It is named `.<name>.partial` beside the final folder and becomes the final folder in
/// one rename, so nothing that looks complete exists before everything is. It also keeps
/// the scenario's text (`scenario.yaml`) and copies of the data files it names
/// (`RunInputs`), so merging shards reads exactly what the shards ran on.
struct RunFolder {
  static let scenarioName = RunInputs.scenarioName
  let url: URL

  var jobsURL: URL { url.appendingPathComponent("jobs") }

  func jobURL(_ index: Int) -> URL { jobsURL.appendingPathComponent("\(index).json") }

  /// The working folder of `destination`.
  init(for destination: URL) {
    url = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial")
  }

  init(existing url: URL) { self.url = url }

  /// An empty folder with the scenario's text and data files, replacing any previous one.
  func create(_ file: ScenarioFile) throws {
    let manager = FileManager.default
    try? manager.removeItem(at: url)
    try manager.createDirectory(at: jobsURL, withIntermediateDirectories: true)
    try write(OutputFile(name: Self.scenarioName, contents: file.text))
    for input in RunInputs.files(file) where input.name != Self.scenarioName { try write(input) }
  }

  /// Writes one file of the folder atomically (temporary file, then rename), creating
  /// the folders of a name such as `data/prices.csv`.
  private func write(_ file: OutputFile) throws {
    let target = url.appendingPathComponent(file.name)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(file.contents.utf8).write(to: target, options: .atomic)
  }

  /// Stores one job's result atomically (temporary file, then rename).
  func store(_ result: JobResult, index: Int) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(result).write(to: jobURL(index), options: .atomic)
  }

  /// Job indexes whose result is stored.
  func doneJobs() -> Set<Int> {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsURL.path)) ?? []
    return Set(names.compactMap { $0.hasSuffix(".json") ? Int($0.dropLast(5)) : nil })
  }

  func writeManifest(_ manifest: Manifest) throws {
    try Data(manifest.json().utf8).write(to: url.appendingPathComponent(RunOutputs.manifestName), options: .atomic)
  }

  func manifest() -> Manifest? {
    (try? String(contentsOf: url.appendingPathComponent(RunOutputs.manifestName), encoding: .utf8)).flatMap(
      Manifest.read)
  }

  func scenarioText() -> String? {
    try? String(contentsOf: url.appendingPathComponent(Self.scenarioName), encoding: .utf8)
  }

  /// Streams a finished run's outputs into the folder, drops the per-job results and the
  /// scenario copy (unless it is an output: a scenario with data files keeps its inputs),
  /// and renames the folder to `destination` (replacing it).
  func finish(_ record: RunRecord, keepJobs: Bool, destination: URL) throws {
    let manager = FileManager.default
    var handles: [String: FileHandle] = [:]
    defer { for handle in handles.values { try? handle.close() } }
    try RunOutputs.write(record) { name, chunk in
      if handles[name] == nil {
        let file = url.appendingPathComponent(name)
        if name.contains("/") {
          try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        _ = manager.createFile(atPath: file.path, contents: nil)
        handles[name] = try FileHandle(forWritingTo: file)
      }
      try handles[name]!.write(contentsOf: Data(chunk.utf8))
    }
    if !keepJobs {
      try manager.removeItem(at: jobsURL)
      if handles[Self.scenarioName] == nil {
        try manager.removeItem(at: url.appendingPathComponent(Self.scenarioName))
      }
    }
    try rename(to: destination)
  }

  /// Makes this folder `destination`, replacing what was there.
  func rename(to destination: URL) throws {
    let manager = FileManager.default
    if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
    try manager.moveItem(at: url, to: destination)
  }
}

/// Job results read from the `jobs/` files of one or more run folders.
struct DirectoryResults: JobResultSource {
  let files: [Int: URL]

  func result(_ index: Int) -> JobResult {
    // Every file was decoded once by `verify` before any output is written.
    (try? JSONDecoder().decode(JobResult.self, from: Data(contentsOf: files[index]!)))!
  }

  /// Reads every file once so that a damaged one is reported before any output is written.
  func verify() throws {
    for (index, url) in files.sorted(by: { $0.key < $1.key }) {
      do {
        _ = try JSONDecoder().decode(JobResult.self, from: Data(contentsOf: url))
      } catch {
        Console.error("error: cannot read the result of job \(index) (\(url.path)): \(error.localizedDescription)")
        throw ExitCode(1)
      }
    }
  }
}
