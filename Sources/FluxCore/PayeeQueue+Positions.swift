/// Reading a payee list by position: the live entries are in `PayeeKey` order, which is
/// the order of each node's comparison height (its last payment, or its confirmation if
/// it was never paid since), so the k-th node from the front is the one with the k-th
/// longest wait since it was last paid. Order statistics of those waits are positions in
/// the list, read without sorting and without going past the last position asked for.
extension PayeeQueue {
  /// The comparison heights of the first `count` live entries from the front (0: the next
  /// payee), in payment order: each one's last payment, or its confirmation if it was not
  /// paid since.
  ///
  /// Reads the stored entries up to the `count`-th live one and writes nothing: stale
  /// entries are skipped, not dropped. A sample reads the rotation's median and 95th
  /// percentile, both in the front half, so it reads about half the list; compacting the
  /// list first and then reading by position moved every entry (3.7 % of the heavy-churn
  /// model's instructions, callgrind).
  ///
  /// - Precondition: `count` is at most the number of live entries.
  public func frontComparisonHeights(_ count: Int) -> [Int] {
    precondition(count >= 0 && count <= liveCount, "\(count) live entries asked of \(liveCount)")
    return [Int](unsafeUninitializedCapacity: count) { heights, initialized in
      liveGeneration.withUnsafeBufferPointer { live in
        entries.withUnsafeBufferPointer { stored in
          var index = head
          // Bounded by the storage too: a list that broke its invariant reads no further.
          while initialized < count, index < stored.count {
            let entry = stored[index]
            if live[Int(entry.node)] == entry.generation {
              heights[initialized] = Int(entry.height)
              initialized &+= 1
            }
            index &+= 1
          }
        }
      }
    }
  }
}
