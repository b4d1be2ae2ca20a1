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
      and per-tier payouts) live in baselines/<scenario-name>/ beside the check file (as its data files \
      are found beside it), or in <--baselines>/<scenario-name>/; --update records them anew, replacing \
      only a folder that holds nothing but baselines. --junit replaces only a JUnit report fluxsim wrote.
      """)

  @Argument(help: "Scenario files (YAML).", completion: .scenarios) var files: [String]
  @Option(
    help: "Also write the results as JUnit XML to this file (new, or a report fluxsim wrote).",
    completion: .file(extensions: ["xml"]))
  var junit: String?
  @Flag(help: "Record the current outputs as the baselines (and pass them).") var update = false
  @Option(
    help: "Folder holding each scenario's baselines folder (default: baselines/ beside each check file).",
    completion: .directory)
  var baselines: String?
  @Option(
    parsing: .unconditional, help: "Parallel workers, 1 … 4096 (default: the number of cores).",
    transform: RunOptions.workers)
  var workers: Int = min(ProcessInfo.processInfo.activeProcessorCount, RunOptions.maxWorkers)
  @Flag(
    name: .customLong("block-by-block"),
    help: "Advance every block through the event loop, as before batching (baselines are the batched mode's).")
  var blockByBlock = false
  @Flag(help: "No progress on standard error (by default a line that moves on a terminal, else a line every 10 s).")
  var quiet = false

  func validate() throws { try ProgressStyle.validate() }

  /// The largest recorded baseline read (the tables are a few KB); a larger or unreadable
  /// file counts as not recorded.
  static let maxBaselineBytes = 64 * Sizes.mebibyte

  func run() throws {
    let scenarios = try ScenarioInput.load(files)
    if let junit { try OutputWriter.check(file: junit, kind: .junit) }
    if baselines?.isEmpty == true {
      throw OptionMistake("--baselines must name a folder, found an empty path").reported()
    }
    let targets = update ? scenarios.map { baselineFolder(of: $0) } : []
    try OutputFolder.check(
      targets.map { target in
        OutputFolder.Check(
          folder: target, label: "the baselines folder", option: "--baselines",
          inputs: files.map { .init(url: URL(fileURLWithPath: $0), isFolder: false, noun: "the scenario file") })
      })
    for target in targets { _ = try OutputLock.acquire(for: target.url) }
    var suites: [CheckSuite] = []
    for file in scenarios {
      // Always the file's own seed and replications: baselines depend on them.
      let record = Runs.run(
        RunPlan(file: file, blockByBlock: blockByBlock), workers: workers, progress: .checked(quiet: quiet),
        command: Runs.command(["check", file.path], nil))
      var outcomes = ExpectationEvaluator.evaluate(record)
      outcomes += try baselineOutcomes(record, of: file)
      let suite = CheckSuite(name: file.scenario.name, file: file.path, outcomes: outcomes)
      print("## \(MarkdownText.escape(suite.name)) (\(MarkdownText.escape(file.path)))\n\n" + suite.table().markdown())
      for outcome in outcomes where !outcome.passed {
        if let detail = outcome.detail { print("\(outcome.name):\n\(detail)\n") }
      }
      suites.append(suite)
    }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let total = suites.reduce(0) { $0 + $1.outcomes.count }
    if let junit { try OutputWriter.write(JUnitReport.xml(suites), toFile: junit, kind: .junit) }
    print("\(total - failures) passed, \(failures) failed")
    if failures > 0 { throw ExitCode(1) }
  }

  /// Where the baselines of `file` are, as the user would write the path: the folder
  /// `baselines/<name>` beside the check file (so a check finds its baselines from any
  /// working folder, as it finds its data files), or `<--baselines>/<name>`.
  private func baselinePath(of file: ScenarioFile) -> String {
    let parent = baselines ?? Self.sibling("baselines", of: file.path)
    return (parent.hasSuffix("/") ? parent : parent + "/") + file.scenario.name
  }

  /// `name` in the folder of the file at `path`, written relative as `path` is.
  static func sibling(_ name: String, of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return name }
    return path[...slash] + name
  }

  private func baselineFolder(of file: ScenarioFile) -> OutputFolder {
    OutputFolder(URL(fileURLWithPath: baselinePath(of: file)), kind: .baselines)
  }

  /// Compares (or with --update records) the scenario's baselines.
  private func baselineOutcomes(_ record: RunRecord, of file: ScenarioFile) throws -> [CheckOutcome] {
    let current = Baselines.files(record)
    let folder = baselineFolder(of: file)
    let shown = baselinePath(of: file)
    if update {
      try OutputWriter.write(current, to: folder)
      return current.map {
        CheckOutcome(name: "baseline \(shown)/\($0.name)", expected: "recorded", actual: "recorded", passed: true)
      }
    }
    var recorded: [String: String?] = [:]
    for file in current {
      let path = folder.url.appendingPathComponent(file.name).path
      recorded[file.name] = try? BoundedFile.text(path, limit: Self.maxBaselineBytes, what: "a baseline")
    }
    return Baselines.compare(current: current, recorded: recorded, folder: shown)
  }
}
