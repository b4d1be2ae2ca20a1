@preconcurrency import CGSL

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A named probability distribution with its parameters, drawn through a `RandomStream`.
///
/// Values are unitless here; the field that holds a distribution says its unit (the
/// engine's durations are seconds). Scenario files name these by the same case names.
public enum Distribution: Sendable, Equatable {
  /// Always the same value.
  case constant(Double)
  /// Exponential with the given mean (memoryless).
  case exponential(mean: Double)
  /// Weibull with shape k and scale λ (k < 1: many short and a few very long periods).
  case weibull(shape: Double, scale: Double)
  /// exp(Normal(mu, sigma)).
  case lognormal(mu: Double, sigma: Double)
  /// Gamma with shape k and scale θ.
  case gamma(shape: Double, scale: Double)
  /// Uniform on [low, high).
  case uniform(low: Double, high: Double)

  /// One draw.
  @inlinable public func sample(_ stream: RandomStream) -> Double {
    switch self {
    case .constant(let value): value
    case .exponential(let mean): stream.exponential(mean: mean)
    case .weibull(let shape, let scale): stream.weibull(shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): stream.lognormal(mu: mu, sigma: sigma)
    case .gamma(let shape, let scale): stream.gamma(shape: shape, scale: scale)
    case .uniform(let low, let high): low + (high - low) * stream.uniform()
    }
  }

  /// The distribution's mean (for stationary start states and documentation).
  public var mean: Double {
    switch self {
    case .constant(let value): value
    case .exponential(let mean): mean
    case .weibull(let shape, let scale): scale * Self.gammaFunction(1 + 1 / shape)
    case .lognormal(let mu, let sigma): (mu + sigma * sigma / 2).exponential
    case .gamma(let shape, let scale): shape * scale
    case .uniform(let low, let high): (low + high) / 2
    }
  }

  /// The same distribution with every value multiplied by `factor` (a change of unit).
  public func scaled(by factor: Double) -> Distribution {
    switch self {
    case .constant(let value): .constant(value * factor)
    case .exponential(let mean): .exponential(mean: mean * factor)
    case .weibull(let shape, let scale): .weibull(shape: shape, scale: scale * factor)
    case .lognormal(let mu, let sigma): .lognormal(mu: mu + factor.logarithm, sigma: sigma)
    case .gamma(let shape, let scale): .gamma(shape: shape, scale: scale * factor)
    case .uniform(let low, let high): .uniform(low: low * factor, high: high * factor)
    }
  }

  static func gammaFunction(_ x: Double) -> Double { tgamma(x) }
}

extension Double {
  var exponential: Double { exp(self) }
  var logarithm: Double { log(self) }
}

extension Distribution {
  /// P(X < x), from GSL's cumulative distribution functions (for a continuous law the
  /// same as P(X ≤ x)); nil when the parameters are outside the law's domain, where GSL
  /// would report an error rather than answer.
  public func probability(below x: Double) -> Double? {
    switch self {
    case .constant(let value):
      return value < x ? 1 : 0
    case .exponential(let mean):
      guard mean > 0, mean.isFinite else { return nil }
      return x <= 0 ? 0 : gsl_cdf_exponential_P(x, mean)
    case .weibull(let shape, let scale):
      guard shape > 0, scale > 0, shape.isFinite, scale.isFinite else { return nil }
      return x <= 0 ? 0 : gsl_cdf_weibull_P(x, scale, shape)
    case .lognormal(let mu, let sigma):
      guard sigma > 0, mu.isFinite, sigma.isFinite else { return nil }
      return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, mu, sigma)
    case .gamma(let shape, let scale):
      guard shape > 0, scale > 0, shape.isFinite, scale.isFinite else { return nil }
      return x <= 0 ? 0 : gsl_cdf_gamma_P(x, shape, scale)
    case .uniform(let low, let high):
      // `sample` is low + (high − low)·u, u uniform on [0, 1).
      guard low.isFinite, high.isFinite else { return nil }
      guard high != low else { return low < x ? 1 : 0 }
      let share = min(1, max(0, (x - low) / (high - low)))
      return high > low ? share : 1 - share
    }
  }
}
