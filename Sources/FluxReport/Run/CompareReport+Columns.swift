import FluxCore
import FluxSim

/// One compared line of `fluxsim compare`: a scenario, or one sweep point of it, with its
/// replications lined up (`PointAggregate`) and what its jobs recorded.
struct CompareColumn {
  /// "name", or "name · point label" in a sweep (user text, unescaped).
  let name: String
  let run: RunRecord
  let point: Int
  let aggregate: PointAggregate
  let fields: RecordedFields

  /// Where a compared value is read: at the end of a calendar year, or at the end of the
  /// horizon.
  enum Checkpoint: Hashable, Comparable {
    case year(Int)
    case end
  }

  /// Every sweep point of every run, in order.
  static func all(_ runs: [RunRecord]) -> [CompareColumn] {
    runs.flatMap { run in
      (0..<run.plan.pointCount).map { point in
        let aggregate = PointAggregate(results: run.results(ofPoint: point))
        return CompareColumn(
          name: run.plan.pointCount > 1 ? "\(run.name) · \(run.pointName(point))" : run.name, run: run, point: point,
          aggregate: aggregate, fields: aggregate.recordedFields)
      }
    }
  }

  var markdownName: String { MarkdownText.escape(name) }

  /// The engine configuration of the point's first job (the replications differ only in seed).
  var config: JobConfig { run.plan.config(point * run.plan.replications) }

  /// Whether the jobs recorded what `metric` reads.
  func tracks(_ metric: CompareMetric) -> Bool { metric.needs.isMet(by: fields) }

  /// The years every replication completed, then the end.
  var checkpoints: [Checkpoint] { aggregate.years.map(Checkpoint.year) + [.end] }

  /// The checkpoints of any of `columns`, years ascending, then the end.
  static func checkpoints(_ columns: [CompareColumn]) -> [Checkpoint] {
    Set(columns.flatMap(\.checkpoints)).sorted()
  }

  /// How a table names `checkpoint` for all `columns`: the year, "(part)" when a column
  /// starts inside it; "end", with the date when every column ends on the same day.
  static func label(_ checkpoint: Checkpoint, _ columns: [CompareColumn]) -> String {
    switch checkpoint {
    case .year(let year):
      let partial = columns.contains { $0.aggregate.years.contains(year) && !$0.aggregate.isFullYear(year) }
      return partial ? "\(year) (part)" : String(year)
    case .end:
      let days = Set(columns.map { Format.day(Int64($0.endTime)) })
      return days.count == 1 ? "end \(days.first!)" : "end"
    }
  }

  /// The median time of the last block across replications.
  var endTime: Double { aggregate.spread { Double($0.final.time) }.p50 }

  /// When `checkpoint` falls (median across replications).
  func time(_ checkpoint: Checkpoint) -> Double {
    switch checkpoint {
    case .year(let year): aggregate.time(atEndOf: year)
    case .end: endTime
    }
  }

  /// A metric column's quantiles across replications at `checkpoint` (unscaled; count 0
  /// where none has a value: a year the column did not complete, a yearly total at the end).
  func value(_ part: CompareMetric.Column, at checkpoint: Checkpoint) -> Summary {
    switch (part.reading, checkpoint) {
    case (.level(let value, _), .end): return aggregate.spread { value($0.final) }
    case (.level(let value, let yearEnd), .year(let year)):
      return aggregate.spread { result in
        JobYear.year(year, of: result).flatMap { year in
          yearEnd.map { $0(year.end) } ?? value(result.sample(atOrBefore: year.end.time))
        }
      }
    case (.yearly(let total), .year(let year)):
      return aggregate.years.contains(year) ? total(aggregate, year) : .empty
    case (.yearly, .end): return .empty
    }
  }

  /// The target block spacings the point's jobs met.
  var targetSpacings: [Int64] { RunCharts.targetSpacings(config.rules.params, aggregate) }
}
