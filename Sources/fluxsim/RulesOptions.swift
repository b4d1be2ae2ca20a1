import ArgumentParser
import FluxCore
import FluxScenario
import Foundation

/// `--network`, `--rules FILE` and `--mode`: which rules a command uses.
struct RulesOptions: ParsableArguments {
  @Option(help: "Network whose rules to use (ignored when --rules names a base).")
  var network: Network = .mainnet

  @Option(help: "A YAML or JSON file of rule overrides (see Scenarios/README.md).", completion: .rulesFiles)
  var rules: String?

  @Option(
    help: "Supply history of the first 5,000 blocks: code or observed (default: the rules file's, else observed).")
  var mode: SupplyMode?

  /// The rule set and supply mode, or a printed diagnostic and exit status 2.
  func load() throws -> (RuleSet, SupplyMode) {
    guard let path = rules else { return (RuleSet(network), mode ?? .observed) }
    let file = try Self.loadFile(path)
    return (file.rules, mode ?? file.supplyMode ?? .observed)
  }

  /// The rules file at `path`, or its located diagnostic on stderr and exit status 2.
  /// It is read as scenario files are (`InputFile`): a regular file within the size
  /// limit, UTF-8, and a problem in plain words ("no such file", "permission denied").
  static func loadFile(_ path: String) throws -> RulesFile {
    do {
      return try RulesFile(file: path, text: try InputFile.text(path))
    } catch {
      Console.error("\(error)")
      throw ExitCode(2)
    }
  }
}
