import FluxCore
import FluxScenario
import FluxSim

/// The CSV tables of a run (RFC 4180, header row, `.` decimals, fixed precision):
/// `series.csv` (one row per job per sample), `summary.csv` (one row per job),
/// `payouts.csv` (one row per job per tier) and `years.csv` (one row per sweep point per
/// calendar year, `RunTables+Years`). In a sweep, each axis has a column of its own after
/// `point` (`RunTables+Sweep`).
public enum RunTables {
  static let tierNames = Tier.allCases.map(\.description)

  /// A CSV table built a job at a time, so a run's tables can be streamed to disk.
  struct JobTable {
    let name: String
    let columns: [String]
    /// The columns of user text: `point`, the sweep point's label (values as written), and
    /// the sweep columns of values that are not numbers.
    let textColumns: Set<String>
    let rows: (PlannedJob, JobResult) -> [[String]]

    /// A table whose `columns` start with `job, point` and continue with `rest`: the sweep
    /// columns go between (`SweepCells`), filled from each job's point.
    init(
      _ name: String, _ run: RunRecord, rest: [String], rows: @escaping (PlannedJob, JobResult) -> [[String]]
    ) {
      let sweep = SweepCells(run.plan, besides: ["job", "point"] + rest)
      self.name = name
      columns = ["job", "point"] + sweep.names + rest
      textColumns = sweep.textColumns
      self.rows = { job, result in
        rows(job, result).map { [String(job.index), run.plan.label(ofPoint: job.point)] + sweep.cells(job.point) + $0 }
      }
    }

    /// The whole table (every job's rows in order).
    func table(_ run: RunRecord) -> Table { table(rows: run.plan.jobs.flatMap { rows($0, run.result($0.index)) }) }

    /// `rows` of this table (none: its header).
    func table(rows: [[String]]) -> Table { Table(columns: columns, rows: rows, textColumns: textColumns) }
  }

  /// The three tables of a run, in output order.
  static func tables(_ run: RunRecord) -> [JobTable] { [seriesTable(run), summaryTable(run), payoutsTable(run)] }

  public static func series(_ run: RunRecord) -> Table { seriesTable(run).table(run) }
  public static func summary(_ run: RunRecord) -> Table { summaryTable(run).table(run) }
  public static func payouts(_ run: RunRecord) -> Table { payoutsTable(run).table(run) }

  static func seriesTable(_ run: RunRecord) -> JobTable {
    let market = marketColumns(run.recordedFields)
    var columns = ["replication", "time", "height", "supply", "subsidy"]
    columns += tierNames.map { "paid_\($0)" } + ["dev_fund", "miner", "funds"]
    for state in ["confirmed", "offline", "starting", "dos", "expired"] {
      columns += tierNames.map { "\(state)_\($0)" }
    }
    columns += ["online_share", "block_interval", "difficulty"] + chainIndicatorColumns + market.map(\.name)
    return JobTable("series.csv", run, rest: columns) { job, result in
      result.series.indices.map { k in
        let row = result.series[k]
        var cells = [
          String(job.replication), Format.date(row.time), String(row.height), Format.flux(row.supply),
          Format.flux(row.subsidy),
        ]
        cells += Tier.allCases.map { Format.flux(row.paid[$0]) }
        cells += [Format.flux(row.devFund), Format.flux(row.miner), Format.flux(row.funds)]
        let counts: [KeyPath<NodeCounts, Int>] = [\.confirmed, \.offline, \.starting, \.dosListed, \.expired]
        for count in counts { cells += Tier.allCases.map { String(row.nodes[$0][keyPath: count]) } }
        cells += [
          Format.fixed(row.onlineShare, 6), Format.fixed(row.meanBlockInterval, 3), Format.fixed(row.difficulty, 9),
        ]
        cells += chainIndicators(row, previous: k > 0 ? result.series[k - 1] : nil)
        return cells + market.map { $0.cell(row) }
      }
    }
  }

  /// Milestone labels in the order they are first reached (by height, then label).
  static func milestoneLabels(_ run: RunRecord) -> [String] {
    var first: [String: Int] = [:]
    for result in run.results {
      for milestone in result.milestones {
        first[milestone.label] = min(first[milestone.label] ?? .max, milestone.height)
      }
    }
    return first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }
  }

  static func summaryTable(_ run: RunRecord) -> JobTable {
    let milestones = milestoneLabels(run)
    var columns = ["replication", "seed", "blocks", "final_height", "final_time", "final_supply"]
    columns += tierNames.map { "paid_\($0)" } + ["dev_fund", "miner"]
    columns += milestones.map { "milestone: \($0)" }
    return JobTable("summary.csv", run, rest: columns) { job, result in
      let final = result.final
      var cells = [
        String(job.replication), String(job.seed), String(result.blocks), String(final.height), Format.date(final.time),
        Format.flux(final.supply),
      ]
      cells +=
        Tier.allCases.map { Format.flux(final.paid[$0]) } + [Format.flux(final.devFund), Format.flux(final.miner)]
      cells += milestones.map { label in
        result.milestones.first { $0.label == label }.map { Format.date($0.time) } ?? ""
      }
      return [cells]
    }
  }

  static func payoutsTable(_ run: RunRecord) -> JobTable {
    let stats = ["count", "mean", "min", "p5", "p25", "p50", "p75", "p95", "max"]
    var columns = ["replication", "tier", "total_paid"]
    columns += stats.map { "blocks_since_paid_\($0)" } + stats.map { "income_flux_\($0)" }
    return JobTable("payouts.csv", run, rest: columns) { job, result in
      Tier.allCases.map { tier in
        let payout = result.payouts[tier]
        var cells = [String(job.replication), tier.description, Format.flux(payout.totalPaid)]
        cells += values(payout.blocksSincePaid).enumerated().map { $0 == 0 ? Format.fixed($1, 0) : Format.fixed($1, 3) }
        cells += values(payout.incomePerNode).enumerated().map {
          $0 == 0 ? Format.fixed($1, 0) : Format.flux(satoshi: $1)
        }
        return cells
      }
    }
  }

  static func values(_ summary: Summary) -> [Double] {
    [
      Double(summary.count), summary.mean, summary.min, summary.p5, summary.p25, summary.p50, summary.p75,
      summary.p95, summary.max,
    ]
  }
}
