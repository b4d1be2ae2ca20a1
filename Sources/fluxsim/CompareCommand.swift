import ArgumentParser
import FluxCore
import FluxReport
import Foundation

extension CompareReport.DataFormat: ExpressibleByArgument {}

/// `fluxsim compare`: several scenarios side by side in one report, any recorded metric.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Run scenarios and compare their metrics in one report.",
    discussion: """
      Writes report.md (the assumptions that differ, milestones, and per metric a chart and a table of each \
      year's end and the end, p50 with differences to the first scenario), one SVG chart per metric, and \
      compare.csv (or compare.json with --format json): one row per scenario, sweep point and checkpoint, with \
      p5, p50 and p95 of every metric. `--metric list` prints the metrics. The output folder follows the rules \
      of `fluxsim run --out`: new, empty or a comparison fluxsim wrote (report.md titled "# Comparison: " and \
      the files above, nothing else); it is locked while the command runs.
      """)

  @Argument(help: "Two or more scenario files (YAML).") var files: [String] = []
  @OptionGroup var options: RunOptions
  @Option(help: "Output folder: new, empty or a previous comparison's (default Reports/compare-<a>-vs-<b>…).")
  var out: String?
  @Option(
    name: .customLong("metric"),
    help: ArgumentHelp(
      "A metric to compare (repeat the option or give a comma-separated list; `list` prints what each measures): "
        + CompareMetric.all.map(\.name).joined(separator: ", ") + ". Default: "
        + CompareMetric.defaultNames.joined(separator: ", ") + " (those a scenario records).",
      valueName: "name"))
  var metrics: [String] = []
  @Option(help: "Format of the table beside report.md: csv (compare.csv) or json (compare.json).")
  var format: CompareReport.DataFormat = .csv

  /// Whether the command only lists the metrics (`list` among the names).
  private var listsMetrics: Bool {
    metrics.contains { $0.split(separator: ",").contains { $0.filter { $0 != " " } == "list" } }
  }

  func validate() throws {
    if listsMetrics { return }
    if files.count < 2 { throw ValidationError("compare needs at least two scenario files, found \(files.count)") }
    if out?.isEmpty == true { throw ValidationError("--out must name a folder, found an empty path") }
    if case .failure(let unknown) = CompareMetric.named(metrics) {
      let hint = unknown.suggestion.map { " (did you mean \($0)?)" } ?? ""
      throw OptionMistake(
        "--metric: no metric is named \(MessageText.quoted(unknown.name))\(hint); the metrics are "
          + CompareMetric.all.map(\.name).joined(separator: ", ") + " (`--metric list` says what each measures)"
      ).reported()
    }
  }

  func run() throws {
    if listsMetrics {
      for metric in CompareMetric.all { print("\(metric.name): \(metric.summary)") }
      return
    }
    // `validate` refused any name that is not a metric.
    let chosen = metrics.isEmpty ? nil : try? CompareMetric.named(metrics).get()
    let scenarios = try ScenarioInput.load(files)
    let plans = try scenarios.map { try Runs.plan($0, options: options) }
    let name = "compare-" + scenarios.map(\.scenario.name).joined(separator: "-vs-")
    let target = OutputFolder(URL(fileURLWithPath: out ?? "Reports/\(name)"), kind: .compare)
    try OutputFolder.check([
      OutputFolder.Check(
        folder: target, label: out == nil ? "the output folder" : "--out", option: "--out",
        inputs: files.map { .init(url: URL(fileURLWithPath: $0), isFolder: false, noun: "the scenario file") })
    ])
    _ = try OutputLock.acquire(for: target.url)
    let command = Runs.command(["compare"] + files + reproducingWords, options)
    let notice: @Sendable () -> String? = { "interrupted: \(target.url.path) was not written" }
    try Interrupts.during(notice: notice) {
      let records = plans.map { Runs.run($0, workers: options.workers, progress: options.progress, command: command) }
      try OutputWriter.write(
        CompareReport.files(records, command: command, metrics: chosen, format: format), to: target)
      print("\(name): \(records.reduce(0) { $0 + $1.plan.jobs.count }) jobs → \(target.url.path)")
    }
  }

  /// The options that shape the report, as they must be repeated to reproduce it.
  private var reproducingWords: [String] {
    metrics.flatMap { ["--metric", $0] } + (format == .csv ? [] : ["--format", format.rawValue])
  }
}
