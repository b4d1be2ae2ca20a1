import FluxCore

/// How evenly each tier's rotation pays: the blocks since each confirmed node was last
/// paid (or confirmed, if not paid since), at a sample.
///
/// A tier's payee list is ordered by that very height (`PayeeKey`: last payment, or
/// confirmation), so the node k places from the front has the k-th longest wait: the
/// quantiles are read at two positions and the maximum at the front, without visiting
/// the tier's nodes (`PayeeQueue+Positions`).
extension Simulation {
  /// The rotation of each tier at the tip; nil for a tier without confirmed nodes.
  mutating func sincePaid() -> TierValues<SincePaid?> {
    let tip = chain.height
    return TierValues { tier in
      fleet.withQueue(tier.index) { queue -> SincePaid? in
        queue.dropStaleEntries()
        let count = queue.count
        guard count > 0 else { return nil }
        // Waits in ascending order: the i-th shortest is the node count − 1 − i from the front.
        func wait(_ i: Int) -> Double { Double(tip - queue.comparisonHeight(atPosition: count - 1 - i)) }
        return SincePaid(
          p50: SortedQuantile.value(0.5, count: count, wait), p95: SortedQuantile.value(0.95, count: count, wait),
          max: tip - queue.comparisonHeight(atPosition: 0))
      }
    }
  }
}
