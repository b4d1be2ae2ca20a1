/// A line chart of one or more series over shared axes, written as SVG for Markdown reports.
///
/// Reports are committed and diffed, so the same chart always gives the same bytes:
/// coordinates have two fixed decimals, attributes come in a fixed order, colours come
/// from `palette` and dash patterns from `dashes` by each series' style (colour by series
/// index unless the style names one), and nothing depends on locale, clock or hashing.
public struct LineChart: Sendable, Equatable {
  /// Line colours, cycled by series index: the Okabe–Ito palette, which stays distinct under
  /// the common colour-vision deficiencies, without its yellow, which is too pale on white.
  static let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
  /// Dash patterns (`stroke-dasharray`, pixels), cycled by a style's dash index: solid,
  /// then patterns that differ in rhythm, not only in length, so that each stays
  /// recognisable in a 24-pixel legend swatch and where lines cross.
  static let dashes = ["", "8 4", "2 3", "12 3 2 3", "4 4", "16 4", "2 6", "8 3 2 3 2 3"]

  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var xAxis: ChartAxis
  public var series: [ChartSeries]
  /// Values the y axis spans whatever the data: a reference the reader measures the lines
  /// against (a target block spacing with a margin), so that noise far smaller than it
  /// does not fill the plot and read as spikes.
  public var yIncludes: [Double]

  public init(
    title: String, xLabel: String, yLabel: String, xAxis: ChartAxis = .number, series: [ChartSeries],
    yIncludes: [Double] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xAxis = xAxis
    self.series = series
    self.yIncludes = yIncludes
  }

  /// The chart as a standalone, well-formed SVG 1.1 document with an XML declaration.
  ///
  /// Both axes span all points and bands; the y axis and a `number` x axis are widened to
  /// five to eight nice ticks (`ChartScale.niceTicks`), and empty or zero-range data get a
  /// padded range rather than NaN. Bands are drawn first, as translucent polygons (low edge,
  /// then high edge reversed), so every line stays on top of every band. A series with a
  /// single point is drawn as a dot; an empty one still gets its legend entry.
  /// - Parameters:
  ///   - width: Pixels; at least 240.
  ///   - height: Pixels; grown when needed so that the legend and an 80-pixel plot fit.
  public func svg(width: Int = 800, height: Int = 400) -> String {
    let series = series.map(\.finite)
    let layout = ChartLayout(series, xAxis: xAxis, yIncludes: yIncludes, width: width, height: height)
    let (w, h) = (String(layout.width), String(layout.height))
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "version": "1.1", "width": w, "height": h,
        "viewBox": "0 0 " + w + " " + h, "font-family": "sans-serif", "font-size": "12",
      ])
    svg.element("title", [:], text: title)
    svg.element("rect", ["width": w, "height": h, "fill": "#ffffff"])
    let centre = SVGWriter.fixed(Double(layout.width) / 2)
    svg.element("text", ["x": centre, "y": "26", "text-anchor": "middle", "font-size": "16"], text: title)
    writeAxes(layout, to: &svg)
    writeSeries(series, layout, to: &svg)
    writeLegend(series, layout, to: &svg)
    svg.close()
    return svg.document
  }
}
