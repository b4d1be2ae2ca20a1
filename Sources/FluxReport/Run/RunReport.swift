import FluxCore
import FluxScenario
import FluxSim

/// `report.md` and its SVG charts: what a reader looks at first. The scenario's every
/// assumption (`header`), charts of supply (p5–p95 band across replications), nodes,
/// block interval and income per node, tables of milestones, year-end supply (and how it
/// differs from `fluxsim emission`, `EmissionDifference`) and yearly income per node, the
/// calendar years (`RunReport+Years`), the rotation (`RotationSection`), the app market
/// and operator economics when the jobs simulated them, and the command that reproduces
/// the run.
public enum RunReport {
  public static func files(_ run: RunRecord) -> [OutputFile] {
    let charts = RunCharts(run: run)
    let fields = run.recordedFields
    let market = fields.apps ? AppMarketSection(run: run, usd: fields.economics) : nil
    let economics = fields.economics ? EconomicsSection(run: run) : nil
    let rotation = RotationSection(run: run)
    var files = [
      OutputFile(
        name: "report.md",
        contents: markdown(run, charts: charts, rotation: rotation, market: market, economics: economics))
    ]
    let all = charts.all + rotation.charts + (market?.charts ?? []) + (economics?.charts ?? [])
    files += all.map { OutputFile(name: $0.file, contents: $0.chart.svg()) }
    return files
  }

  static func markdown(
    _ run: RunRecord, charts: RunCharts, rotation: RotationSection, market: AppMarketSection?,
    economics: EconomicsSection?
  ) -> String {
    var text = "# \(MarkdownText.escape(run.name))\n\n" + header(run)
    for chart in charts.all {
      text += embed(chart, heading: "##")
      if chart.file == RunCharts.supplyFile {
        text += yearEndSupply(run) + EmissionDifference.note(run) + milestones(run)
      }
      if chart.file == RunCharts.incomeFile {
        text += "### Income per node per year (FLUX, p5 / p50 / p95 across replications)\n\n" + incomeTable(run)
      }
    }
    text += calendarYears(run) + rotation.markdown(run)
    text += market?.markdown(run) ?? ""
    text += economics?.markdown(run) ?? ""
    text += "## Reproduce\n\n" + MarkdownText.codeBlock(run.command, language: "sh")
    text += "\nOutputs: `series.csv` (one row per job and sample), "
    text += "`summary.csv` (one row per job), `payouts.csv` (per job and tier), `years.csv` (per sweep point and "
    text += "calendar year), `manifest.json`.\n"
    return text
  }

  /// A chart under a heading of its title (`figure`).
  static func embed(_ chart: RunCharts.Named, heading: String) -> String {
    "\(heading) \(chart.chart.title)\n\n" + figure(chart)
  }

  /// A chart's image, and under it the lines that coincide.
  static func figure(_ chart: RunCharts.Named) -> String {
    "![\(chart.chart.title)](\(chart.file))\n\n" + coincidence(chart.chart)
  }

  /// A note naming the lines of `chart` drawn over each other (`LineChart.coincidingSeries`),
  /// or "" when every line is visible.
  static func coincidence(_ chart: LineChart) -> String {
    let groups = chart.coincidingSeries
    guard !groups.isEmpty else { return "" }
    let listed = groups.map { inWords($0.map(MarkdownText.escape)) }.joined(separator: "; ")
    return "Lines that coincide, drawn one over another: \(listed).\n\n"
  }

  /// "a", "a and b", "a, b and c".
  static func inWords(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }

  static func yearEndSupply(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      for year in aggregate.years {
        let supply = aggregate.supply(atEndOf: year)
        // Quantiles are doubles (GSL): shown to the cent; summary.csv has each job's exact supply.
        rows.append([
          String(year), run.pointName(point), Format.fixed(supply.p5 / 1e8, 2), Format.fixed(supply.p50 / 1e8, 2),
          Format.fixed(supply.p95 / 1e8, 2),
        ])
      }
    }
    let table = Table(
      columns: ["year", "point", "supply p5", "supply p50", "supply p95"], rows: rows,
      numericColumns: ["supply p5", "supply p50", "supply p95"], textColumns: ["point"])
    return "### Supply at each year end (FLUX, to the cent; exact per job in summary.csv)\n\n" + table.markdown() + "\n"
  }

  static func milestones(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      for label in aggregate.milestoneLabels {
        let (dates, reached) = aggregate.milestone(label)
        rows.append([
          label, run.pointName(point), Format.day(Int64(dates.p5)), Format.day(Int64(dates.p50)),
          Format.day(Int64(dates.p95)), "\(reached)/\(run.plan.replications)",
        ])
      }
    }
    let table = Table(
      columns: ["milestone", "point", "p5", "p50", "p95", "reached"], rows: rows, textColumns: ["milestone", "point"])
    return "### Milestones (dates, p5 / p50 / p95 across replications)\n\n" + table.markdown() + "\n"
  }

  static func incomeTable(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      for year in aggregate.years {
        rows.append(
          [aggregate.label(ofYear: year), run.pointName(point)]
            + Tier.allCases.map { quantiles(aggregate.incomePerNode($0, in: year), 2, unit: 1e8) })
      }
    }
    return Table(columns: ["year", "point"] + Tier.allCases.map(tierTitle), rows: rows, textColumns: ["point"])
      .markdown() + "\n"
  }

  /// "p5 / p50 / p95", how the report's tables show a spread across replications; empty
  /// when no replication has a value.
  static func quantiles(_ summary: Summary, _ decimals: Int, unit: Double = 1) -> String {
    guard summary.count > 0 else { return "" }
    return [summary.p5, summary.p50, summary.p95].map { Format.fixed($0 / unit, decimals) }.joined(separator: " / ")
  }

  /// A tier as a heading or column names it: "Cumulus".
  static func tierTitle(_ tier: Tier) -> String {
    tier.description.prefix(1).uppercased() + tier.description.dropFirst()
  }
}
