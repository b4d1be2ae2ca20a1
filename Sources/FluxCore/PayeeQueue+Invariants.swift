/// Bookkeeping checks of a payee list, recomputed from its storage: what the simulator's
/// internal checks (`FLUXSIM_INTERNAL_CHECKS`) and tests ask after every step.
extension PayeeQueue {
  /// Descriptions of every inconsistency found (empty when all is consistent): live
  /// entries out of `PayeeKey` order (the list would pay the wrong node next), a node
  /// with two live entries, or a live count that disagrees with the entries.
  ///
  /// - Complexity: O(s + n) for s stored entries and n nodes.
  public func invariantViolations() -> [String] {
    var problems: [String] = []
    var previous: PayeeKey?
    var seen = [Bool](repeating: false, count: liveGeneration.count)
    var live = 0
    for (index, entry) in entries[head...].enumerated() where liveGeneration[Int(entry.node)] == entry.generation {
      let entryKey = key(of: entry)
      if let previous, entryKey < previous {
        problems.append("entry \(index) (node \(entry.node)) sorts before the entry ahead of it")
      }
      if seen[Int(entry.node)] { problems.append("node \(entry.node) has two live entries") }
      seen[Int(entry.node)] = true
      live += 1
      previous = entryKey
    }
    if live != liveCount { problems.append("\(liveCount) live entries counted, \(live) found") }
    return problems
  }
}
