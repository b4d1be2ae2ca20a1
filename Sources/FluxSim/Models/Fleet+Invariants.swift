import FluxCore

/// The fleet's bookkeeping checks: every count, set and list it keeps incrementally,
/// recomputed from scratch. `Simulation.invariantViolations` adds them to the checks
/// across models; a non-empty answer is a bug in the engine.
extension Fleet {
  /// Descriptions of every inconsistency found (empty when all is consistent), each
  /// starting with the invariant it breaks. `leaving`: the nodes drawn to leave whose
  /// spend is not yet mined (out of the alive set, not yet exited).
  ///
  /// - Complexity: O(n) for n nodes, plus a pass over each payee list's storage.
  func invariantViolations(leaving: Set<Int>) -> [String] {
    var problems: [String] = []
    func fail(_ invariant: String, _ detail: String) { problems.append("\(invariant): \(detail)") }
    var recount = StateCounts()
    var offline = [0, 0, 0]
    var locked: [Int64] = [0, 0, 0]
    var producing = 0
    let queues = (0..<3).map(queue)
    for (id, node) in nodes.enumerated() {
      let tier = node.tier.index
      if Int(tiers[id]) != tier {
        fail("slot tiers match the nodes", "node \(id) of tier \(tier), \(tiers[id])")
      }
      let confirmed = node.state == .confirmed
      recount[tier, node.state.rawValue] += 1
      if confirmed { if node.online { producing += 1 } else { offline[tier] += 1 } }
      if node.state.locksCollateral { locked[tier] += node.collateralAmount.satoshi }
      if queues[tier].contains(node: id) != confirmed {
        fail("payee lists hold the confirmed nodes", "node \(id) in state \(node.state)")
      }
      if self.producers.contains(id) != (confirmed && node.online) {
        fail("producers are the online confirmed nodes", "node \(id) in state \(node.state), online \(node.online)")
      }
      // In the set: not exited. Out of it: exited, or drawn to leave (and a leaving node
      // may still be in it: a test stops one by hand without drawing it).
      let inSet = alive[tier].contains(id)
      if inSet && node.state == .exited || !inSet && node.state != .exited && !leaving.contains(id) {
        fail("alive sets hold the nodes neither exited nor leaving", "node \(id) in state \(node.state)")
      }
    }
    for tier in Tier.allCases {
      let index = tier.index
      if recount.tier(index) != counts.tier(index) {
        fail(
          "per-state counts add up",
          "\(tier) counts \(Array(counts.tier(index))), recounted \(Array(recount.tier(index)))")
      }
      let queue = queues[index]
      let confirmed = recount[index, NodeState.confirmed.rawValue]
      if queue.count != confirmed {
        fail("payee lists hold the confirmed nodes", "\(tier) list holds \(queue.count), \(confirmed) confirmed")
      }
      for problem in queue.invariantViolations() { fail("payee lists are in payment order", "\(tier) \(problem)") }
      if offline[index] != offlineConfirmed[index] {
        fail(
          "offline confirmed counts add up",
          "\(tier) counts \(offlineConfirmed[index]), recounted \(offline[index])")
      }
      if locked[index] != lockedCollateral[index] {
        fail(
          "locked collateral adds up",
          "\(tier) holds \(lockedCollateral[index]), recounted \(locked[index]) satoshi")
      }
    }
    if producing != self.producers.count {
      fail("producers are the online confirmed nodes", "set holds \(self.producers.count), recounted \(producing)")
    }
    return problems
  }

  /// What the nodes of each tier were paid in all, those whose slots were reused
  /// included, summed from the ledger (satoshi).
  var paidByTier: [Int64] {
    var paid = formerIncomes.map(\.sum)
    for (id, node) in nodes.enumerated() { paid[node.tier.index] += ledger[id].income }
    return paid
  }
}
