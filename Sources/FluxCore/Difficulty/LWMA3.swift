// LWMA3 (Zawy's LWMA-3): the PoW difficulty rule from Acadia (height ≥ 250,000 on mainnet)
// until Proof of Node.
//
// Mirrors fluxd `src/pow.cpp` `Lwma3CalculateNextWorkRequired` (flux-rules.md §5.1). Exact,
// including `arith_uint256` wrapping in `prev × 150`, which only testnet's larger powLimit
// could reach.

extension ChainParams {
  /// The LWMA3 target of the block after `history`'s last header.
  ///
  /// Same window N, spacing T and k as `lwmaTarget(history:)`, but timestamps are first
  /// made strictly increasing (a block not later than the previous, adjusted, timestamp
  /// counts as that timestamp + 1), so solvetimes are ≥ 1 and only capped above at 6T
  /// (720 s); t = Σ j·solvetime with no floor; next = t × Σ target_i / (k·N), then clamped
  /// to [prev × 67 / 100, prev × 150 / 100] where prev is the tip's target (fluxd's
  /// literals), then capped at `powLimit`. Fewer than N+1 blocks give `powLimit` (an
  /// assumption; no network reaches it with LWMA3 active).
  ///
  /// - Parameter history: headers in ascending order ending at the tip, holding tip−N … tip.
  /// - Returns: the target before compact encoding.
  public func lwma3Target(history: some RandomAccessCollection<BlockHeaderInfo>) -> UInt256 {
    let window = difficulty.lwmaWindow
    guard let tip = history.last, tip.height >= window else { return difficulty.powLimit }
    let divisor = UInt64(lwmaK * Int64(window))
    var weightedSolvetimes: Int64 = 0
    var sumTarget = UInt256.zero
    var previousTime = history.header(at: tip.height - window).time
    for weight in 1...window {
      let block = history.header(at: tip.height - window + weight)
      let time = block.time > previousTime ? block.time : previousTime + 1
      weightedSolvetimes += min(6 * powTargetSpacing, time - previousTime) * Int64(weight)
      previousTime = time
      sumTarget += block.target / divisor
    }
    var next = sumTarget * UInt64(weightedSolvetimes)
    let previousTarget = tip.target
    let highest = previousTarget * 150 / 100
    let lowest = previousTarget * 67 / 100
    if next > highest { next = highest }
    if lowest > next { next = lowest }
    return min(next, difficulty.powLimit)
  }
}
