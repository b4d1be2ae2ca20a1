/// What Proof-of-Node block production keeps between blocks: the tip's slot, the mint
/// delay's law, the cached slot-fill bound, the blocks made per tier and the network
/// outages (`ProofOfNode+Outages`). The production itself, which reads the fleet and
/// the chain as well, is `Simulation+ProofOfNode`.
struct ProofOfNode {
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
  /// draw rounded and clamped, or the same law from the table (batched mode), from
  /// `share` when given (a uniform on [0, 1) independent of all else, `SlotFill`).
  @inline(__always) mutating func drawMintDelay(spacing: Int64, _ stream: RandomStream, reusing share: Double? = nil)
    -> Int64
  {
    if drawsFromTable {
      if let table = mintDelayTable, table.spacing == spacing {
        if let share { return table.delay(at: share) }
        return table.draw(stream)
      }
      return drawMintDelayFromNewTable(spacing: spacing, stream, reusing: share)
    }
    return Int64(Checked.count(mintDelay.sample(stream) + 0.5, in: 1...max(1, Int(spacing) - 1)))
  }

  /// Builds the table for `spacing` (the first block, or an era with another spacing) and
  /// draws from it; without one, goes back to the sampler for the rest of the job.
  @inline(never) private mutating func drawMintDelayFromNewTable(
    spacing: Int64, _ stream: RandomStream, reusing share: Double?
  ) -> Int64 {
    mintDelayTable = MintDelayTable(mintDelay, spacing: spacing)
    if mintDelayTable == nil { drawsFromTable = false }
    return drawMintDelay(spacing: spacing, stream, reusing: share)
  }
}
