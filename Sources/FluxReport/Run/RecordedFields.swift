import FluxSim

/// Which optional sample fields a run's jobs filled: the app market (`SampleRow.apps`) and
/// operator economics (`fluxUSD`, `economics`). They decide the extra `series.csv`
/// columns and report sections, so a run with neither writes the files it always wrote.
struct RecordedFields: Equatable {
  var apps = false
  var economics = false

  /// Whether there is anything beyond the chain to show.
  var any: Bool { apps || economics }

  init(apps: Bool = false, economics: Bool = false) {
    self.apps = apps
    self.economics = economics
  }

  /// What one job recorded, read from its final row: a job fills a field on every row,
  /// except `economics`, which the first row lacks (no period before it).
  init(_ result: JobResult) {
    let final = result.final
    self.init(apps: final.apps != nil, economics: final.economics != nil || final.fluxUSD != nil)
  }

  /// Either's fields.
  func union(_ other: RecordedFields) -> RecordedFields {
    RecordedFields(apps: apps || other.apps, economics: economics || other.economics)
  }
}

extension RunRecord {
  /// The fields any job of the run recorded. The replications of a sweep point share its
  /// configuration, so the first of each point tells (a sweep may switch the market on
  /// for some points only) at the cost of one result read per point.
  var recordedFields: RecordedFields {
    (0..<plan.pointCount).reduce(RecordedFields()) { $0.union(RecordedFields(result($1 * plan.replications))) }
  }
}

extension PointAggregate {
  /// The fields any replication of the point recorded.
  var recordedFields: RecordedFields { results.reduce(RecordedFields()) { $0.union(RecordedFields($1)) } }
}
