@preconcurrency import CGSL

extension Summary {
  /// The summary of `values` (any order), with quantiles by GSL's
  /// `gsl_stats_quantile_from_sorted_data` (linear interpolation between order statistics).
  public init(of values: [Double]) {
    guard !values.isEmpty else {
      self = .empty
      return
    }
    var sorted = values.sorted()
    self = sorted.withUnsafeMutableBufferPointer { buffer in
      let data = buffer.baseAddress!
      let n = buffer.count
      func quantile(_ q: Double) -> Double { gsl_stats_quantile_from_sorted_data(data, 1, n, q) }
      return Summary(
        count: n, mean: gsl_stats_mean(data, 1, n), min: data[0], max: data[n - 1], p5: quantile(0.05),
        p25: quantile(0.25), p50: quantile(0.5), p75: quantile(0.75), p95: quantile(0.95))
    }
  }
}
