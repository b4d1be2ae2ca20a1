/// Total conversions of drawn or computed Doubles into the engine's integers.
///
/// `Int64(x)` and `Int(x)` trap when `x` is NaN, infinite or out of range, and a draw in a
/// distribution's far tail (a lognormal with a wide sigma, a Weibull with a small shape, an
/// exponential wait at a tiny rate) can be any of those. Every such conversion in the
/// engine goes through here: a time that does not fit becomes `never`, past every horizon,
/// and a count is clamped into the range its use allows, so no draw can trap a job.
enum Checked {
  /// A time past every horizon (about 146 billion years from the epoch): an event
  /// scheduled there never happens, and adding any delay the engine computes to a time
  /// before it cannot overflow.
  static let never = Int64.max / 2

  /// The time `delay` seconds after `now`, rounded and at least one second later (so
  /// time always advances); `never` when it would not come before it (or is NaN).
  @inline(__always) static func time(after delay: Double, from now: Int64) -> Int64 {
    let rounded = delay.rounded()
    guard !rounded.isNaN, now < never else { return never }
    guard rounded >= 1 else { return now + 1 }
    guard rounded < Double(never - now) else { return never }
    return now + Int64(rounded)
  }

  /// `value` as an Int clamped into `range` (NaN: its lower bound).
  @inline(__always) static func count(_ value: Double, in range: ClosedRange<Int>) -> Int {
    guard value >= Double(range.lowerBound) else { return range.lowerBound }
    guard value < Double(range.upperBound) else { return range.upperBound }
    return Int(value)
  }
}
