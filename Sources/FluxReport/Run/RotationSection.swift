import FluxCore
import FluxSim

/// The "Rotation" section of `report.md` and its chart: how long each tier's confirmed
/// nodes have waited since they were last paid (`series.csv`'s `since_paid_*`).
struct RotationSection {
  static let file = "since-paid.svg"
  let charts: [RunCharts.Named]

  init(run: RunRecord) {
    var lines: [ChartSeries] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      let name = run.pointName(point)
      for tier in Tier.allCases {
        lines.append(RunCharts.line("\(tier) p50 · \(name)", aggregate) { $0.sincePaid[tier].map(\.p50) })
        lines.append(RunCharts.line("\(tier) max · \(name)", aggregate) { $0.sincePaid[tier].map { Double($0.max) } })
      }
    }
    charts = [
      RunCharts.Named(
        file: Self.file,
        chart: LineChart(
          title: "Blocks since last paid", xLabel: "date", yLabel: "blocks (p50, band p5–p95)", xAxis: .unixTime,
          series: lines))
    ]
  }

  func markdown(_ run: RunRecord) -> String {
    var text = "## Rotation\n\n"
    text += "Per tier at each sample, the blocks since each confirmed node was last paid (or confirmed, if not paid "
    text += "since): the median and the longest wait over the tier's nodes. A tier of N nodes paid strictly in turn "
    text += "has a median of (N − 1)/2 and a longest wait of N − 1 blocks; nodes newly confirmed, or back after an "
    text += "expiry, wait longer at the back of the list.\n\n"
    for chart in charts { text += RunReport.embed(chart, heading: "###") }
    return text + yearEnds(run)
  }

  /// p50, p95 and max per tier at the last sample of each year and at the end.
  func yearEnds(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      for at in aggregate.checkpoints(years: aggregate.years) {
        var cells = [at.label, run.pointName(point)]
        for tier in Tier.allCases {
          let quantities: [(SincePaid) -> Double] = [\.p50, \.p95, { Double($0.max) }]
          cells += quantities.map { value in
            let spread = aggregate.spread { at.sample($0)?.sincePaid[tier].map(value) }
            return spread.count == 0 ? "" : Format.fixed(spread.p50, 1)
          }
        }
        rows.append(cells)
      }
    }
    let columns = Tier.allCases.map(RunReport.tierTitle).flatMap { ["\($0) p50", "\($0) p95", "\($0) max"] }
    let table = Table(
      columns: ["at", "point"] + columns, rows: rows, numericColumns: Set(columns), textColumns: ["point"])
    return "### At year ends (blocks, p50 across replications; per job in series.csv)\n\n"
      + "At each year's last sample and at the end.\n\n" + table.markdown() + "\n"
  }
}
