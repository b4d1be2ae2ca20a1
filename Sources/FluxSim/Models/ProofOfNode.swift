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
/// Network outages (`NetworkOutages`, `ProofOfNode+Outages`) remove the slots that start
/// inside them.
struct ProofOfNodeState {
  let mintDelay: Distribution
  /// The batched mode's mint delays, for the spacing of the era it was built for; nil in
  /// the block-by-block mode and when the distribution has no CDF (`MintDelayTable`).
  var mintDelayTable: MintDelayTable?
  /// Whether delays come from `mintDelayTable` (the batched mode, while it can build one).
  var drawsFromTable: Bool
  /// Start of the tip's slot; the next slots start 30 s, 60 s, … later.
  var tipSlotStart: Int64?
  /// Set when no node could produce: block production resumes when one can.
  var stalled = false
  /// Blocks produced per tier.
  var produced = [0, 0, 0]
  /// The cached bound that answers most "is the next slot filled?" draws.
  var slotFill = SlotFill()
  /// Start of the next network outage: `Checked.never` while none is due, so the check
  /// on every block is one comparison.
  var nextOutage = Checked.never
  /// The job's outages and their own stream; nil: none.
  var outages: OutageProcess?

  init(config: ProofOfNodeConfig, seed: UInt64, blockByBlock: Bool) {
    mintDelay = config.mintDelay
    drawsFromTable = !blockByBlock
    outages = config.outages.map { OutageProcess(model: $0, seed: seed) }
  }

  /// A block's stamp in its slot, whole seconds in 1 … spacing − 1: the distribution's
  /// draw rounded and clamped, or the same law from the table (batched mode).
  @inline(__always) mutating func drawMintDelay(spacing: Int64, _ stream: RandomStream) -> Int64 {
    if drawsFromTable {
      if let table = mintDelayTable, table.spacing == spacing { return table.draw(stream) }
      return drawMintDelayFromNewTable(spacing: spacing, stream)
    }
    return Int64(Checked.count(mintDelay.sample(stream) + 0.5, in: 1...max(1, Int(spacing) - 1)))
  }

  /// Builds the table for `spacing` (the first block, or an era with another spacing) and
  /// draws from it; without one, goes back to the sampler for the rest of the job.
  @inline(never) private mutating func drawMintDelayFromNewTable(spacing: Int64, _ stream: RandomStream) -> Int64 {
    mintDelayTable = MintDelayTable(mintDelay, spacing: spacing)
    if mintDelayTable == nil { drawsFromTable = false }
    return drawMintDelay(spacing: spacing, stream)
  }
}

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
    // logarithm in the common case.
    let slots =
      proofOfNode.slotFill.isFilled(stream.uniform(), p: p, producers: producers)
      ? 1 : 1 + stream.geometric(p: max(SlotFill.probability(p: p, producers: producers), 1e-12))
    // Slots so many that their start does not fit put the next block past every horizon.
    let (offset, overflow) = Int64(slots).multipliedReportingOverflow(by: spacing)
    let tipSlot = proofOfNode.tipSlotStart ?? chain.time
    var slotStart = overflow ? Checked.never : tipSlot + offset
    // `nextOutage` is at most `never`: a start past it meets an outage, or is too late to fit.
    if _slowPath(slotStart >= proofOfNode.nextOutage) {
      slotStart = skippingOutages(min(slotStart, Checked.never), tipSlot: tipSlot)
    }
    let delay = proofOfNode.drawMintDelay(spacing: spacing, stream)
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
  mutating func nextPoNBits() -> UInt32 {
    let height = chain.height + 1
    let windowStart = chain.headers.back(min(hot.ponWindow - 1, chain.headers.count - 1))
    return hot.ponDifficulty.nextBits(
      forHeight: height, prevBits: chain.nextBits, tipTime: chain.time, windowStartTime: windowStart.time)
  }

  /// Starts block production under PoN, from the tip's time: the first block, and the
  /// outage process's clock.
  mutating func beginProofOfNode() {
    proofOfNode.tipSlotStart = chain.time
    restartOutages(from: chain.time)
  }

  /// Resumes a stalled PoN chain once a node can produce again.
  mutating func resumeIfStalled() {
    if proofOfNode.stalled, fleet.producers.count > 0 {
      proofOfNode.tipSlotStart = max(proofOfNode.tipSlotStart ?? chain.time, chain.now - hot.ponSpacing)
      if proofOfNode.nextOutage < chain.now { restartOutages(from: chain.now) }
      scheduleNextPoNBlock()
    }
  }
}
