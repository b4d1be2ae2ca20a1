import FluxCore
import FluxSim

/// The "Operator economics" section of `report.md` and its charts, for runs whose jobs
/// price FLUX in USD: the price, each tier's profit and ROI per node, and a table per tier
/// of a node's month at each year end.
struct EconomicsSection {
  let charts: [RunCharts.Named]
  /// The break-even line: the palette's black, dotted.
  static let breakEvenStyle = SeriesStyle(colour: LineChart.palette.count - 1, dash: 2)

  init(run: RunRecord) {
    var price: [ChartSeries] = []
    var profit: [ChartSeries] = []
    var roi: [ChartSeries] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      let name = run.pointName(point)
      price.append(RunCharts.line(name, aggregate, style: .point(point), \.fluxUSD))
      for tier in Tier.allCases {
        let style = SeriesStyle.tier(tier, point: point)
        profit.append(RunCharts.line("\(tier) · \(name)", aggregate, style: style) { $0.economics?[tier].profitUSD })
        roi.append(
          RunCharts.line("\(tier) · \(name)", aggregate, style: style) {
            $0.economics.map { $0[tier].roiPerYear * 100 }
          })
      }
    }
    // A zero line, so that break-even is on the axis and easy to find: black and dotted,
    // apart from the tiers' colours and the points' dashes.
    let times = profit.flatMap { $0.points.map(\.x) }
    if let first = times.min(), let last = times.max() {
      profit.append(
        ChartSeries(
          name: "break-even", points: [ChartPoint(x: first, y: 0), ChartPoint(x: last, y: 0)],
          style: Self.breakEvenStyle))
    }
    let band = "(p50, band p5–p95)"
    charts = [
      RunCharts.Named(
        file: "flux-price.svg",
        chart: LineChart(title: "FLUX price", xLabel: "date", yLabel: "USD \(band)", xAxis: .unixTime, series: price)),
      RunCharts.Named(
        file: "node-profit.svg",
        chart: LineChart(
          title: "Profit per node per month", xLabel: "date", yLabel: "USD \(band)", xAxis: .unixTime,
          series: profit)),
      RunCharts.Named(
        file: "node-roi.svg",
        chart: LineChart(
          title: "ROI per year", xLabel: "date", yLabel: "% per year \(band)", xAxis: .unixTime,
          series: roi)),
    ]
  }

  func markdown(_ run: RunRecord) -> String {
    var text = "## Operator economics\n\n"
    text += "Per node per month in USD, at the FLUX price of each sample period:\n\n"
    text += "- income: the tier's payments in the period (block rewards, and app revenue if shared), divided among "
    text += "its confirmed nodes;\n"
    text += "- cost: hosting plus the collateral's opportunity cost (what its value would earn elsewhere);\n"
    text += "- profit = income − hosting − opportunity cost;\n"
    text += "- ROI per year = (income − hosting) × 12 / collateral value;\n"
    text += "- payback = collateral value / (income − hosting), in months; none while a node does not cover its "
    text += "hosting.\n\n"
    text += "When operators join and leave on profitability (ROI churn), a tier grows while its nodes profit and "
    text += "shrinks while they lose, so at equilibrium profit ≈ 0: the profit chart shows how fast each tier "
    text += "converges. Without ROI churn it shows what the given fleet earns.\n\n"
    for chart in charts { text += RunReport.embed(chart, heading: "###") }
    return text + yearEnds(run)
  }

  /// Per tier, a node's month at the last sample of each full year and at the end.
  func yearEnds(_ run: RunRecord) -> String {
    var text = "### Per node at year ends (USD per month, p5 / p50 / p95 across replications)\n\n"
    text += "The sample period that ends each full year, and the last one. Payback counts only the replications "
    text += "whose nodes cover their hosting (shown as k of n when some do not).\n\n"
    let columns = ["at", "point", "income", "cost", "profit", "ROI % per year", "payback months"]
    for tier in Tier.allCases {
      var rows: [[String]] = []
      for point in 0..<run.plan.pointCount {
        let aggregate = PointAggregate(results: run.results(ofPoint: point))
        for at in aggregate.checkpoints(years: aggregate.years.filter(aggregate.isFullYear)) {
          func cell(_ decimals: Int, _ value: (TierEconomics) -> Double?) -> String {
            RunReport.quantiles(aggregate.spread { at.sample($0)?.economics.flatMap { value($0[tier]) } }, decimals)
          }
          let present = aggregate.spread { at.sample($0)?.economics.map { _ in 0 } }.count
          let paying = aggregate.spread { at.sample($0)?.economics?[tier].paybackMonths }.count
          var payback = cell(1, \.paybackMonths)
          if paying < present { payback = paying == 0 ? "never" : "\(payback) (\(paying) of \(present))" }
          rows.append([
            at.label, run.pointName(point), cell(2, \.incomeUSD), cell(2) { $0.hostingUSD + $0.opportunityUSD },
            cell(2, \.profitUSD), cell(1) { $0.roiPerYear * 100 }, payback,
          ])
        }
      }
      text +=
        "#### \(RunReport.tierTitle(tier))\n\n" + Table(columns: columns, rows: rows, textColumns: ["point"]).markdown()
        + "\n"
    }
    return text
  }
}
