extension LineChart {
  /// The names of series drawn on top of each other, in groups of two or more in chart
  /// order: series whose lines have the same points (after non-finite ones are left
  /// out; bands may differ, one line hides the other all the same). Two scenarios or
  /// sweep points with the same result give one visible line; a report names them under
  /// the chart, and dash patterns keep each one findable on the plot.
  public var coincidingSeries: [[String]] {
    let drawn = series.map(\.finite)
    var grouped = Set<Int>()
    var groups: [[String]] = []
    for (index, item) in drawn.enumerated() where !grouped.contains(index) && !item.points.isEmpty {
      let same = drawn.indices.dropFirst(index + 1).filter { other in
        !grouped.contains(other) && drawn[other].points == item.points
      }
      guard !same.isEmpty else { continue }
      grouped.formUnion(same)
      groups.append([item.name] + same.map { drawn[$0].name })
    }
    return groups
  }
}
