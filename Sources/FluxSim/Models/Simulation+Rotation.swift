import FluxCore

/// How evenly each tier's rotation pays: the blocks since each confirmed node was last
/// paid (or confirmed, if not paid since), at a sample.
///
/// A tier's payee list is ordered by that very height (`PayeeKey`: last payment, or
/// confirmation), so the node k places from the front has the k-th longest wait: each
/// quantile is read at two positions and the maximum at the front, from the front half
/// of the list, without sorting (`PayeeQueue+Positions`).
extension Simulation {
  /// The rotation of each tier at the tip; nil for a tier without confirmed nodes.
  func sincePaid() -> TierValues<SincePaid?> {
    let tip = chain.height
    return TierValues { tier in
      let queue = fleet.queue(tier.index)
      let count = queue.count
      guard count > 0 else { return nil }
      // Waits in ascending order: the i-th shortest is the node count − 1 − i from the
      // front. The quantiles read i ≥ ⌊(count − 1) / 2⌋, so positions up to count − 1 − i.
      let front = queue.frontComparisonHeights(count - (count - 1) / 2)
      func wait(_ i: Int) -> Double { Double(tip - front[count - 1 - i]) }
      return SincePaid(
        p50: SortedQuantile.value(0.5, count: count, wait), p95: SortedQuantile.value(0.95, count: count, wait),
        max: tip - front[0])
    }
  }
}
