import FluxScenario

/// The sweep columns of a table: one per axis, after `point`, named by the axis's key path
/// and holding each point's value typed (`SweepColumn`: numbers in one unit per kind, or
/// the values as written when an axis has a word among them).
///
/// A key path that is also one of the table's own columns (a sweep of `seed` in
/// `summary.csv`, of `start` in `years.csv`) is named `sweep.<key path>` there, so that
/// no header appears twice.
struct SweepCells {
  let names: [String]
  /// `point` and the names of the text sweep columns (user text, escaped in CSV).
  let textColumns: Set<String>
  private let columns: [SweepColumn]

  init(_ plan: RunPlan, besides own: [String]) {
    columns = plan.sweepColumns
    let taken = Set(own)
    names = columns.map { taken.contains($0.keyPath) ? "sweep.\($0.keyPath)" : $0.keyPath }
    textColumns = Set(zip(columns, names).filter { !$0.0.numeric }.map(\.1)).union(["point"])
  }

  /// The cells of sweep point `point`.
  func cells(_ point: Int) -> [String] { columns.map { $0.cells[point] } }
}
