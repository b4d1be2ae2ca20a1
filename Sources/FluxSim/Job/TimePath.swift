#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A quantity as a function of seconds since the job's start: the network hashrate
/// (solutions per second), the app arrival rate (apps per day).
public enum TimePath: Sendable, Equatable {
  case constant(Double)
  /// Steps: each `(from, value)` holds from `from` seconds on (the first must start at 0).
  case piecewise([TimeStep])
  /// `initial × (1 + growthPerYear)^(t / year)`.
  case exponential(initial: Double, growthPerYear: Double)

  public func value(at seconds: Int64) -> Double {
    switch self {
    case .constant(let value):
      return value
    case .piecewise(let steps):
      return steps.last { $0.from <= seconds }?.value ?? steps.first?.value ?? 0
    case .exponential(let initial, let growth):
      return initial * pow(1 + growth, Double(seconds) / Double(JobConfig.secondsPerYear))
    }
  }
}

/// One step of a piecewise path.
public struct TimeStep: Sendable, Equatable {
  public var from: Int64
  public var value: Double

  public init(from: Int64, value: Double) {
    self.from = from
    self.value = value
  }
}
