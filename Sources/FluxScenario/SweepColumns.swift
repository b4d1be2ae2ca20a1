import Foundation

/// A sweep axis as a table column: its key path, and each sweep point's value typed, so
/// that a data frame can plot or group by it as it stands (10, not `…=10`).
///
/// Values are numbers in one unit per kind of value, whatever unit each was written in:
///
/// | written | the column holds |
/// |---|---|
/// | a plain number (`10`, `0.30`, `1_051_200`) | the number |
/// | a percentage (`20%`, `5%/year`) | the percentage (20, 5) |
/// | a duration (`30s`, `6h`, `20y`) | seconds |
/// | an app subscription (`88000`, `30d`) | blocks (30 s per block) |
/// | app arrivals (`50/day`) | apps per day |
/// | other rates: churn, ROI response (`0.03/month`), costs (`$8/month`) | per month (a twelfth of 365.2425 days) |
/// | a price (`$0.30`), a hashrate (`2.5M/s`), a size (`2GB`), a fraction (`1/2`) | USD, solutions per second, MB, the quotient |
///
/// Numbers have at most 15 significant digits. An axis with any other value (a word such
/// as `none` or `never`, a date) holds every value as written, as text.
public struct SweepColumn: Sendable, Equatable {
  /// The key path the axis sweeps (`fleet.churn.exits`).
  public let keyPath: String
  /// Whether every value is a number (otherwise the cells are the values as written).
  public let numeric: Bool
  /// The cell of each sweep point, by point index.
  public let cells: [String]
}

extension RunPlan {
  /// One column per sweep axis, in the order of the axes (none without a sweep).
  public var sweepColumns: [SweepColumn] {
    file.scenario.sweep.indices.map { axis in
      let keyPath = file.scenario.sweep[axis].keyPath
      let written = file.points.map { $0.assignments[axis].value }
      let numbers = written.map { SweepValue.number(keyPath: keyPath, text: $0) }
      let numeric = numbers.allSatisfy { $0 != nil }
      return SweepColumn(
        keyPath: keyPath, numeric: numeric,
        cells: numeric ? numbers.map { $0!.compactDescription } : written)
    }
  }
}

/// Sweep values read as numbers in their column's unit (`SweepColumn`).
enum SweepValue {
  /// `text`, a value of the field at `keyPath`, as a number, or nil when it is not one.
  ///
  /// Rounded to 15 significant digits: a unit conversion's last bit of binary noise would
  /// otherwise print 0.6/year as 0.049999999999999996 per month instead of 0.05.
  static func number(keyPath: String, text: String) -> Double? {
    guard let value = typed(keyPath: keyPath, text: text.trimmingSpaces), value.isFinite else { return nil }
    return Double(String(format: "%.15g", value)) ?? value
  }

  private static func typed(keyPath: String, text: String) -> Double? {
    if keyPath.hasSuffix("subscription") { return SubscriptionValue(text: text).map { Double($0.blocks) } }
    if let number = UnitParser.number(Substring(text)) { return number }
    if let percent = PercentValue(text: text) { return percent.percent }
    if let percent = AnnualPercentValue(text: text) { return percent.percent }
    if let duration = DurationValue(text: text) { return duration.seconds }
    if let cost = USDRateValue(text: text) { return cost.perMonth }
    if let rate = RateValue(text: text) { return keyPath.hasPrefix("apps.arrivals") ? rate.perDay : rate.perMonth }
    if let hashrate = HashrateValue(text: text) { return hashrate.solutionsPerSecond }
    if let size = DataSizeValue(text: text) { return size.megabytes }
    if text.hasPrefix("$") { return USDPriceValue(text: text)?.usd }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2, let numerator = UnitParser.number(parts[0]), let denominator = UnitParser.number(parts[1]),
      denominator != 0
    {
      return numerator / denominator
    }
    return nil
  }
}
