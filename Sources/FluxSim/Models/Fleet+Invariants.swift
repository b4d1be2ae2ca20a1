import FluxCore

/// Bookkeeping checks: every count, set and list the models keep incrementally,
/// recomputed from scratch, and the supply against FluxCore's. Tests call this after runs,
/// and the engine after every step when built with `FLUXSIM_INTERNAL_CHECKS`
/// (`checkInvariants`); a non-empty answer is a bug in the engine.
extension Simulation {
  /// Descriptions of every inconsistency found (empty when all is consistent), each
  /// starting with the invariant it breaks.
  ///
  /// - Complexity: O(n) for n nodes, plus a pass over each payee list's storage.
  func invariantViolations() -> [String] {
    var problems: [String] = []
    func fail(_ invariant: String, _ detail: String) { problems.append("\(invariant): \(detail)") }
    var counts = [[Int]](repeating: [Int](repeating: 0, count: NodeState.allCases.count), count: 3)
    var offline = [0, 0, 0]
    // What nodes whose slots were reused had been paid stays counted.
    var paid = fleet.formerIncomes.map(\.sum)
    var locked: [Int64] = [0, 0, 0]
    var producers = 0
    // Nodes drawn to leave: out of the alive set at once, exited when their spend is mined.
    var leaving = Set<Int>()
    for entry in actions.entries { if case .spend(let node) = entry.item { leaving.insert(Int(node)) } }
    let queues = (0..<3).map(fleet.queue)
    for (id, node) in fleet.nodes.enumerated() {
      let tier = node.tier.index
      if Int(fleet.tiers[id]) != tier {
        fail("slot tiers match the nodes", "node \(id) of tier \(tier), \(fleet.tiers[id])")
      }
      let confirmed = node.state == .confirmed
      counts[tier][node.state.rawValue] += 1
      if confirmed { if node.online { producers += 1 } else { offline[tier] += 1 } }
      paid[tier] += fleet.ledger[id].income
      if node.state.locksCollateral { locked[tier] += node.collateralAmount.satoshi }
      if queues[tier].contains(node: id) != confirmed {
        fail("payee lists hold the confirmed nodes", "node \(id) in state \(node.state)")
      }
      if fleet.producers.contains(id) != (confirmed && node.online) {
        fail("producers are the online confirmed nodes", "node \(id) in state \(node.state), online \(node.online)")
      }
      // In the set: not exited. Out of it: exited, or drawn to leave (and a leaving node
      // may still be in it: a test stops one by hand without drawing it).
      let inSet = fleet.alive[tier].contains(id)
      if inSet && node.state == .exited || !inSet && node.state != .exited && !leaving.contains(id) {
        fail("alive sets hold the nodes neither exited nor leaving", "node \(id) in state \(node.state)")
      }
    }
    for tier in Tier.allCases {
      let index = tier.index
      if counts[index] != fleet.counts[index] {
        fail("per-state counts add up", "\(tier) counts \(fleet.counts[index]), recounted \(counts[index])")
      }
      let queue = queues[index]
      let confirmed = counts[index][NodeState.confirmed.rawValue]
      if queue.count != confirmed {
        fail("payee lists hold the confirmed nodes", "\(tier) list holds \(queue.count), \(confirmed) confirmed")
      }
      for problem in queue.invariantViolations() { fail("payee lists are in payment order", "\(tier) \(problem)") }
      if offline[index] != fleet.offlineConfirmed[index] {
        fail(
          "offline confirmed counts add up",
          "\(tier) counts \(fleet.offlineConfirmed[index]), recounted \(offline[index])")
      }
      if locked[index] != fleet.lockedCollateral[index] {
        fail(
          "locked collateral adds up",
          "\(tier) holds \(fleet.lockedCollateral[index]), recounted \(locked[index]) satoshi")
      }
      if paid[index] != metrics.paidTotals[index] {
        fail(
          "nodes hold what blocks paid their tier",
          "\(tier) nodes hold \(paid[index]), blocks paid \(metrics.paidTotals[index])")
      }
    }
    if producers != fleet.producers.count {
      fail("producers are the online confirmed nodes", "set holds \(fleet.producers.count), recounted \(producers)")
    }
    let expected = SupplySchedule(params: params, mode: config.supplyMode).cumulativeSupply(through: chain.height)
    if chain.supply != expected {
      fail(
        "supply is the sum of the rules' outputs",
        "\(chain.supply) at height \(chain.height), FluxCore says \(expected)")
    }
    return problems
  }
}
