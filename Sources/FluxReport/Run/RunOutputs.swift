/// Every file of a run's output folder, in a fixed order: the tables, the report and its
/// charts, the inputs (`scenario.yaml` and the data files it names: `RunInputs`), the manifest.
///
/// `write` hands the files over in chunks — the per-job CSV tables a job at a time,
/// reading each job's result once, then `years.csv` a sweep point at a time — so the
/// command line can stream a run of any size to disk; `files` collects the same chunks
/// as values for tests.
public enum RunOutputs {
  public static let manifestName = "manifest.json"

  /// Emits every file as `(name, chunk)` pairs; a file's chunks come in order and its
  /// first chunk creates it.
  public static func write(_ run: RunRecord, extraOutputs: [String] = [], emit: (String, String) throws -> Void)
    rethrows
  {
    let tables = RunTables.tables(run)
    for table in tables { try emit(table.name, table.table(rows: []).csv()) }
    for job in run.plan.jobs {
      let result = run.result(job.index)
      for table in tables {
        try emit(table.name, table.table(rows: table.rows(job, result)).csv(header: false))
      }
    }
    let years = RunTables.yearsTable(run)
    try emit(RunTables.YearsTable.name, years.table(rows: []).csv())
    for point in 0..<run.plan.pointCount {
      let rows = years.rows(point, PointAggregate(results: run.results(ofPoint: point)))
      try emit(RunTables.YearsTable.name, years.table(rows: rows).csv(header: false))
    }
    let report = RunReport.files(run)
    for file in report { try emit(file.name, file.contents) }
    let inputs = RunInputs.files(run.plan.file)
    for file in inputs { try emit(file.name, file.contents) }
    let names =
      tables.map(\.name) + [RunTables.YearsTable.name] + report.map(\.name) + inputs.map(\.name) + extraOutputs + [
        manifestName
      ]
    try emit(manifestName, Manifest(run: run, outputs: names).json())
  }

  /// All files as values.
  public static func files(_ run: RunRecord) -> [OutputFile] {
    var order: [String] = []
    var contents: [String: String] = [:]
    write(run) { name, chunk in
      if contents[name] == nil { order.append(name) }
      contents[name, default: ""] += chunk
    }
    return order.map { OutputFile(name: $0, contents: contents[$0, default: ""]) }
  }
}
