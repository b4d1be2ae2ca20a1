import FluxCore
import FluxSim

/// How a run's supply differs from `fluxsim emission` at the same date, and why: the
/// emission table dates block h by the rules' projected clock (each era's target spacing
/// counted from a fixed anchor, `ChainParams.projectedTime`), while a run's clock starts
/// from its start block's time (the measured tip's) and then advances by the simulated
/// block intervals (mint delays, outages, PoW luck). Both have the same supply at the same
/// height; at the same date they are at different heights.
struct EmissionDifference: Equatable {
  /// Days from the table's date of the start block to the run's (positive: the run's clock
  /// is later).
  var startDays: Double
  /// The end (median final time across replications) and the heights there: the run's,
  /// and the table's last height dated at or before it.
  var end: Double
  var runHeight: Double
  var tableHeight: Double
  /// Days from the table's date of the run's last block to the run's.
  var endDays: Double
  /// The table's supply at its height minus the run's, in satoshi.
  var supply: Double

  /// The medians across the point's replications (each figure on its own).
  init(_ aggregate: PointAggregate, params: ChainParams, mode: SupplyMode) {
    let schedule = SupplySchedule(params: params, mode: mode)
    func days(_ row: SampleRow) -> Double { Double(row.time - params.projectedTime(at: row.height)) / 86_400 }
    func tableHeight(_ result: JobResult) -> Int {
      min(max(params.projectedHeight(atOrBefore: result.final.time), 0), ChainParams.maxHeight)
    }
    startDays = aggregate.spread { days($0.series[0]) }.p50
    end = aggregate.spread { Double($0.final.time) }.p50
    runHeight = aggregate.spread { Double($0.final.height) }.p50
    self.tableHeight = aggregate.spread { Double(tableHeight($0)) }.p50
    endDays = aggregate.spread { days($0.final) }.p50
    supply =
      aggregate.spread { Double((schedule.cumulativeSupply(through: tableHeight($0)) - $0.final.supply).satoshi) }
      .p50
  }

  /// Whether the run and the table disagree anywhere.
  var differs: Bool { startDays != 0 || runHeight != tableHeight || supply != 0 }

  /// The report's note under the year-end supply: a table with a row per sweep point whose
  /// run differs from the emission table, or "" when none does.
  static func note(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let config = run.plan.config(point * run.plan.replications)
      let difference = EmissionDifference(
        PointAggregate(results: run.results(ofPoint: point)), params: config.rules.params, mode: config.supplyMode)
      guard difference.differs else { continue }
      rows.append([
        run.pointName(point), Format.fixed(difference.startDays, 1), Format.day(Int64(difference.end)),
        Format.grouped(difference.runHeight), Format.grouped(difference.tableHeight),
        Format.grouped(difference.tableHeight - difference.runHeight), Format.fixed(difference.endDays, 1),
        Format.fixed(difference.supply / 1e8, 8),
      ])
    }
    guard !rows.isEmpty else { return "" }
    let numbers = [
      "start: run − table, days", "run's height", "table's height", "blocks: table − run", "days: run − table",
      "supply: table − run, FLUX",
    ]
    return "### Against `fluxsim emission` (p50 across replications)\n\n"
      + "`fluxsim emission` dates every block by the rules' projected clock (each era's target spacing from a "
      + "fixed anchor); this run's clock starts from its start block's time (the measured tip's) and then runs at "
      + "the simulated block intervals. Both issue the same supply at the same height, so at the same date they "
      + "differ: at the end the table is at another height than the run, by the blocks below (the days are how "
      + "much later the run dates its last block than the table does), and the table's supply for that date "
      + "differs from the run's by the last column.\n\n"
      + Table(
        columns: ["point", "start: run − table, days", "end"] + numbers.dropFirst(), rows: rows,
        numericColumns: Set(numbers), textColumns: ["point"]
      ).markdown() + "\n"
  }
}
