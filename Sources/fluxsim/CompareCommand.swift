import ArgumentParser
import FluxReport
import Foundation

/// `fluxsim compare`: emission forecasts of several scenarios side by side in one report.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Run scenarios and compare their supply forecasts in one report.",
    discussion: """
      The output folder follows the rules of `fluxsim run --out`: new, empty or a comparison fluxsim wrote \
      (report.md titled "# Comparison: " and supply.svg, nothing else); it is locked while the command runs.
      """)

  @Argument(help: "Two or more scenario files (YAML).") var files: [String]
  @OptionGroup var options: RunOptions
  @Option(help: "Output folder: new, empty or a previous comparison's (default Reports/compare-<a>-vs-<b>…).")
  var out: String?

  func validate() throws {
    if files.count < 2 { throw ValidationError("compare needs at least two scenario files, found \(files.count)") }
    if out?.isEmpty == true { throw ValidationError("--out must name a folder, found an empty path") }
  }

  func run() throws {
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
    let command = Runs.command(["compare"] + files, options)
    let notice: @Sendable () -> String? = { "interrupted: \(target.url.path) was not written" }
    try Interrupts.during(notice: notice) {
      let records = plans.map { Runs.run($0, workers: options.workers, progress: options.progress, command: command) }
      try OutputWriter.write(CompareReport.files(records, command: command), to: target)
      print("\(name): \(records.reduce(0) { $0 + $1.plan.jobs.count }) jobs → \(target.url.path)")
    }
  }
}
