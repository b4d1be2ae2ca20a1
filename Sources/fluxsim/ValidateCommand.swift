import ArgumentParser

/// `fluxsim validate`: check scenario files without running them, and state the work each
/// asks for (jobs, blocks, fleet, uptime flips, apps, rows), so a file's cost is known
/// before it runs; a file asking for more than the documented limits is refused.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check scenario files; print each problem with file, line and column, or the work each asks for.")

  @Argument(help: "Scenario files (YAML).", completion: .scenarios) var files: [String]

  func run() throws {
    for file in try ScenarioInput.load(files) {
      print("\(file.path): ok")
      for line in file.work.summary { print("  \(line)") }
    }
  }
}
