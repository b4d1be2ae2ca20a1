import ArgumentParser
import FluxCore
import FluxReport
import FluxSim
import Foundation

/// `fluxsim diff-rules`: what a rules file changes against a network's unmodified rules.
struct DiffRulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff-rules",
    abstract: "Report what a rule change does to emission, supply and node income.",
    discussion: """
      Compares the proposal (a rules file) with the base network's unmodified rules block for \
      block: the first heights where the block subsidy, the block split and the cumulative supply \
      differ, both emission schedules side by side, the supply difference at each year end, and \
      each tier's income per node per year for a constant fleet. Writes Markdown, or with --format json \
      one object holding the same facts and tables (heights as numbers, amounts as strings with exact 8 \
      decimals).
      """)

  /// What `diff-rules` writes.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
  }

  @Option(help: "Network whose unmodified rules are the reference.")
  var base: Network = .mainnet

  @Option(help: "The proposal: a YAML or JSON rules file (see Scenarios/README.md).", completion: .rulesFiles)
  var rules: String

  @Option(
    help: "Supply history of the first 5,000 blocks: code or observed (default: the rules file's, else observed).")
  var mode: SupplyMode?

  @Option(
    parsing: .unconditional,
    help: "Last height compared, 0 … 2147483647 (default: the last block of 2060 by the base's clock).",
    transform: { try OptionValue.integer($0, expected: "a height from 0 to \(ChainParams.maxHeight)") })
  var toHeight: Int?

  @Option(
    help:
      "Constant fleet for income per node: cumulus,nimbus,stratus, each 1 … 1000000000 (default 3247,1615,1627, measured)."
  )
  var nodes: TierCounts?

  @Option(help: "Write the report to this file (atomically) instead of standard output.", completion: .file())
  var out: String?

  @Option(help: "Output format: markdown or json.")
  var format: Format = .markdown

  func validate() throws {
    do throws(OptionMistake) {
      if let toHeight, !(0...ChainParams.maxHeight).contains(toHeight) {
        throw OptionMistake("--to-height must be a height from 0 to \(ChainParams.maxHeight), found \(toHeight)")
      }
      _ = try nodes?.counts.get()
    } catch { throw error.reported() }
  }

  func run() throws {
    if let out { try OutputWriter.check(file: out, kind: .rulesDiff) }
    let file = try RulesOptions.loadFile(rules)
    let baseRules = RuleSet(base)
    let diff = RulesDiffReport(
      base: baseRules, proposal: file.rules, proposalName: rules, mode: mode ?? file.supplyMode ?? .observed,
      horizon: toHeight ?? RulesDiffReport.defaultHorizon(baseRules.params),
      nodes: try nodes?.counts.get() ?? FleetConfig().initialNodes)
    let report = format == .json ? diff.json() : diff.markdown()
    guard let out else {
      print(report, terminator: "")
      return
    }
    try OutputWriter.write(report, toFile: out, kind: .rulesDiff)
  }
}
