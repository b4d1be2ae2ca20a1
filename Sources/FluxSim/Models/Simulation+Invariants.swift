/// The engine's internal checks: with the compile-time flag `FLUXSIM_INTERNAL_CHECKS`,
/// every invariant of its bookkeeping is recomputed after every block and every event
/// and a broken one traps at once, naming it; without the flag the checks compile to
/// nothing.
///
/// The pattern is swift-collections' `_checkInvariants()` under `COLLECTIONS_INTERNAL_CHECKS`:
/// the checks are far too slow for real runs (each is a pass over the whole fleet), but a
/// bug caught at the step that causes it is a bug found in minutes. CI runs the FluxSim
/// tests and a small scenario with the flag (Scripts/test.sh, README "Development").
extension Simulation {
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
      let counted = fleet.counts[tier][state] - fleet.offlineConfirmed[tier]
      guard byTier[tier] != counted else { return nil }
      return "producers per tier are the online confirmed nodes: tier \(tier) has \(byTier[tier]) producers, "
        + "\(counted) confirmed and online by the counts"
    }
  }
}
