import FluxCore

/// Proof-of-Node block production (flux-rules.md §5.2 and "Verified semantics").
///
/// The reference minter tries each 30 s slot once. Each online confirmed node is
/// eligible in a slot with p = target / 2^256, independently, so a slot is empty with
/// (1 − p)^N and the number of slots up to the first filled one is geometric: one GSL
/// draw per block, never a loop over slots or nodes. By symmetry the producer (the
/// rank-1 eligible node) is uniform among the N online confirmed nodes. Its block is
/// stamped `mintDelay` seconds into the slot. The PoN difficulty rule then sets the
/// next target from the last 30 timestamps; with all slots filled it sees 870 s per
/// 29 blocks and leaves the target unchanged, so difficulty only governs empty slots.
/// Network outages (`NetworkOutages`, `ProofOfNode+Outages`) remove the slots that
/// start inside them. The state it keeps between blocks is a `ProofOfNode`.
extension Simulation {
  /// Schedules the next PoN block: empty slots drawn at once, then the mint delay.
  mutating func scheduleNextPoNBlock() {
    let producers = fleet.producers.count
    guard producers > 0 else {
      proofOfNode.stalled = true
      return
    }
    proofOfNode.stalled = false
    let spacing = hot.ponSpacing
    let p = PoNDifficultyRule.eligibilityProbability(bits: chain.nextBits)
    // Geometric number of slots up to the first filled one. Drawn as "the first slot is
    // filled" (one uniform against P(slot filled) = 1 − (1 − p)^N, see `SlotFill`) and
    // only otherwise as 1 + a geometric draw: the same distribution, without a
    // logarithm in the common case. The batched mode's delay table reuses that uniform
    // when it is low enough (`SlotFill.reusableShare`): one draw a block less.
    let draw = stream.uniform()
    let filled = proofOfNode.slotFill.isFilled(draw, p: p, producers: producers)
    let share = filled && proofOfNode.drawsFromTable ? proofOfNode.slotFill.reusableShare(of: draw) : nil
    let slots = filled ? 1 : 1 + stream.geometric(p: max(SlotFill.probability(p: p, producers: producers), 1e-12))
    // Slots so many that their start does not fit put the next block past every horizon.
    let (offset, overflow) = Int64(slots).multipliedReportingOverflow(by: spacing)
    let tipSlot = proofOfNode.tipSlotStart ?? chain.time
    var slotStart = overflow ? Checked.never : tipSlot + offset
    // `nextOutage` is at most `never`: a start past it meets an outage, or is too late to fit.
    if _slowPath(slotStart >= proofOfNode.nextOutage) {
      slotStart = skippingOutages(min(slotStart, Checked.never), tipSlot: tipSlot)
    }
    let delay = proofOfNode.drawMintDelay(spacing: spacing, stream, reusing: share)
    nextBlockTime = max(slotStart + delay, chain.time + 1)
    proofOfNode.tipSlotStart = slotStart
  }

  /// A PoN block at the current time, by a producer drawn uniformly from the online
  /// confirmed nodes; nil when none can produce (the chain stalls until one can).
  mutating func drawPoNProducer() -> Int? {
    guard fleet.producers.count > 0 else { return nil }
    return fleet.producers[stream.integer(below: fleet.producers.count)]
  }

  /// The nBits of the block after the tip, by the PoN rule (computed on nBits directly).
  ///
  /// `rule` is `hot.ponDifficulty`, which a caller connecting many blocks reads once:
  /// called on the stored property, every block copied the rule (two 256-bit limits among
  /// its fields) through `memcpy` before the call, since `self` is mutable meanwhile.
  mutating func nextPoNBits(by rule: PoNDifficultyRule) -> UInt32 {
    let height = chain.height + 1
    let windowStart = chain.headers.back(min(hot.ponWindow - 1, chain.headers.count - 1))
    return rule.nextBits(
      forHeight: height, prevBits: chain.nextBits, tipTime: chain.time, windowStartTime: windowStart.time)
  }

  /// Starts block production under PoN, from the tip's time: the first block, and the
  /// outage process's clock.
  mutating func beginProofOfNode() {
    proofOfNode.tipSlotStart = chain.time
    proofOfNode.restartOutages(from: chain.time)
  }

  /// Resumes a stalled PoN chain once a node can produce again.
  mutating func resumeIfStalled() {
    if proofOfNode.stalled, fleet.producers.count > 0 {
      proofOfNode.tipSlotStart = max(proofOfNode.tipSlotStart ?? chain.time, chain.now - hot.ponSpacing)
      if proofOfNode.nextOutage < chain.now { proofOfNode.restartOutages(from: chain.now) }
      scheduleNextPoNBlock()
    }
  }
}
