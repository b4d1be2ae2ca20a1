/// A quantile of data already in ascending order, read by index: GSL's
/// `gsl_stats_quantile_from_sorted_data` (the definition `Summary` uses), for data that
/// is not in an array, such as waits read as positions in a payee list.
enum SortedQuantile {
  /// The `fraction` quantile (0 … 1) of the `count` values `element(0) ≤ … ≤
  /// element(count − 1)`: linear between the order statistics around `fraction ×
  /// (count − 1)`, as GSL computes it. 0 for no values.
  static func value(_ fraction: Double, count: Int, _ element: (Int) -> Double) -> Double {
    guard count > 0 else { return 0 }
    let index = fraction * Double(count - 1)
    let lower = Int(index)
    let delta = index - Double(lower)
    if lower == count - 1 { return element(lower) }
    return (1 - delta) * element(lower) + delta * element(lower + 1)
  }
}
