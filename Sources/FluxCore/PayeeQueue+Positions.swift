/// Reading a payee list by position: the live entries are in `PayeeKey` order, which is
/// the order of each node's comparison height (its last payment, or its confirmation if
/// it was never paid since), so the k-th node from the front is the one with the k-th
/// longest wait since it was last paid. Order statistics of those waits are positions in
/// the list, read without sorting or visiting every node.
extension PayeeQueue {
  /// Drops the entries of removed nodes, so that the live entries sit together from the
  /// front and `comparisonHeight(atPosition:)` reads any of them directly. The live
  /// entries keep their order, so no payment changes.
  ///
  /// - Complexity: O(1) when no entry is stale, else O(s) for s stored entries. Through
  ///   buffer pointers: with the arrays' checks the pass cost about 23 instructions an
  ///   entry (callgrind, `bench forecast`), 3.7 % of the standard workload.
  public mutating func dropStaleEntries() {
    guard entries.count - head != liveCount else { return }
    let from = head
    let kept = liveGeneration.withUnsafeBufferPointer { live in
      entries.withUnsafeMutableBufferPointer { stored in
        var kept = 0
        for index in from..<stored.count {
          let entry = stored[index]
          if live[Int(entry.node)] == entry.generation {
            stored[kept] = entry
            kept &+= 1
          }
        }
        return kept
      }
    }
    entries.removeLast(entries.count - kept)
    head = 0
  }

  /// The comparison height of the live entry `position` places from the front (0: the
  /// next payee): the height of its last payment, or of its confirmation if it was not
  /// paid since.
  ///
  /// - Precondition: no stale entries (`dropStaleEntries`), and `position < count`.
  public func comparisonHeight(atPosition position: Int) -> Int {
    precondition(entries.count - head == liveCount, "stale entries in the list: dropStaleEntries first")
    return Int(entries[head + position].height)
  }
}
