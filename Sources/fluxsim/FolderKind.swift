import FluxReport
import FluxRun
import FluxScenario
import Foundation

/// The kinds of folder fluxsim writes whole, and how it recognises one it wrote: only
/// such a folder may be replaced, so `--out` can never empty a folder of the user's.
enum FolderKind {
  /// `run` and `merge` outputs and shard folders, known by their `manifest.json`, which
  /// names every file of the folder.
  case run
  /// `compare`: `report.md`, titled "# Comparison: …", its charts and its table.
  case compare
  /// A scenario's golden baselines (`check --update`): the two CSV files `Baselines` records.
  case baselines

  /// The files a comparison's folder may hold (`CompareReport.files`): a folder of any
  /// version, whose charts were a subset of today's.
  static let compareFiles = CompareReport.fileNames
  /// The files of a baselines folder (`Baselines.files`).
  static let baselineFiles: Set<String> = ["emission.csv", "payouts.csv"]
  /// The most files a run folder holds: one per job (a shard's `jobs/`) and a few more.
  static let maxRunFiles = 1_000_100

  /// What such a folder is called in messages.
  var noun: String {
    switch self {
    case .run: "a fluxsim run folder"
    case .compare: "a fluxsim comparison folder"
    case .baselines: "a fluxsim baselines folder"
    }
  }

  /// Why `folder`, an existing folder that is not empty, is not one of this kind that
  /// fluxsim wrote, or nil when it is. A working folder (`.<name>.partial`) is fluxsim's
  /// when it holds a manifest (run) or only this kind's files.
  func foreignness(of folder: URL, working: Bool = false) -> String? {
    switch self {
    case .run:
      let manifest: ManifestSummary
      do {
        let data = try BoundedFile.read(
          folder.appendingPathComponent(RunOutputs.manifestName).path, limit: RunFolder.maxManifestBytes,
          what: "a manifest")
        manifest = try JSONDecoder().decode(ManifestSummary.self, from: data)
      } catch {
        return "it holds files but no readable manifest.json of a fluxsim run"
      }
      if working { return nil }
      return extraFiles(in: folder, limit: Self.maxRunFiles, allowed: manifest.allows)
    case .compare:
      guard working || Self.startsWith(folder.appendingPathComponent(CompareReport.reportName), "# Comparison: ")
      else {
        return "it holds files but no report.md of a fluxsim comparison"
      }
      return extraFiles(in: folder, limit: Self.compareFiles.count) { Self.compareFiles.contains($0) }
    case .baselines:
      return extraFiles(in: folder, limit: Self.baselineFiles.count) { Self.baselineFiles.contains($0) }
    }
  }

  /// "it holds files fluxsim did not write: a, b and 3 more", or nil when every file is allowed.
  private func extraFiles(in folder: URL, limit: Int, allowed: (String) -> Bool) -> String? {
    let files = Paths.files(below: folder, limit: limit)
    let extra = files.filter { !allowed($0) }
    guard !extra.isEmpty || files.count <= limit else { return "it holds more files than \(noun) has" }
    guard !extra.isEmpty else { return nil }
    let shown = extra.prefix(3).joined(separator: ", ")
    return "it holds files that fluxsim did not write there: \(shown)\(extra.count > 3 ? " and more" : "")"
  }

  /// Whether the file at `url` begins with `prefix` (read no further than that).
  private static func startsWith(_ url: URL, _ prefix: String) -> Bool {
    guard let data = try? BoundedFile.read(url.path, limit: 64 * Sizes.mebibyte, what: "a report") else {
      return false
    }
    return data.starts(with: Data(prefix.utf8))
  }
}

/// What a run folder's `manifest.json` says about the folder's files, read leniently so
/// that a folder written by any version of fluxsim is recognised.
struct ManifestSummary: Decodable {
  var outputs: [String]
  var shard: String?
  var dataFiles: [DataFile]?

  struct DataFile: Decodable {
    var path: String
  }

  enum CodingKeys: String, CodingKey {
    case outputs, shard
    case dataFiles = "data_files"
  }

  /// Whether the folder may hold `file` (a path relative to it): a finished run's outputs;
  /// a shard's scenario, data copies and job results.
  func allows(_ file: String) -> Bool {
    if file == RunOutputs.manifestName || outputs.contains(file) { return true }
    guard shard != nil else { return false }
    if file == RunInputs.scenarioName { return true }
    let parts = file.split(separator: "/")
    if parts.count == 2, parts[0] == "jobs", parts[1].hasSuffix(".json"), Int(parts[1].dropLast(5)) != nil {
      return true
    }
    return (dataFiles ?? []).contains { data in
      if case .success(let copy) = RunInputs.folderPath(data.path) { return copy == file }
      return false
    }
  }
}
