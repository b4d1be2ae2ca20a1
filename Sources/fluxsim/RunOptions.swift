import ArgumentParser
import FluxScenario
import Foundation

/// Options shared by the commands that run scenarios.
struct RunOptions: ParsableArguments {
  static let maxReplications = 100_000
  /// More workers than jobs or cores gain nothing; the limit keeps a typo from asking
  /// for millions of threads.
  static let maxWorkers = 4_096

  // `.unconditional`: `--replications -3` is a value to refuse with its range, not an
  // unknown option `-3`.
  @Option(
    parsing: .unconditional, help: "Replications per sweep point, 1 … 100000 (default: the scenario's).",
    transform: { try OptionValue.whole($0, in: 1...RunOptions.maxReplications) })
  var replications: Int?

  @Option(
    parsing: .unconditional, help: "Parallel workers, 1 … 4096 (default: the number of cores).", transform: workers)
  var workers: Int = min(ProcessInfo.processInfo.activeProcessorCount, maxWorkers)

  @Option(
    parsing: .unconditional, help: "Seed of the run, 0 … 18446744073709551615 (default: the scenario's).",
    transform: { try OptionValue.whole($0, in: UInt64.min...UInt64.max) })
  var seed: UInt64?

  @Flag(
    name: .customLong("block-by-block"),
    help: "Advance every block through the event loop, as before batching (for checking; other draws, same law).")
  var blockByBlock = false

  @Flag(help: "No progress on standard error (by default a line that moves on a terminal, else a line every 10 s).")
  var quiet = false

  func validate() throws { try ProgressStyle.validate() }

  /// How the jobs' progress is shown.
  var progress: ProgressStyle { ProgressStyle.checked(quiet: quiet) }

  /// `--workers`, also `check`'s.
  static func workers(_ text: String) throws -> Int { try OptionValue.whole(text, in: 1...maxWorkers) }

  /// The options that change results, as they must be repeated to reproduce a run.
  var reproducingWords: [String] {
    (replications.map { ["--replications", String($0)] } ?? []) + (seed.map { ["--seed", String($0)] } ?? [])
      + (blockByBlock ? ["--block-by-block"] : [])
  }
}

/// Reading scenario files: every file is read and checked before any work starts; a
/// problem prints located diagnostics and exits with status 2.
enum ScenarioInput {
  static func load(_ paths: [String]) throws -> [ScenarioFile] {
    var files: [ScenarioFile] = []
    var failed = false
    for path in paths {
      do {
        let text: String
        do { text = try InputFile.text(path) } catch { throw Diagnostics(items: [error]) }
        files.append(try ScenarioLoader.load(file: path, text: text))
      } catch let diagnostics as Diagnostics {
        Console.error(diagnostics.description)
        failed = true
      }
    }
    if failed { throw ExitCode(2) }
    let names = files.map(\.scenario.name)
    if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
      Console.error("error: two scenarios are named \"\(duplicate)\"; their outputs would collide")
      throw ExitCode(2)
    }
    return files
  }
}
