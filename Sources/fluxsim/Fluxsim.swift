import ArgumentParser

@main
struct Fluxsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fluxsim",
    abstract: "Flux network simulator and economics testbed.",
    subcommands: [])
}
