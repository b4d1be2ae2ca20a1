import FluxCore

extension CompareReport {
  /// The columns naming a row of compare.csv, before the metrics' columns.
  static let keyColumns = ["scenario", "point", "replications", "checkpoint", "year", "time"]

  /// compare.csv: one row per compared column (scenario, sweep point) and checkpoint (each
  /// year every replication completed, labelled "2026 (part)" for the year a run starts
  /// in, then "end"), with `year` the checkpoint's calendar year and `time` its median
  /// date; then for each metric column (`nodes_cumulus`) its `_p5`, `_p50` and `_p95`
  /// across replications, in the metric's unit, "not tracked" where the scenario does not
  /// record it and empty where it has no value (a yearly total at the end).
  static func table(_ metrics: [CompareMetric], _ columns: [CompareColumn]) -> Table {
    var header = keyColumns
    for metric in metrics {
      for part in metric.columns {
        let stem = part.tier.map { "\(metric.name)_\($0)" } ?? metric.name
        header += ["p5", "p50", "p95"].map { "\(stem)_\($0)" }
      }
    }
    var rows: [[String]] = []
    for column in columns {
      for checkpoint in column.checkpoints {
        let time = Int64(column.time(checkpoint))
        var row = [
          column.run.name, column.run.plan.label(ofPoint: column.point), String(column.run.plan.replications),
        ]
        switch checkpoint {
        case .year(let year): row += [column.aggregate.label(ofYear: year), String(year)]
        case .end: row += ["end", String(UTCTime.components(time).year)]
        }
        row.append(Format.date(time))
        for metric in metrics {
          for part in metric.columns {
            guard column.tracks(metric) else {
              row += Array(repeating: "not tracked", count: 3)
              continue
            }
            let value = column.value(part, at: checkpoint)
            row +=
              value.count == 0
              ? ["", "", ""]
              : [value.p5, value.p50, value.p95].map { Format.fixed($0 / metric.scale, metric.decimals) }
          }
        }
        rows.append(row)
      }
    }
    return Table(columns: header, rows: rows, textColumns: ["scenario", "point", "checkpoint"])
  }

  /// compare.json: the rows of `table` as a list of objects, keys its column names in
  /// order (`JSONText.records`). A cell of a text column is a string; any other cell is a
  /// JSON number when it is one as written (so the digits are compare.csv's), null when
  /// empty, else a string ("not tracked", a date).
  static func json(_ table: Table) -> String {
    let numbers = Set(table.columns.filter { !table.textColumns.contains($0) })
    return JSONText.array(JSONText.records(table, numbers: numbers)) + "\n"
  }
}
