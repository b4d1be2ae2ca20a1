import FluxCore
import FluxSim

/// `fluxsim compare`: emission forecasts of several scenarios side by side — all supply
/// curves on one chart with their bands, and tables of the differences at each year end
/// and at each milestone (p50 across replications, first scenario as the reference), and,
/// when every scenario simulated them, the app market and operator economics at the end.
///
/// Names, paths and sweep labels are user text: in headings and column names they are
/// escaped here (`MarkdownText`), in the columns of names the tables escape them.
public enum CompareReport {
  public static func files(_ runs: [RunRecord], command: String) -> [OutputFile] {
    let lines = runs.flatMap { run -> [ChartSeries] in
      (0..<run.plan.pointCount).map { point in
        RunCharts.line(
          run.plan.pointCount > 1 ? "\(run.name) · \(run.pointName(point))" : run.name,
          PointAggregate(results: run.results(ofPoint: point))
        ) { Double($0.supply.satoshi) / 1e8 }
      }
    }
    let chart = LineChart(
      title: "Supply by scenario", xLabel: "date", yLabel: "FLUX (p50, band p5–p95)", xAxis: .unixTime, series: lines)
    let reference = MarkdownText.escape(runs[0].name)
    var text = "# Comparison: " + runs.map { MarkdownText.escape($0.name) }.joined(separator: " vs ") + "\n\n"
    text += Table(
      columns: ["scenario", "file", "jobs"],
      rows: runs.map { [$0.name, $0.plan.file.path, "\($0.plan.pointCount) × \($0.plan.replications)"] },
      textColumns: ["scenario", "file"]
    ).markdown()
    text += "\n" + rulesSection(runs)
    text += "\n## Supply\n\n![Supply by scenario](supply.svg)\n\n"
    text += "### Supply at each year end (FLUX, p50; difference to \(reference))\n\n" + yearEnds(runs)
    text += "### Milestones (p50 date; difference to \(reference) in days)\n\n" + milestones(runs)
    text += marketAtEnd(runs)
    text += "## Reproduce\n\n" + MarkdownText.codeBlock(command, language: "sh")
    return [OutputFile(name: "report.md", contents: text), OutputFile(name: "supply.svg", contents: chart.svg())]
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

  /// Each scenario's sweep points: its name as a column shows it (escaped Markdown) and
  /// its replications.
  static func aggregates(_ runs: [RunRecord]) -> [(String, PointAggregate)] {
    runs.flatMap { run in
      (0..<run.plan.pointCount).map { point in
        (
          MarkdownText.escape(run.plan.pointCount > 1 ? "\(run.name) · \(run.pointName(point))" : run.name),
          PointAggregate(results: run.results(ofPoint: point))
        )
      }
    }
  }

  static func yearEnds(_ runs: [RunRecord]) -> String {
    let columns = aggregates(runs)
    let years = columns.map { Set($0.1.years) }.reduce(Set(columns.first?.1.years ?? [])) { $0.intersection($1) }
      .sorted()
    let header = ["year"] + withDeltas(columns.map { "\($0.0) p50 (p5–p95)" }, columns.map { "Δ \($0.0)" })
    let rows = years.map { year -> [String] in
      let supplies = columns.map { $0.1.supply(atEndOf: year) }
      return [String(year)]
        + withDeltas(
          supplies.map {
            "\(Format.grouped($0.p50 / 1e8)) (\(Format.grouped($0.p5 / 1e8))–\(Format.grouped($0.p95 / 1e8)))"
          },
          supplies.map { Format.grouped(($0.p50 - supplies[0].p50) / 1e8) })
    }
    return Table(columns: header, rows: rows).markdown() + "\n"
  }

  /// Each scenario's cell, followed, for all but the first (the reference), by its difference.
  static func withDeltas(_ values: [String], _ deltas: [String]) -> [String] {
    zip(values, deltas).enumerated().flatMap { index, pair in index == 0 ? [pair.0] : [pair.0, pair.1] }
  }

  static func milestones(_ runs: [RunRecord]) -> String {
    let columns = aggregates(runs)
    var labels: [String] = []
    for column in columns {
      for label in column.1.milestoneLabels where !labels.contains(label) { labels.append(label) }
    }
    let header = ["milestone"] + withDeltas(columns.map(\.0), columns.map { _ in "Δ days" })
    let rows = labels.map { label -> [String] in
      let milestones = columns.map { $0.1.milestone(label) }
      let reference = milestones[0]
      return [label]
        + withDeltas(
          milestones.map { $0.reached == 0 ? "not reached" : Format.day(Int64($0.dates.p50)) },
          milestones.map {
            $0.reached == 0 || reference.reached == 0
              ? "" : Format.fixed(($0.dates.p50 - reference.dates.p50) / 86_400, 1)
          })
    }
    return Table(columns: header, rows: rows, textColumns: ["milestone"]).markdown() + "\n"
  }
}
