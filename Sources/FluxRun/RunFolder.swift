import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// A run's working folder: each finished job's result is stored in `jobs/<index>.json`
/// (a `StoredJob`) the moment it is done, so an interrupted run can resume and shards can
/// be merged. It is the `.<name>.partial` folder beside the final one (the CLI's `OutputFolder`) and
/// becomes it in one rename, so nothing that looks complete exists before everything is.
/// It also keeps the scenario's text (`scenario.yaml`) and copies of the data files it
/// names (`RunInputs`), so merging shards reads exactly what the shards ran on.
public struct RunFolder: Sendable {
  public static let scenarioName = RunInputs.scenarioName
  /// The largest `manifest.json` read (about 130 bytes per job of a million-job run).
  public static let maxManifestBytes = 256 * Sizes.mebibyte
  public let url: URL

  public init(url: URL) { self.url = url }

  public var jobsURL: URL { url.appendingPathComponent("jobs") }

  public func jobURL(_ index: Int) -> URL { jobsURL.appendingPathComponent("\(index).json") }

  /// Fills an empty folder: the manifest first (it is what marks the folder as fluxsim's
  /// working folder), then the scenario's text and data files, and the jobs folder.
  public func create(_ file: ScenarioFile, manifest: Manifest) throws {
    try writeManifest(manifest)
    for input in RunInputs.files(file) { try write(input) }
    try FileManager.default.createDirectory(at: jobsURL, withIntermediateDirectories: true)
  }

  /// Writes one file of the folder atomically (temporary file, then rename), creating
  /// the folders of a name such as `data/prices.csv`.
  private func write(_ file: OutputFile) throws {
    let target = url.appendingPathComponent(file.name)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(file.contents.utf8).write(to: target, options: .atomic)
  }

  /// Stores one job's result atomically (temporary file, then rename); returns the file's size.
  func store(_ job: StoredJob) throws -> Int {
    let data = try job.encoded()
    try data.write(to: jobURL(job.index), options: .atomic)
    return data.count
  }

  /// Job indexes with a stored result file (`<index>.json`), at most `limit` + 1 of them
  /// (a folder holding more than a run's jobs is not read to its end).
  public func storedJobs(limit: Int) -> [Int] {
    guard let directory = opendir(jobsURL.path) else { return [] }
    defer { closedir(directory) }
    var indexes: [Int] = []
    while indexes.count <= limit, let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".json"), let index = Int(name.dropLast(5)), index >= 0 { indexes.append(index) }
    }
    return indexes.sorted()
  }

  public func writeManifest(_ manifest: Manifest) throws {
    try Data(manifest.json().utf8).write(to: url.appendingPathComponent(RunOutputs.manifestName), options: .atomic)
  }

  /// The folder's manifest, or why it cannot be read (in words that follow its path).
  public func manifest() throws(BoundedFile.Refusal) -> Manifest {
    let path = url.appendingPathComponent(RunOutputs.manifestName).path
    let data = try BoundedFile.read(path, limit: Self.maxManifestBytes, what: "a manifest")
    if let size = JSONSize.exceeding(data, entries: JSONSize.manifestEntries) {
      throw BoundedFile.Refusal(description: "it lists \(size), more than a run of at most a million jobs has")
    }
    do { return try Manifest.decode(data) } catch {
      throw BoundedFile.Refusal(
        description: "it is not a fluxsim manifest: \(DecodingProblem.describe(error, snakeCase: true))")
    }
  }

  /// Streams a finished run's outputs into the folder (`scenario.yaml` and the data files
  /// among them) and, unless `keepJobs`, drops the per-job results; `OutputFolder.install`
  /// then renames the folder into place.
  public func finish(_ record: RunRecord, keepJobs: Bool) throws {
    let manager = FileManager.default
    var handles: [String: FileHandle] = [:]
    defer { for handle in handles.values { try? handle.close() } }
    try RunOutputs.write(record) { name, chunk in
      // The manifest comes last and replaces the working one: atomically, so the folder
      // always has one a later run can read.
      if name == RunOutputs.manifestName {
        try Data(chunk.utf8).write(to: url.appendingPathComponent(name), options: .atomic)
        return
      }
      let handle: FileHandle
      if let open = handles[name] {
        handle = open
      } else {
        let file = url.appendingPathComponent(name)
        if name.contains("/") {
          try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        guard manager.createFile(atPath: file.path, contents: nil) else {
          throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        handle = try FileHandle(forWritingTo: file)
        handles[name] = handle
      }
      try handle.write(contentsOf: Data(chunk.utf8))
    }
    if !keepJobs { try manager.removeItem(at: jobsURL) }
  }
}
