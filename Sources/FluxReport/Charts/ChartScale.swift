/// A tick on an axis: its position in data units and its label.
struct ChartTick: Sendable, Equatable {
  var value: Double
  var label: String
}

/// One axis: the interval of data values it spans and the ticks along it.
///
/// Numeric axes are widened to their outermost ticks, so the plot starts and ends on a
/// labelled gridline. Time axes keep the data's own span (see `time(_:_:)`), since a run
/// starting in October should not be padded back to January.
struct ChartScale: Sendable, Equatable {
  var lower: Double
  var upper: Double
  var ticks: [ChartTick]

  /// Where `value` falls between `lower` (0) and `upper` (1); 0.5 for an empty interval.
  func fraction(_ value: Double) -> Double {
    upper > lower ? (value - lower) / (upper - lower) : 0.5
  }

  /// A numeric axis covering `lower...upper`, with `niceTicks` and SI labels.
  static func linear(_ lower: Double, _ upper: Double) -> ChartScale {
    let values = niceTicks(lower, upper)
    let labels = TickLabels.si(values)
    return ChartScale(
      lower: values[0], upper: values[values.count - 1],
      ticks: zip(values, labels).map { ChartTick(value: $0, label: $1) })
  }

  /// Five to eight evenly spaced ticks from at or below `lower` to at or above `upper`, at
  /// multiples of a step of 1, 2, 2.5 or 5 × 10^k.
  ///
  /// Takes the finest such step that needs at most eight ticks once the range is widened to
  /// whole steps. Neighbouring steps differ by at most a factor of two, so the previous one
  /// needing nine or more ticks means this one needs at least five. Each tick is computed as
  /// an integer times a power of ten, rounded once, so 0.3 is the Double nearest 0.3 and not
  /// 0.30000000000000004. The range is first made usable by `padded(_:_:)`.
  static func niceTicks(_ lower: Double, _ upper: Double) -> [Double] {
    let (low, high) = padded(lower, upper)
    // A step of 10 × 10^(e−3) ≤ span / 100 needs over 100 ticks: a safe place to start.
    var exponent = decimalExponent(high - low) - 3
    while true {
      for mantissa in [10.0, 20, 25, 50] {
        let first = wholeSteps(low, mantissa, exponent, .down)
        let last = wholeSteps(high, mantissa, exponent, .up)
        if last - first <= 7 {
          return (0...Int(last - first)).map { scaled((first + Double($0)) * mantissa, exponent) }
        }
      }
      exponent += 1
    }
  }

  /// The range ordered and clamped to ±1e300 (NaN read as 0), and widened around its middle
  /// by a tenth of the middle's size (or by 1 near zero) when it is narrower than a
  /// billionth of its magnitude or than 1e-100, so that all y equal, a single point or no
  /// data still give a proper axis.
  static func padded(_ lower: Double, _ upper: Double) -> (Double, Double) {
    func clamp(_ value: Double) -> Double { value.isNaN ? 0 : min(max(value, -1e300), 1e300) }
    var (low, high) = (min(clamp(lower), clamp(upper)), max(clamp(lower), clamp(upper)))
    let span = high - low
    if span <= max(abs(low), abs(high)) * 1e-9 || span <= 1e-100 {
      let middle = low / 2 + high / 2
      let pad = abs(middle) > 1e-100 ? abs(middle) / 10 : 1
      (low, high) = (middle - pad, middle + pad)
    }
    return (low, high)
  }

  /// `n × 10^e`, rounded once: powers of ten up to 10^22 are exact Doubles.
  static func scaled(_ n: Double, _ e: Int) -> Double {
    var power = 1.0
    for _ in 0..<abs(e) { power *= 10 }
    return e >= 0 ? n * power : n / power
  }

  /// The largest `e` with 10^e ≤ `value`, for a positive finite `value`.
  private static func decimalExponent(_ value: Double) -> Int {
    var e = 0
    while scaled(1, e) > value { e -= 1 }
    while scaled(1, e + 1) <= value { e += 1 }
    return e
  }

  /// `value` in steps of `mantissa × 10^exponent`, rounded by `rule`, after snapping
  /// quotients within 10^-12 (relative) of a whole number to it, since 0.3 / 0.1 is
  /// 2.9999999999999996. Relative, so that a tiny value near zero still rounds away from it.
  private static func wholeSteps(
    _ value: Double, _ mantissa: Double, _ exponent: Int, _ rule: FloatingPointRoundingRule
  ) -> Double {
    let steps = value / scaled(mantissa, exponent)
    let nearest = steps.rounded()
    return abs(steps - nearest) <= 1e-12 * abs(steps) ? nearest : steps.rounded(rule)
  }
}
