import FluxCore
import FluxSim

/// `fluxsim diff-rules`: what a rule change does to emission, as a Markdown report.
///
/// The base and the proposal are compared block for block at the same heights: where
/// they first differ (`RulesDivergence`), both emission schedules side by side, the
/// supply difference at each year end, and each tier's income per node per year. Dates,
/// calendar years and the horizon follow the base's projected clock, so a proposal that
/// moves PoN or changes a block spacing is still compared at the heights the base
/// reaches on those dates. Every amount is exact (`Amount.description`), and the text
/// depends only on the inputs, so two runs give the same bytes.
public struct RulesDiffReport: Sendable {
  public let base: RuleSet
  public let proposal: RuleSet
  /// How the proposal is named in the report, e.g. the rules file's path.
  public let proposalName: String
  public let mode: SupplyMode
  /// The last height compared.
  public let horizon: Int
  /// The constant fleet assumed for income per node.
  public let nodes: TierValues<Int>

  let baseSchedule: SupplySchedule
  let proposalSchedule: SupplySchedule
  /// Where the two first differ up to `horizon`.
  public let divergence: RulesDivergence

  /// Prepares the comparison; `nodes` must be positive in every tier.
  public init(
    base: RuleSet, proposal: RuleSet, proposalName: String, mode: SupplyMode, horizon: Int,
    nodes: TierValues<Int> = FleetConfig().initialNodes
  ) {
    precondition(Tier.allCases.allSatisfy { nodes[$0] > 0 }, "every tier needs at least one node")
    self.base = base
    self.proposal = proposal
    self.proposalName = proposalName
    self.mode = mode
    self.horizon = horizon
    self.nodes = nodes
    self.baseSchedule = SupplySchedule(params: base.params, mode: mode)
    self.proposalSchedule = SupplySchedule(params: proposal.params, mode: mode)
    self.divergence = RulesDivergence(base: baseSchedule, proposal: proposalSchedule, through: horizon)
  }

  /// The default horizon: the last block of 2060 by `params`' projected clock.
  public static func defaultHorizon(_ params: ChainParams) -> Int { params.lastHeight(throughYear: 2060) }

  /// The sentence that says nothing differs; tests and scripts look for it.
  public static func noDifference(through horizon: Int) -> String { "No difference up to height \(horizon)." }

  /// The whole report.
  public func markdown() -> String {
    var text = "# Rule change: \(MarkdownText.escape(proposalName)) vs \(base.base.rawValue)\n\n"
    text += summary().markdown() + "\n"
    for (side, rules) in [("base", base), ("proposal", proposal)] where !rules.changes.isEmpty {
      text += "Scheduled changes of the \(side):\n\n" + RulesText.changeList(rules.params) + "\n"
    }
    if divergence.isEmpty { text += Self.noDifference(through: horizon) + "\n\n" }
    text += clockNote() + "\n\n"
    text += "## Emission side by side\n\n" + emissionTable().markdown() + "\n"
    text += "## Supply difference\n\n" + supplySection()
    text += "## Income per node\n\n" + incomeSection()
    return text
  }

  func summary() -> Table {
    func overrides(_ rules: RuleSet) -> String {
      rules.overrides.map { "`\($0.key)`: \(Format.ruleValue($0.value))" }.joined(separator: "; ")
    }
    let rows = [
      ["base", "\(base.base.rawValue) rules" + (base.overrides.isEmpty ? ", unmodified" : " with " + overrides(base))],
      ["proposal", "\(MarkdownText.escape(proposalName)) (\(proposal.base.rawValue) rules)"],
      ["proposal overrides", proposal.overrides.isEmpty ? "none" : overrides(proposal)],
      ["proposal changes", changes(proposal)],
      ["supply mode", mode.rawValue],
      ["horizon", at(horizon)],
      ["block subsidy first differs", firstDifference(divergence.subsidy)],
      ["block split first differs", firstDifference(divergence.split)],
      ["cumulative supply first differs", firstDifference(divergence.supply)],
    ]
    return Table(columns: ["", ""], rows: rows)
  }

  /// The scheduled changes' names and activation heights, or "none".
  func changes(_ rules: RuleSet) -> String {
    rules.changes.isEmpty
      ? "none" : rules.changes.map { "`\($0.name)` at \(at($0.activation))" }.joined(separator: "; ")
  }

  /// "height H, date" by the base's clock.
  func at(_ height: Int) -> String { "height \(height), \(Format.date(base.params.projectedTime(at: height)))" }

  func firstDifference(_ height: Int?) -> String { height.map(at) ?? "none up to height \(horizon)" }

  /// How dates are projected, and whether the proposal's own clock would put them elsewhere.
  func clockNote() -> String {
    let anchor = base.params.timeAnchor
    var note = "Amounts in FLUX. Both rule sets are compared block for block at the same heights; dates, "
    note += "calendar years and year ends follow the base's projected clock (each era's target spacing from "
    note += "block \(anchor.height) at \(Format.date(anchor.time)))."
    let proposalTime = proposal.params.projectedTime(at: horizon)
    if proposalTime != base.params.projectedTime(at: horizon) {
      note += " The proposal changes that clock: by its own, height \(horizon) falls on \(Format.date(proposalTime))."
    }
    return note
  }

  /// The last block of calendar `year` by the base's clock.
  func lastBlock(ofYear year: Int) -> Int {
    base.params.projectedHeight(atOrBefore: UTCTime.seconds(.init(year: year + 1, month: 1, day: 1)) - 1)
  }

  /// The calendar year of `height` by the base's clock.
  func year(of height: Int) -> Int { UTCTime.components(base.params.projectedTime(at: height)).year }
}
