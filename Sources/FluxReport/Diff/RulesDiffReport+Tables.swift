import FluxCore
import FluxSim

/// The report's three tables: emission side by side, supply difference, income per node.
extension RulesDiffReport {
  /// One row per rule change of either rule set, per year end and per first difference.
  ///
  /// A rule change both rule sets make at the same height is labelled once; one only a
  /// single side makes carries "(base)" or "(proposal)", so a moved upgrade shows twice.
  func emissionTable() -> Table {
    var labels: [Int: [String]] = [:]
    func add(_ height: Int, _ label: String) {
      if height <= horizon, labels[height]?.contains(label) != true { labels[height, default: []].append(label) }
    }
    let baseEvents = baseSchedule.ruleChangeEvents(through: horizon)
    let proposalEvents = proposalSchedule.ruleChangeEvents(through: horizon)
    let (inBase, inProposal) = (Set(baseEvents), Set(proposalEvents))
    for event in baseEvents { add(event.height, event.label + (inProposal.contains(event) ? "" : " (base)")) }
    for event in proposalEvents where !inBase.contains(event) { add(event.height, event.label + " (proposal)") }
    for event in baseSchedule.yearEndEvents(through: year(of: horizon)) { add(event.height, event.label) }
    var firsts: [Int: [String]] = [:]
    for (height, what) in [(divergence.subsidy, "subsidy"), (divergence.split, "split"), (divergence.supply, "supply")]
    {
      if let height { firsts[height, default: []].append(what) }
    }
    for (height, what) in firsts.sorted(by: { $0.key < $1.key }) {
      add(height, "first difference: " + what.joined(separator: ", "))
    }
    add(horizon, "horizon")
    let columns = [
      "height", "date", "event", "base subsidy", "proposal subsidy", "base supply", "proposal supply",
      "supply difference",
    ]
    let rows = labels.sorted { $0.key < $1.key }.map { height, texts -> [String] in
      let baseSupply = baseSchedule.cumulativeSupply(through: height)
      let proposalSupply = proposalSchedule.cumulativeSupply(through: height)
      return [
        String(height), Format.date(base.params.projectedTime(at: height)), texts.joined(separator: "; "),
        Format.flux(baseSchedule.subsidy(at: height)), Format.flux(proposalSchedule.subsidy(at: height)),
        Format.flux(baseSupply),
        Format.flux(proposalSupply), Format.flux(proposalSupply - baseSupply),
      ]
    }
    return Table(
      columns: columns, rows: rows, numericColumns: Set(columns).subtracting(["date", "event"]), textColumns: ["event"])
  }

  /// The supply table with its introduction, or the sentence that says supply never differs.
  func supplySection() -> String {
    guard let table = supplyTable() else { return "Supply is the same at every height up to \(horizon).\n\n" }
    var text = "Cumulative supply (subsidies and fund outputs) from the year of the first difference on; "
    text += "difference = proposal − base.\n\n"
    return text + table.markdown() + "\n"
  }

  /// Cumulative supply at each year end from the first supply difference on, and at the
  /// horizon (years before the first difference would only show zeros); nil when supply
  /// never differs.
  func supplyTable() -> Table? {
    guard let first = divergence.supply else { return nil }
    var points = (year(of: first)...year(of: horizon)).map { ("end of \($0)", lastBlock(ofYear: $0)) }
      .filter { $0.1 <= horizon }
    if points.last?.1 == horizon {
      points[points.count - 1].0 += " (horizon)"
    } else {
      points.append(("horizon", horizon))
    }
    let columns = ["at", "height", "date", "base supply", "proposal supply", "difference", "difference (% of base)"]
    let rows = points.map { label, height -> [String] in
      let baseSupply = baseSchedule.cumulativeSupply(through: height)
      let difference = proposalSchedule.cumulativeSupply(through: height) - baseSupply
      let percent =
        baseSupply == .zero ? "" : Format.fixed(Double(difference.satoshi) / Double(baseSupply.satoshi) * 100, 4)
      return [
        label, String(height), Format.date(base.params.projectedTime(at: height)), Format.flux(baseSupply),
        Format.flux(baseSupply + difference), Format.flux(difference), percent,
      ]
    }
    return Table(columns: columns, rows: rows, numericColumns: Set(columns).subtracting(["at", "date"]))
  }

  /// One calendar year of the income table: its blocks up to `last` (the horizon in
  /// the last year) and per tier the income per node under each rule set and their
  /// difference, formatted.
  struct IncomeYear {
    var year: Int
    var last: Int
    var complete: Bool
    var blocks: Int
    var amounts: [String]
  }

  /// The income table's tier columns: base, proposal and Δ for each tier.
  static let incomeColumns = Tier.allCases.flatMap { ["\($0) base", "\($0) proposal", "\($0) Δ"] }

  /// Each tier's income per node and calendar year under both rule sets, for a constant
  /// fleet, from the year the split first differs (the measured tip's year when it never
  /// does, a fixed year so the report does not depend on when it is run).
  func incomeYears() -> (first: Int, years: [IncomeYear]) {
    let lastYear = year(of: horizon)
    let (baseCuts, proposalCuts) = (
      baseSchedule.emissionCuts(through: horizon), proposalSchedule.emissionCuts(through: horizon)
    )
    let firstYear = min(
      lastYear, divergence.split.map(year(of:)) ?? UTCTime.components(TipState.measured2026.time).year)
    let years = (firstYear...lastYear).compactMap { year -> IncomeYear? in
      let first = max(0, lastBlock(ofYear: year - 1) + 1)
      let last = min(lastBlock(ofYear: year), horizon)
      guard first <= last else { return nil }
      let basePaid = baseSchedule.tierPayments(in: first...last, cuts: baseCuts)
      let proposalPaid = proposalSchedule.tierPayments(in: first...last, cuts: proposalCuts)
      var amounts: [String] = []
      for tier in Tier.allCases {
        let baseIncome = Amount(satoshi: basePaid[tier].satoshi / Int64(nodes[tier]))
        let proposalIncome = Amount(satoshi: proposalPaid[tier].satoshi / Int64(nodes[tier]))
        amounts += [Format.flux(baseIncome), Format.flux(proposalIncome), Format.flux(proposalIncome - baseIncome)]
      }
      return IncomeYear(
        year: year, last: last, complete: last == lastBlock(ofYear: year), blocks: last - first + 1, amounts: amounts)
    }
    return (firstYear, years)
  }

  /// The income table with its assumptions.
  func incomeSection() -> String {
    let (firstYear, years) = incomeYears()
    let rows = years.map { income in
      [income.complete ? String(income.year) : "\(income.year) (to height \(income.last))", String(income.blocks)]
        + income.amounts
    }
    let columns = ["year", "blocks"] + Self.incomeColumns
    let fleet = Tier.allCases.map { "\(nodes[$0]) \($0)" }
    var text = "Assumes a constant fleet of \(fleet[0]), \(fleet[1]) and \(fleet[2]) nodes"
    text += nodes == FleetConfig().initialNodes ? " (the counts measured on 2026-09-03)" : ""
    text += " and every block paying all three tiers: a node's income in a calendar year is its tier's block "
    text += "payments that year divided by the tier's node count, rounded down to the satoshi. Years from "
    text +=
      divergence.split == nil
      ? "\(firstYear): the block split never differs, so the table starts at the measured tip's year or the horizon's"
      : "the year of the first split difference"
    text += "; Δ = proposal − base.\n\n"
    return text + Table(columns: columns, rows: rows, numericColumns: Set(columns).subtracting(["year"])).markdown()
  }
}
