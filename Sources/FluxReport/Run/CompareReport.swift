import FluxCore
import FluxSim

/// `fluxsim compare`: emission forecasts of several scenarios side by side — all supply
/// curves on one chart with their bands, and tables of the differences at each year end
/// and at each milestone (p50 across replications, first scenario as the reference).
public enum CompareReport {
  public static func files(_ runs: [RunRecord], command: String) -> [OutputFile] {
    let lines = runs.flatMap { run -> [ChartSeries] in
      (0..<run.plan.pointCount).map { point in
        let aggregate = PointAggregate(results: run.results(ofPoint: point))
        let samples = 0..<aggregate.sampleCount
        let times = samples.map { aggregate.time(ofSample: $0) }
        let spreads = samples.map { k in aggregate.spread(ofSample: k) { Double($0.supply.satoshi) / 1e8 } }
        return ChartSeries(
          name: run.plan.pointCount > 1 ? "\(run.name) · \(run.pointName(point))" : run.name,
          points: zip(times, spreads).map { ChartPoint(x: $0, y: $1.p50) },
          band: zip(times, spreads).map { ChartBand(x: $0, low: $1.p5, high: $1.p95) })
      }
    }
    let chart = LineChart(
      title: "Supply by scenario", xLabel: "date", yLabel: "FLUX (p50, band p5–p95)", xAxis: .unixTime, series: lines)
    var text = "# Comparison: " + runs.map(\.name).joined(separator: " vs ") + "\n\n"
    text += Table(
      columns: ["scenario", "file", "jobs"],
      rows: runs.map { [$0.name, $0.plan.file.path, "\($0.plan.pointCount) × \($0.plan.replications)"] }
    ).markdown()
    text += "\n## Supply\n\n![Supply by scenario](supply.svg)\n\n"
    text += "### Supply at each year end (FLUX, p50; difference to \(runs[0].name))\n\n" + yearEnds(runs)
    text += "### Milestones (p50 date; difference to \(runs[0].name) in days)\n\n" + milestones(runs)
    text += "## Reproduce\n\n```sh\n\(command)\n```\n"
    return [OutputFile(name: "report.md", contents: text), OutputFile(name: "supply.svg", contents: chart.svg())]
  }

  private static func aggregates(_ runs: [RunRecord]) -> [(String, PointAggregate)] {
    runs.flatMap { run in
      (0..<run.plan.pointCount).map { point in
        (
          run.plan.pointCount > 1 ? "\(run.name) · \(run.pointName(point))" : run.name,
          PointAggregate(results: run.results(ofPoint: point))
        )
      }
    }
  }

  static func yearEnds(_ runs: [RunRecord]) -> String {
    let columns = aggregates(runs)
    let years = columns.map { Set($0.1.years) }.reduce(Set(columns.first?.1.years ?? [])) { $0.intersection($1) }
      .sorted()
    var header = ["year"]
    for (index, column) in columns.enumerated() {
      header.append("\(column.0) p50 (p5–p95)")
      if index > 0 { header.append("Δ \(column.0)") }
    }
    let rows = years.map { year -> [String] in
      var cells = [String(year)]
      let reference = columns[0].1.supply(atEndOf: year).p50
      for (index, column) in columns.enumerated() {
        let supply = column.1.supply(atEndOf: year)
        cells.append(
          "\(Format.grouped(supply.p50 / 1e8)) (\(Format.grouped(supply.p5 / 1e8))–\(Format.grouped(supply.p95 / 1e8)))"
        )
        if index > 0 { cells.append(Format.grouped((supply.p50 - reference) / 1e8)) }
      }
      return cells
    }
    return Table(columns: header, rows: rows).markdown() + "\n"
  }

  static func milestones(_ runs: [RunRecord]) -> String {
    let columns = aggregates(runs)
    var labels: [String] = []
    for column in columns {
      for label in column.1.milestoneLabels where !labels.contains(label) { labels.append(label) }
    }
    var header = ["milestone"]
    for (index, column) in columns.enumerated() {
      header.append(column.0)
      if index > 0 { header.append("Δ days") }
    }
    let rows = labels.map { label -> [String] in
      var cells = [label]
      let reference = columns[0].1.milestone(label)
      for (index, column) in columns.enumerated() {
        let milestone = column.1.milestone(label)
        cells.append(milestone.reached == 0 ? "not reached" : Format.day(Int64(milestone.dates.p50)))
        if index > 0 {
          cells.append(
            milestone.reached == 0 || reference.reached == 0
              ? "" : Format.fixed((milestone.dates.p50 - reference.dates.p50) / 86_400, 1))
        }
      }
      return cells
    }
    return Table(columns: header, rows: rows).markdown() + "\n"
  }
}
