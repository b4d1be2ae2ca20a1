/// Where everything goes on a chart of a given size: the plot area, both scales and the
/// legend entries.
///
/// The left margin fits the longest y tick label, and the legend wraps into rows under the
/// x axis label; the height grows when needed so that the legend and an 80-pixel plot fit.
/// Text widths are estimated at `charWidth` per character, since the SVG is written
/// without a font to measure; the estimate only decides margins and wrapping.
struct ChartLayout {
  static let charWidth = 7.0
  static let legendRowHeight = 18.0
  static let minimumWidth = 240

  var width: Int
  var height: Int
  /// The plot area, in pixels from the top left corner.
  var left: Double
  var top: Double
  var right: Double
  var bottom: Double
  var x: ChartScale
  var y: ChartScale
  /// The left edge and baseline of each series' legend entry.
  var legend: [(x: Double, y: Double)]

  /// - Parameters:
  ///   - series: The series with non-finite entries already removed.
  ///   - yIncludes: Values the y axis spans whatever the data (finite ones only).
  init(_ series: [ChartSeries], xAxis: ChartAxis, yIncludes: [Double] = [], width: Int, height: Int) {
    let xs = series.flatMap { $0.points.map(\.x) + ($0.band ?? []).map(\.x) }
    let ys =
      series.flatMap { $0.points.map(\.y) + ($0.band ?? []).flatMap { [$0.low, $0.high] } }
      + yIncludes.filter(\.isFinite)
    let (xLow, xHigh) = (xs.min() ?? 0, xs.max() ?? 1)
    switch xAxis {
    case .number: x = .linear(xLow, xHigh)
    case .unixTime: x = .time(xLow, xHigh)
    case .year: x = .years(xLow, xHigh)
    }
    y = .linear(ys.min() ?? 0, ys.max() ?? 1)
    self.width = max(width, Self.minimumWidth)
    left = 40 + Self.charWidth * Double(y.ticks.map(\.label.count).max() ?? 0)
    top = 44
    right = Double(self.width) - 32

    var slots: [(x: Double, row: Int)] = []
    var cursor = left
    for name in series.map(\.name) {
      let entryWidth = 30 + Self.charWidth * Double(name.count)
      let row = slots.last?.row ?? 0
      let wraps = cursor > left && cursor + entryWidth > right
      slots.append((wraps ? left : cursor, wraps ? row + 1 : row))
      cursor = slots[slots.count - 1].x + entryWidth + 18
    }
    let margin = 50 + Self.legendRowHeight * Double(slots.last.map { $0.row + 1 } ?? 0)
    self.height = max(height, Int(top + 80 + margin))
    let plotBottom = Double(self.height) - margin
    bottom = plotBottom
    legend = slots.map { ($0.x, plotBottom + 60 + Self.legendRowHeight * Double($0.row)) }
  }

  /// The pixel column of data value `value` on the x axis.
  func px(_ value: Double) -> Double { left + x.fraction(value) * (right - left) }

  /// The pixel row of data value `value` on the y axis.
  func py(_ value: Double) -> Double { bottom - y.fraction(value) * (bottom - top) }

  /// `"px,py"` with two decimals, for `points` attributes.
  func point(_ x: Double, _ y: Double) -> String { SVGWriter.fixed(px(x)) + "," + SVGWriter.fixed(py(y)) }
}
