import FluxCore

/// The engine's invariants: each model's own (`Fleet`'s, the app market's with its
/// registry's and host index's), and those across models: the payments the nodes hold
/// against what the blocks paid, and the supply against FluxCore's schedule. Tests call
/// `invariantViolations`, and with the compile-time flag `FLUXSIM_INTERNAL_CHECKS` every
/// invariant is recomputed after every block and every event and a broken one traps at
/// once, naming it; without the flag the checks compile to nothing.
///
/// The pattern is swift-collections' `_checkInvariants()` under `COLLECTIONS_INTERNAL_CHECKS`:
/// the checks are far too slow for real runs (each is a pass over the whole fleet), but a
/// bug caught at the step that causes it is a bug found in minutes. CI runs the FluxSim
/// tests and a small scenario with the flag (Scripts/test.sh, README "Development").
extension Simulation {
  /// Descriptions of every inconsistency in the fleet and across models (empty when all
  /// is consistent), each starting with the invariant it breaks.
  ///
  /// - Complexity: O(n) for n nodes, plus a pass over each payee list's storage and the
  ///   pending height actions.
  func invariantViolations() -> [String] {
    // Nodes drawn to leave: out of the alive set at once, exited when their spend is mined.
    var leaving = Set<Int>()
    for entry in actions.entries { if case .spend(let node) = entry.item { leaving.insert(Int(node)) } }
    var problems = fleet.invariantViolations(leaving: leaving)
    let paid = fleet.paidByTier
    for tier in Tier.allCases where paid[tier.index] != metrics.paidTotals[tier.index] {
      problems.append(
        "nodes hold what blocks paid their tier: \(tier) nodes hold \(paid[tier.index]), "
          + "blocks paid \(metrics.paidTotals[tier.index])")
    }
    let expected = SupplySchedule(params: params, mode: config.supplyMode).cumulativeSupply(through: chain.height)
    if chain.supply != expected {
      problems.append(
        "supply is the sum of the rules' outputs: \(chain.supply) at height \(chain.height), FluxCore says \(expected)")
    }
    return problems
  }

  #if FLUXSIM_INTERNAL_CHECKS
    /// Traps if any invariant is broken, naming each and the step just taken.
    func checkInvariants(after step: @autoclosure () -> String) {
      let problems =
        invariantViolations() + producerTierViolations()
        + market.invariantViolations(fleet: fleet).map { "app market: " + $0 }
      guard !problems.isEmpty else { return }
      fatalError(
        "FLUXSIM_INTERNAL_CHECKS: invariant broken after \(step()) at height \(chain.height), time \(chain.now):\n"
          + problems.joined(separator: "\n"))
    }
  #else
    @inline(__always) func checkInvariants(after step: @autoclosure () -> String) {}
  #endif

  /// What the batched mode draws producers' tiers from: per tier, the confirmed nodes not
  /// offline are exactly the producers of that tier (`Fleet.producers` split by tier).
  func producerTierViolations() -> [String] {
    var byTier = [0, 0, 0]
    for node in fleet.producers.members { byTier[Int(fleet.tiers[Int(node)])] += 1 }
    let state = NodeState.confirmed.rawValue
    return (0..<3).compactMap { tier in
      let counted = fleet.counts[tier, state] - fleet.offlineConfirmed[tier]
      guard byTier[tier] != counted else { return nil }
      return "producers per tier are the online confirmed nodes: tier \(tier) has \(byTier[tier]) producers, "
        + "\(counted) confirmed and online by the counts"
    }
  }
}
