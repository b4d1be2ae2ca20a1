import ArgumentParser

/// The `fluxsim` command: each verb is one file in this folder.
@main
struct Fluxsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fluxsim",
    abstract: "Flux network simulator and economics testbed.",
    subcommands: [
      RunCommand.self, MergeCommand.self, CompareCommand.self, ValidateCommand.self, CheckCommand.self,
      DiffRulesCommand.self,
      EmissionCommand.self, BenchCommand.self,
    ])
}
