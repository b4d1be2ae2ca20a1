/// One point of a chart line in data units; for a `ChartAxis.unixTime` axis, x is Unix seconds.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// The edges of a shaded band at one x, e.g. the 5th and 95th percentile across replications.
public struct ChartBand: Sendable, Equatable {
  public var x: Double
  public var low: Double
  public var high: Double

  public init(x: Double, low: Double, high: Double) {
    self.x = x
    self.low = low
    self.high = high
  }
}

/// How a series is drawn: a colour of `LineChart.palette` and a dash pattern of
/// `LineChart.dashes`, each by index (taken modulo the palette's size).
///
/// Two dimensions so that a chart can say two things at once: in a sweep the tier is the
/// colour and the sweep point the dash, so lines that coincide (two points with the same
/// result) stay visible, and a reader finds a tier by colour in every chart.
public struct SeriesStyle: Sendable, Equatable {
  /// The colour's index; nil: the series' index in the chart.
  public var colour: Int?
  /// The dash pattern's index; 0 is a solid line.
  public var dash: Int

  public init(colour: Int? = nil, dash: Int = 0) {
    self.colour = colour
    self.dash = dash
  }
}

/// One line on a chart, optionally with a shaded band (e.g. p5–p95 across replications).
///
/// Points and band entries are joined in the order given, so pass them with x ascending.
/// Entries with a NaN or infinite value are left out, so one bad sample cannot stretch
/// the scale to infinity or put `nan` into the SVG.
public struct ChartSeries: Sendable, Equatable {
  public var name: String
  /// The line (e.g. the median), x ascending.
  public var points: [ChartPoint]
  /// An optional low/high band at x values, x ascending; drawn under the line.
  public var band: [ChartBand]?
  public var style: SeriesStyle

  public init(name: String, points: [ChartPoint], band: [ChartBand]? = nil, style: SeriesStyle = SeriesStyle()) {
    self.name = name
    self.points = points
    self.band = band
    self.style = style
  }

  /// The series without entries that have a non-finite value.
  var finite: ChartSeries {
    ChartSeries(
      name: name, points: points.filter { $0.x.isFinite && $0.y.isFinite },
      band: band?.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }, style: style)
  }
}

/// How the x values of a chart are read and labelled; the y axis is always `number`.
public enum ChartAxis: Sendable, Equatable {
  /// Plain numbers, labelled with SI suffixes (`1.5k`, `550M`).
  case number
  /// Unix seconds (UTC); ticks on 1 January labelled by year, or on the first of a month
  /// labelled `YYYY-MM` when the data spans less than three years.
  case unixTime
  /// Calendar years (x = 2030 is the year 2030): ticks on whole years, labelled as written.
  /// For values that belong to a whole year (income in it, inflation over it), so a point
  /// stands at its year and not at a date inside it.
  case year
}
