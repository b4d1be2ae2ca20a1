/// Network outages as PoN block production meets them: what the outage model
/// (`ProofOfNode+Outages`) reads of the simulation.
extension Simulation {
  /// `drawn`, a slot start at or after the next outage's start, moved past the slots the
  /// outages it reaches remove, at the era's spacing and up to the job's end. Out of line,
  /// taking only what the caller holds: the per-block code only compares a slot start with
  /// `nextOutage` (measured with callgrind: handing the model its arguments at the call
  /// site cost an instruction on every block).
  @inline(never) mutating func skippingOutages(_ drawn: Int64, tipSlot: Int64) -> Int64 {
    proofOfNode.skippingOutages(drawn, tipSlot: tipSlot, spacing: hot.ponSpacing, endTime: endTime)
  }
}
