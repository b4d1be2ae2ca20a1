import FluxCore

extension ChartScale {
  /// Spans shorter than this are widened around their middle so that at least three month
  /// ticks fall inside.
  static let minimumTimeSpan = 120.0 * 86_400
  /// From this span on, ticks go on 1 January instead of the first of a month.
  static let yearTicksFrom = 3 * 365.2425 * 86_400

  /// A time axis over Unix seconds (UTC) with ticks on 1 January, labelled by year, or for
  /// spans under three years on the first of a month, labelled `YYYY-MM`.
  ///
  /// Years step by 1, 2, 5, 10, 20, 50, … and months by 1, 2, 3 or 6, the finest giving at
  /// most eight ticks; steps count from year 0 and January, so ticks fall on round years
  /// and quarters. Times are clamped to ±10^12 s (about ±31,700 years), where the calendar
  /// arithmetic in Int64 is safe; NaN is read as 0.
  static func time(_ lower: Double, _ upper: Double) -> ChartScale {
    func clamp(_ value: Double) -> Double { value.isNaN ? 0 : min(max(value, -1e12), 1e12) }
    var (low, high) = (min(clamp(lower), clamp(upper)), max(clamp(lower), clamp(upper)))
    if high - low < minimumTimeSpan {
      let middle = low / 2 + high / 2
      (low, high) = (middle - minimumTimeSpan / 2, middle + minimumTimeSpan / 2)
    }
    let first = UTCTime.components(Int64(low.rounded(.up)))
    let last = UTCTime.components(Int64(high.rounded(.down)))
    let startsOnFirst = first.day == 1 && first.hour == 0 && first.minute == 0 && first.second == 0
    if high - low >= yearTicksFrom {
      let startsOnNewYear = startsOnFirst && first.month == 1
      let years = steps(from: first.year + (startsOnNewYear ? 0 : 1), to: last.year, by: yearSteps)
      return ChartScale(lower: low, upper: high, ticks: years.map { tick($0, 1, label: String($0)) })
    }
    let firstMonth = first.year * 12 + first.month - 1 + (startsOnFirst ? 0 : 1)
    let months = steps(from: firstMonth, to: last.year * 12 + last.month - 1, by: [1, 2, 3, 6])
    return ChartScale(
      lower: low, upper: high,
      ticks: months.map { index in
        let (year, month) = (floorDivide(index, 12), index - floorDivide(index, 12) * 12 + 1)
        return tick(year, month, label: String(year) + (month < 10 ? "-0" : "-") + String(month))
      })
  }

  /// 1, 2, 5, 10, 20, 50, … years.
  static var yearSteps: some Sequence<Int> {
    sequence(first: 1) { $0 * 10 }.lazy.flatMap { [$0, 2 * $0, 5 * $0] }
  }

  private static func tick(_ year: Int, _ month: Int, label: String) -> ChartTick {
    ChartTick(value: Double(UTCTime.seconds(UTCTime.Components(year: year, month: month, day: 1))), label: label)
  }

  /// The multiples within `first...last` of the first step in `candidates` that has at most eight.
  static func steps(from first: Int, to last: Int, by candidates: some Sequence<Int>) -> [Int] {
    for step in candidates {
      let start = floorDivide(first + step - 1, step) * step
      if start > last || (last - start) / step < 8 { return Array(stride(from: start, through: last, by: step)) }
    }
    return []
  }

  private static func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }
}
