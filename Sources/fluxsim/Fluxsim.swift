import ArgumentParser
import FluxReport
import Foundation

/// The `fluxsim` command: each verb is one file in this folder.
@main
struct Fluxsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fluxsim",
    abstract: "Flux network simulator and economics testbed.",
    discussion: """
      Exit status: 0 success; 1 a failed check, a failure of the run or the file system, or an output \
      locked by another fluxsim; 2 bad input (a scenario, rules file, option or output folder refused \
      before any work); 130 or 143 interrupted by SIGINT or SIGTERM.
      """,
    version: Manifest.fluxsimVersion,
    subcommands: [
      RunCommand.self, MergeCommand.self, CompareCommand.self, ValidateCommand.self, CheckCommand.self,
      DiffRulesCommand.self,
      EmissionCommand.self, BenchCommand.self,
    ])

  /// Parses and runs the command, releasing the output locks however it ends.
  ///
  /// ArgumentParser's own `main` exits 64 (`EX_USAGE`) on a bad option and prints the
  /// message as it is; the project's rule is exit status 2 for any bad input, and every
  /// error goes through `Console.error`, which escapes the control characters a hostile
  /// argument may carry.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
      OutputLock.releaseAll()
    } catch {
      OutputLock.releaseAll()
      let status = exitCode(for: error)
      // --help and --version: printed on standard output, status 0.
      if status == .success { exit(withError: error) }
      let message = fullMessage(for: error)
      if !message.isEmpty { Console.error(message.hasPrefix("Error: ") ? "error: " + message.dropFirst(7) : message) }
      Foundation.exit(status == .validationFailure ? 2 : status.rawValue)
    }
  }
}
