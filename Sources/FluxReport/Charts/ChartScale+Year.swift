extension ChartScale {
  /// The most years a year axis spans either side of zero: far beyond any run's calendar
  /// (dates end in 9999), and small enough that every year is an exact `Int`.
  static let yearLimit = 1_000_000.0

  /// A year axis (`ChartAxis.year`) over `lower...upper`: from half a year before the first
  /// whole year to half a year after the last, so a value at its year stands clear of the
  /// axis ends, with ticks on whole years stepping 1, 2, 5, 10, 20, … (at most eight),
  /// labelled as the year is written (`2030`, not `2.03k`). Values are clamped to
  /// ±`yearLimit`; NaN is read as 0.
  static func years(_ lower: Double, _ upper: Double) -> ChartScale {
    func clamp(_ value: Double) -> Double { value.isNaN ? 0 : min(max(value, -yearLimit), yearLimit) }
    let first = Int(min(clamp(lower), clamp(upper)).rounded(.down))
    let last = Int(max(clamp(lower), clamp(upper)).rounded(.up))
    return ChartScale(
      lower: Double(first) - 0.5, upper: Double(last) + 0.5,
      ticks: steps(from: first, to: last, by: yearSteps).map { ChartTick(value: Double($0), label: String($0)) })
  }
}
