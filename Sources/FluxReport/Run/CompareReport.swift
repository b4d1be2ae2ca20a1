import FluxCore
import FluxSim

/// `fluxsim compare`: several scenarios side by side — the assumptions that differ, each
/// chosen metric (`CompareMetric`) charted with its p5–p95 band and tabled at each year and
/// at the end (p50, first scenario as the reference), the milestones, and `compare.csv`
/// (or `compare.json`) with every value the tables and charts show, p5, p50 and p95.
///
/// Every sweep point of every scenario is one compared column. Names, paths and sweep
/// labels are user text: in headings and column names they are escaped here
/// (`MarkdownText`), in the columns of names the tables escape them.
public enum CompareReport {
  public static let reportName = "report.md"
  public static let csvName = "compare.csv"
  public static let jsonName = "compare.json"

  /// The format of the table written beside report.md.
  public enum DataFormat: String, CaseIterable, Sendable {
    /// `compare.csv`.
    case csv
    /// `compare.json`: the same fields, as a list of objects.
    case json
  }

  /// Every file a comparison's folder may hold: how a folder fluxsim wrote is recognised.
  public static var fileNames: Set<String> { Set([reportName, csvName, jsonName] + CompareMetric.chartFiles) }

  /// - Parameter metrics: The metrics to compare; nil: `CompareMetric.defaultNames`, those
  ///   of them that no scenario tracks left out.
  public static func files(
    _ runs: [RunRecord], command: String, metrics: [CompareMetric]? = nil, format: DataFormat = .csv
  ) -> [OutputFile] {
    let columns = CompareColumn.all(runs)
    let shown =
      metrics
      ?? CompareMetric.all.filter { metric in
        CompareMetric.defaultNames.contains(metric.name) && columns.contains { $0.tracks(metric) }
      }
    let reference = MarkdownText.escape(columns[0].name)
    var text = "# Comparison: " + runs.map { MarkdownText.escape($0.name) }.joined(separator: " vs ") + "\n\n"
    text += Table(
      columns: ["scenario", "file", "jobs"],
      rows: runs.map { [$0.name, $0.plan.file.path, "\($0.plan.pointCount) × \($0.plan.replications)"] },
      textColumns: ["scenario", "file"]
    ).markdown()
    text += "\n" + assumptionsSection(runs) + rulesSection(runs)
    text += "\n## Milestones (p50 date; difference to \(reference) in days)\n\n" + milestones(columns)
    var charts: [OutputFile] = []
    for metric in shown {
      let chart = self.chart(metric, columns)
      text += section(metric, chart: chart, columns)
      if let chart { charts.append(OutputFile(name: metric.chartFile, contents: chart.svg())) }
    }
    text += "## Reproduce\n\n" + MarkdownText.codeBlock(command, language: "sh")
    let data = table(shown, columns)
    text += "\nOutputs: `\(format == .csv ? csvName : jsonName)`: one row per scenario, sweep point and checkpoint "
    text += "(each year's end and the end), with p5, p50 and p95 across replications of every metric above "
    text += "(\"not tracked\" where a scenario does not record it).\n"
    let dataFile =
      format == .csv
      ? OutputFile(name: csvName, contents: data.csv()) : OutputFile(name: jsonName, contents: json(data))
    return [OutputFile(name: reportName, contents: text), dataFile] + charts
  }

  /// Each scenario's rules (of its first sweep point), and every scheduled change with
  /// its activation height and date and its overrides.
  static func rulesSection(_ runs: [RunRecord]) -> String {
    var text = "## Rules\n\n"
    text += Table(
      columns: ["scenario", "rules"],
      rows: runs.map { [$0.name, RulesText.summary($0.plan.config(0).rules, mode: $0.plan.config(0).supplyMode)] },
      textColumns: ["scenario"]
    ).markdown()
    for run in runs where !run.plan.config(0).rules.changes.isEmpty {
      text += "\nScheduled changes of \(run.name):\n\n" + RulesText.changeList(run.plan.config(0).rules.params)
    }
    return text
  }

