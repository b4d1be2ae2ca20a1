import ArgumentParser

/// `fluxsim validate`: check scenario files without running them.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check scenario files; print each problem with file, line and column.")

  @Argument(help: "Scenario files (YAML).") var files: [String]

  func run() throws {
    for file in try ScenarioInput.load(files) {
      print("\(file.path): ok (\(file.points.count) point(s) × \(file.scenario.replications) replication(s))")
    }
  }
}
