import FluxScenario
import Foundation

/// The inputs a run's folder keeps beside its outputs: `scenario.yaml` (the scenario's
/// text) always, so every report can be described and repeated from its folder, and a copy
/// of each data file the scenario names at its path as written (`data/price-crash.csv`),
/// so the folder is self-contained and `fluxsim run <folder>/scenario.yaml` reads the same
/// bytes and reproduces the run.
public enum RunInputs {
  public static let scenarioName = "scenario.yaml"

  /// Names at the top of a run folder that the copy of a data file must not take (besides
  /// the charts, `*.svg`).
  static let reservedNames: Set<String> = [
    "jobs", scenarioName, RunOutputs.manifestName, "report.md", "series.csv", "summary.csv", "payouts.csv",
  ]

  /// The scenario and its data files as files of the run folder. A data file whose path
  /// cannot be copied (`problem`) is left out.
  public static func files(_ file: ScenarioFile) -> [OutputFile] {
    var files = [OutputFile(name: scenarioName, contents: file.text)]
    for data in file.dataFiles {
      guard case .success(let name) = folderPath(data.written), !files.contains(where: { $0.name == name }) else {
        continue
      }
      // The bytes were read as UTF-8, so this text holds exactly them.
      files.append(OutputFile(name: name, contents: String(decoding: data.bytes, as: UTF8.self)))
    }
    return files
  }

  /// Why the data files of `file` cannot be copied into a run folder, or nil if they can.
  public static func problem(_ file: ScenarioFile) -> String? {
    for data in file.dataFiles {
      if case .failure(let reason) = folderPath(data.written) {
        return "\(file.path): the data file \"\(data.written)\" cannot be copied into the run folder: \(reason.text); "
          + "keep it in a folder beside the scenario, such as data/\(data.written.split(separator: "/").last ?? "")"
      }
    }
    return nil
  }

  /// Why a data file's path cannot be mirrored in a run folder.
  public struct PathProblem: Error, Equatable {
    public let text: String
  }

  /// The path of a data file's copy in the run folder: its path as written, without `.`
  /// components and repeated slashes, when it may name a data file at all
  /// (`DataFilePath`: inside the scenario's folder) and takes no name of the folder's own.
  public static func folderPath(_ written: String) -> Result<String, PathProblem> {
    if let problem = DataFilePath.problem(written) { return .failure(PathProblem(text: problem)) }
    let components = written.split(separator: "/").filter { $0 != "." }
    guard let first = components.first else { return .failure(PathProblem(text: "the path is empty")) }
    if reservedNames.contains(String(first)) || (components.count == 1 && first.hasSuffix(".svg")) {
      return .failure(PathProblem(text: "it would take the place of the run's own \(first)"))
    }
    return .success(components.joined(separator: "/"))
  }
}