  /// Each scenario's cell, followed, for all but the first (the reference), by its difference.
  static func withDeltas(_ values: [String], _ deltas: [String]) -> [String] {
    zip(values, deltas).enumerated().flatMap { index, pair in index == 0 ? [pair.0] : [pair.0, pair.1] }
  }

  /// A metric's section: what it measures, its chart (with the lines that coincide) and
  /// its table of p50s with the differences to the first column.
  static func section(_ metric: CompareMetric, chart: LineChart?, _ columns: [CompareColumn]) -> String {
    var text = "## \(metric.title)\n\n\(metric.summary.prefix(1).uppercased() + metric.summary.dropFirst()).\n\n"
    guard let chart else {
      let needs = metric.needs == .apps ? "apps" : "economics"
      return text + "No compared scenario tracks it: it needs a scenario with `\(needs):`.\n\n"
    }
    text += RunReport.figure(RunCharts.Named(file: metric.chartFile, chart: chart))
    let tiered = metric.columns[0].tier != nil
    let checkpoints = CompareColumn.checkpoints(columns).filter { metric.isLevel || $0 != .end }
    var rows: [[String]] = []
    for checkpoint in checkpoints {
      for part in metric.columns {
        let medians = columns.map { column -> Double? in
          guard column.tracks(metric) else { return nil }
          let value = column.value(part, at: checkpoint)
          return value.count > 0 ? value.p50 / metric.scale : nil
        }
        let cells = zip(columns, medians).map { column, median in
          column.tracks(metric) ? median.map(metric.markdown) ?? "" : "not tracked"
        }
        let deltas = medians.map { median in
          guard let median, let first = medians[0] else { return "" }
          return metric.markdown(median - first)
        }
        rows.append(
          [CompareColumn.label(checkpoint, columns)] + (tiered ? [RunReport.tierTitle(part.tier!)] : [])
            + withDeltas(cells, deltas))
      }
    }
    let names = columns.map(\.markdownName)
    let header =
      ["at"] + (tiered ? ["tier"] : []) + withDeltas(names, names.map { "Δ \($0)" })
    let at = metric.isLevel ? "each year's end and the end" : "each calendar year"
    text += "\(metric.unit), p50 across replications at \(at); Δ: difference to \(names[0]).\n\n"
    return text + Table(columns: header, rows: rows).markdown() + "\n"
  }

  /// A metric's chart: a level over time at every sample, a yearly total at each full
  /// year; tiers by colour and compared columns by dash. Nil when no column tracks it.
  static func chart(_ metric: CompareMetric, _ columns: [CompareColumn]) -> LineChart? {
    let tracking = columns.enumerated().filter { $0.element.tracks(metric) }
    guard !tracking.isEmpty else { return nil }
    var series: [ChartSeries] = []
    for part in metric.columns {
      for (index, column) in tracking {
        let name = part.tier.map { "\($0) · \(column.name)" } ?? column.name
        let style = part.tier.map { SeriesStyle.tier($0, point: index) } ?? .point(index)
        switch part.reading {
        case .level(let value, _):
          series.append(RunCharts.line(name, column.aggregate, style: style) { value($0).map { $0 / metric.scale } })
        case .yearly(let total):
          let years = column.aggregate.years.filter(column.aggregate.isFullYear)
          series.append(
            ChartSeries(
              name: name, x: years.map(Double.init), quantiles: years.map { total(column.aggregate, $0) },
              unit: metric.scale, style: style))
        }
      }
    }
    let spacings = metric.spansTargetSpacing ? tracking.flatMap { $0.element.targetSpacings } : []
    return LineChart(
      title: "\(metric.title) by scenario", xLabel: metric.isLevel ? "date" : "year",
      yLabel: "\(metric.unit) (p50, band p5–p95)", xAxis: metric.isLevel ? .unixTime : .year, series: series,
      yIncludes: RunCharts.intervalRange(spacings))
  }
}
