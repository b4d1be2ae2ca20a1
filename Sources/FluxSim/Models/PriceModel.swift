#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The FLUX/USD price of a job, from its `PricePath`.
///
/// A GBM path is drawn a day at a time (kept within `PricePath.usdRange`) from a stream of its own (seeded from the job's
/// seed), so the same seed gives the same price path whatever else the job models:
/// runs that differ only in, say, the revenue share see the same market.
struct PriceModel {
  let path: PricePath
  let startTime: Int64
  private let stream: RandomStream?
  /// Daily GBM values, day 0 at `startTime`, drawn as far as asked for.
  private var days: [Double] = []

  static let day: Int64 = 86_400

  init(path: PricePath, startTime: Int64, seed: UInt64) {
    self.path = path
    self.startTime = startTime
    if case .gbm(let start, _, _) = path {
      stream = RandomStream(seed: seed)
      days = [start]
    } else {
      stream = nil
    }
  }

  /// USD per FLUX at `time` (GBM: linear between the daily values).
  mutating func usd(at time: Int64) -> Double {
    switch path {
    case .constant(let value):
      return value
    case .series(let points):
      return Self.interpolate(points, at: time)
    case .gbm(_, let drift, let volatility):
      let offset = Double(max(0, time - startTime)) / Double(Self.day)
      let day = Int(offset)
      while days.count <= day + 1, let stream {
        // One day of GBM: Δ in years; Z from GSL's standard normal.
        let dt = Double(Self.day) / Double(JobConfig.secondsPerYear)
        let z = stream.normal(mean: 0, sd: 1)
        let next =
          days[days.count - 1] * exp((drift - volatility * volatility / 2) * dt + volatility * dt.squareRoot() * z)
        days.append(min(max(next, PricePath.usdRange.lowerBound), PricePath.usdRange.upperBound))
      }
      let fraction = offset - Double(day)
      return days[day] + (days[day + 1] - days[day]) * fraction
    }
  }

  /// The price averaged over the seconds `from` … `to`: the integral of the path (linear
  /// between its points, or between a GBM's daily values) divided by the span, exact by
  /// the trapezoid rule over those breakpoints. The price at `from` for an empty span.
  mutating func meanUSD(from: Int64, to: Int64) -> Double {
    guard to > from else { return usd(at: from) }
    var knots: [Int64] = []
    switch path {
    case .constant(let value): return value
    case .series(let points): knots = points.map(\.time).filter { $0 > from && $0 < to }
    case .gbm:
      var knot = startTime + (max(0, from - startTime) / Self.day + 1) * Self.day
      while knot < to {
        knots.append(knot)
        knot += Self.day
      }
    }
    var area = 0.0
    var previous = (time: from, usd: usd(at: from))
    for knot in knots + [to] {
      let value = usd(at: knot)
      area += Double(knot - previous.time) * (previous.usd + value) / 2
      previous = (knot, value)
    }
    return area / Double(to - from)
  }

  /// Linear interpolation between the points, flat outside them.
  static func interpolate(_ points: [PricePoint], at time: Int64) -> Double {
    guard let first = points.first, let last = points.last else { return 0 }
    if time <= first.time { return first.usd }
    if time >= last.time { return last.usd }
    // The first point after `time` (binary search: series may be long CSV files).
    var low = 0
    var high = points.count - 1
    while low < high {
      let middle = (low + high) / 2
      if points[middle].time <= time { low = middle + 1 } else { high = middle }
    }
    let a = points[low - 1]
    let b = points[low]
    return a.usd + (b.usd - a.usd) * Double(time - a.time) / Double(b.time - a.time)
  }
}
