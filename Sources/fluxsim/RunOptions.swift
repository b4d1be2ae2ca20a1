import ArgumentParser
import FluxScenario
import Foundation

/// Options shared by the commands that run scenarios.
struct RunOptions: ParsableArguments {
  @Option(help: "Replications per sweep point (default: the scenario's).")
  var replications: Int?

  @Option(help: "Parallel workers (default: the number of cores).")
  var workers: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Seed of the run (default: the scenario's).")
  var seed: UInt64?

  func validate() throws {
    if let replications, replications < 1 || replications > 100_000 {
      throw ValidationError("--replications must be 1 … 100000, found \(replications)")
    }
    if workers < 1 { throw ValidationError("--workers must be at least 1, found \(workers)") }
  }

  /// The options that change results, as they must be repeated to reproduce a run.
  var reproducingArguments: String {
    var text = ""
    if let replications { text += " --replications \(replications)" }
    if let seed { text += " --seed \(seed)" }
    return text
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
        do {
          text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
          throw Diagnostics(items: [
            Diagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)")
          ])
        }
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
