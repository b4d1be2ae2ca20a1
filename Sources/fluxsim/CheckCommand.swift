import ArgumentParser
import FluxReport
import FluxScenario
import Foundation

/// `fluxsim check`: run scenarios, evaluate their expectations and compare their golden
/// baselines; exit 0 only when everything passes (1 on a failure, 2 on bad input).
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Run scenarios and check their expectations and baselines.",
    discussion: """
      Prints a table of every check with expected and actual values. Baselines (emission table \
      and per-tier payouts) live in --baselines/<scenario-name>/; --update records them anew.
      """)

  @Argument(help: "Scenario files (YAML).") var files: [String]
  @Option(help: "Also write the results as JUnit XML to this file.") var junit: String?
  @Flag(help: "Record the current outputs as the baselines (and pass them).") var update = false
  @Option(help: "Folder of the baselines.") var baselines = "Scenarios/baselines"
  @Option(help: "Parallel workers (default: the number of cores).")
  var workers: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    var suites: [CheckSuite] = []
    for file in try ScenarioInput.load(files) {
      // Always the file's own seed and replications: baselines depend on them.
      let record = Runs.run(file, workers: workers, command: "fluxsim check \(file.path)")
      var outcomes = ExpectationEvaluator.evaluate(record)
      outcomes += try baselineOutcomes(record)
      let suite = CheckSuite(name: file.scenario.name, file: file.path, outcomes: outcomes)
      print("## \(MarkdownText.escape(suite.name)) (\(MarkdownText.escape(file.path)))\n\n" + suite.table().markdown())
      for outcome in outcomes where !outcome.passed {
        if let detail = outcome.detail { print("\(outcome.name):\n\(detail)\n") }
      }
      suites.append(suite)
    }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let total = suites.reduce(0) { $0 + $1.outcomes.count }
    if let junit { try OutputWriter.write(JUnitReport.xml(suites), toFile: junit) }
    print("\(total - failures) passed, \(failures) failed")
    if failures > 0 { throw ExitCode(1) }
  }

  /// Compares (or with --update records) the scenario's baselines.
  private func baselineOutcomes(_ record: RunRecord) throws -> [CheckOutcome] {
    let current = Baselines.files(record)
    let folder = URL(fileURLWithPath: baselines).appendingPathComponent(record.name)
    let shown = "\(baselines)/\(record.name)"
    if update {
      try OutputWriter.write(current, to: folder)
      return current.map {
        CheckOutcome(name: "baseline \(shown)/\($0.name)", expected: "recorded", actual: "recorded", passed: true)
      }
    }
    var recorded: [String: String?] = [:]
    for file in current {
      recorded[file.name] = try? String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
    }
    return Baselines.compare(current: current, recorded: recorded, folder: shown)
  }
}
