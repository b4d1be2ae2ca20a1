import ArgumentParser
import FluxCore
import FluxScenario
import Foundation

/// `--network`, `--rules FILE` and `--mode`: which rules a command uses.
struct RulesOptions: ParsableArguments {
  @Option(help: "Network whose rules to use (ignored when --rules names a base).")
  var network: Network = .mainnet

  @Option(help: "A YAML or JSON file of rule overrides (see Scenarios/README.md).")
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
  static func loadFile(_ path: String) throws -> RulesFile {
    do {
      let text: String
      do {
        text = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw Diagnostic(file: path, message: "cannot read the file: \(error.localizedDescription)")
      }
      return try RulesFile(file: path, text: text)
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
