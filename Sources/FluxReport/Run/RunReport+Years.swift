import FluxCore
import FluxSim

/// The "Calendar years" section of `report.md`: `years.csv` as a reader looks at it —
/// supply and inflation, nodes per tier and the yield of a node, per calendar year.
extension RunReport {
  static func calendarYears(_ run: RunRecord) -> String {
    var supply: [[String]] = []
    var nodes: [[String]] = []
    var yields: [[String]] = []
    let usd = run.recordedFields.economics
    for point in 0..<run.plan.pointCount {
      let economics = run.plan.config(point * run.plan.replications).economics
      for year in PointAggregate(results: run.results(ofPoint: point)).yearRows {
        let label = [year.partial ? "\(year.year) (part)" : String(year.year), run.pointName(point)]
        func flux(_ amount: Amount) -> String { Format.fixed(Double(amount.satoshi) / 1e8, 2) }
        func percent(_ value: Double?) -> String { value.map { Format.fixed($0 * 100, 3) } ?? "" }
        supply.append(
          label + [
            flux(year.issuance), percent(year.inflation), flux(year.supply), flux(year.locked),
            flux(year.supply - year.locked),
          ])
        nodes.append(
          label
            + Tier.allCases.flatMap { tier in
              [Format.fixed(year.nodes(tier), 1), Format.fixed(year.mean { Double($0.end.confirmed[tier]) }, 1)]
            })
        var cells = label + Tier.allCases.map { percent(year.yield($0)) }
        if usd, let economics {
          cells += Tier.allCases.map { tier in percent(year.usd(tier, economics)?.roi) }
          cells += Tier.allCases.map { tier in year.usd(tier, economics).map { Format.fixed($0.profit, 2) } ?? "" }
        }
        yields.append(cells)
      }
    }
    let tiers = Tier.allCases.map(tierTitle)
    var text = "## Calendar years\n\n"
    text += "Each calendar year (UTC) as the engine recorded it at the year's last second, whatever the sampling: "
    text += "means across replications. A year the run starts or ends inside is marked (part) and counts only "
    text += "that part, not scaled to a year. Every figure, exact and with its spread across replications, is in "
    text += "`years.csv`.\n\n"
    text += "### Supply and inflation (FLUX)\n\n"
    text += "Inflation is the year's issuance (subsidies and fund outputs) over the supply at its start; locked "
    text += "is the collateral of STARTed and confirmed nodes at the year's end.\n\n"
    let supplyColumns = ["issuance", "inflation %", "supply at end", "locked in nodes", "not locked"]
    text +=
      Table(
        columns: ["year", "point"] + supplyColumns, rows: supply, numericColumns: Set(supplyColumns),
        textColumns: ["point"]
      ).markdown() + "\n"
    text += "### Confirmed nodes per tier (mean over the year's blocks, and at its end)\n\n"
    let nodeColumns = tiers.flatMap { ["\($0) mean", "\($0) at end"] }
    text +=
      Table(
        columns: ["year", "point"] + nodeColumns, rows: nodes, numericColumns: Set(nodeColumns), textColumns: ["point"]
      )
      .markdown() + "\n"
    text += "### Yield per node\n\n"
    text += "A node's income in the year (its tier's payments over the tier's mean confirmed nodes) as a percentage "
    text += "of the collateral it locks"
    var yieldColumns = tiers.map { "\($0) yield %" }
    if usd {
      text += "; in USD at the year's mean FLUX price, ROI = (income − hosting) ÷ collateral value and profit = "
      text += "income − hosting − the collateral's opportunity cost, per node over the year"
      yieldColumns += tiers.map { "\($0) ROI %" } + tiers.map { "\($0) profit USD" }
    }
    text += ".\n\n"
    text +=
      Table(
        columns: ["year", "point"] + yieldColumns, rows: yields, numericColumns: Set(yieldColumns),
        textColumns: ["point"]
      ).markdown() + "\n"
    return text
  }
}
