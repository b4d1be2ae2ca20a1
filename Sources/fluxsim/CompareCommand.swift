import ArgumentParser
import FluxReport
import Foundation

/// `fluxsim compare`: emission forecasts of several scenarios side by side in one report.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Run scenarios and compare their supply forecasts in one report.")

  @Argument(help: "Two or more scenario files (YAML).") var files: [String]
  @OptionGroup var options: RunOptions
  @Option(help: "Output folder (default Reports/compare-<a>-vs-<b>…).") var out: String?

  func validate() throws {
    if files.count < 2 { throw ValidationError("compare needs at least two scenario files, found \(files.count)") }
  }

  func run() throws {
    let scenarios = try ScenarioInput.load(files)
    let command = "fluxsim compare \(files.joined(separator: " "))\(options.reproducingArguments)"
    let records = scenarios.map { Runs.run($0, options: options, command: command) }
    let name = "compare-" + scenarios.map(\.scenario.name).joined(separator: "-vs-")
    let directory = URL(fileURLWithPath: out ?? "Reports/\(name)")
    try OutputWriter.write(CompareReport.files(records, command: command), to: directory)
    print("\(name): \(records.reduce(0) { $0 + $1.plan.jobs.count }) jobs → \(directory.path)")
  }
}
