import ArgumentParser
import FluxReport
import FluxScenario
import FluxSim
import Foundation

/// `fluxsim run`: run scenario files on parallel workers and write their reports.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run scenario files and write CSV, Markdown and SVG reports.",
    discussion: "Outputs go to Reports/<scenario-name>/ (or --out), replacing it atomically.")

  @Argument(help: "Scenario files (YAML).") var files: [String]
  @OptionGroup var options: RunOptions
  @Option(help: "Output folder (with several files: one subfolder per scenario).") var out: String?

  func run() throws {
    let scenarios = try ScenarioInput.load(files)
    for file in scenarios {
      let record = Runs.run(file, options: options, command: "fluxsim run \(file.path)\(options.reproducingArguments)")
      let directory: URL
      if let out {
        let base = URL(fileURLWithPath: out)
        directory = scenarios.count == 1 ? base : base.appendingPathComponent(file.scenario.name)
      } else {
        directory = URL(fileURLWithPath: "Reports").appendingPathComponent(file.scenario.name)
      }
      try OutputWriter.write(RunOutputs.files(record), to: directory)
      print("\(file.scenario.name): \(record.plan.jobs.count) jobs → \(directory.path)")
    }
  }
}

/// Running the jobs of a scenario file.
enum Runs {
  static func run(_ file: ScenarioFile, options: RunOptions, command: String) -> RunRecord {
    run(file, replications: options.replications, seed: options.seed, workers: options.workers, command: command)
  }

  /// The run with the file's replications and seed unless given.
  static func run(_ file: ScenarioFile, replications: Int? = nil, seed: UInt64? = nil, workers: Int, command: String)
    -> RunRecord
  {
    let plan = RunPlan(file: file, replications: replications, seed: seed)
    let progress = ProgressLine(label: file.scenario.name)
    let results = JobRunner.run(plan.jobs.map(\.config), workers: workers) { progress.update($0) }
    return RunRecord(plan: plan, results: results, command: command)
  }
}
