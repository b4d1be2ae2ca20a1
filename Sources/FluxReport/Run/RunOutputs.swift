/// Every file of a run's output folder, in a fixed order, as values: the command line
/// writes them (atomically); tests read them without touching the disk.
public enum RunOutputs {
  public static func files(_ run: RunRecord) -> [OutputFile] {
    var files = [
      OutputFile(name: "series.csv", contents: RunTables.series(run).csv()),
      OutputFile(name: "summary.csv", contents: RunTables.summary(run).csv()),
      OutputFile(name: "payouts.csv", contents: RunTables.payouts(run).csv()),
    ]
    files += RunReport.files(run)
    let names = files.map(\.name) + ["manifest.json"]
    files.append(OutputFile(name: "manifest.json", contents: Manifest(run: run, outputs: names).json()))
    return files
  }
}
