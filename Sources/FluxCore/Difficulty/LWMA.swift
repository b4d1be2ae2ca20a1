// LWMA (Zawy's linearly weighted moving average, v1): the PoW difficulty rule from LWMA's
// activation to Acadia's (125,000 ≤ height < 250,000 on mainnet).
//
// Mirrors fluxd `src/pow.cpp` `LwmaCalculateNextWorkRequired` (flux-rules.md §5.1). Exact:
// each target is divided by k·N before summing (so each loses its remainder), solvetimes are
// raw block-time differences (not median times), and the weighted sum is an int64.

extension ChainParams {
  /// LWMA's weight normaliser k = N(N+1)T/2 (60 × 61 × 120 / 2 = 219,600 on mainnet): the
  /// weighted solvetime sum of N blocks that each took exactly T.
  public var lwmaK: Int64 {
    let n = Int64(difficulty.lwmaWindow)
    return n * (n + 1) * powTargetSpacing / 2
  }

  /// The LWMA (v1) target of the block after `history`'s last header.
  ///
  /// For the N = `lwmaWindow` blocks tip−N+1 … tip, weighted j = 1 … N from oldest to
  /// newest: solvetime = time(i) − time(i−1), clamped to [−3T, 6T] ([−360, 720] s: fluxd's
  /// literals, written here in spacings T); t = Σ j·solvetime, floored at k/10;
  /// next = t × Σ target_i / (k·N), capped at `powLimit`. Fewer than N+1 blocks (tip height
  /// < N, which no network reaches with LWMA active) give `powLimit` (an assumption).
  ///
  /// - Parameter history: headers in ascending order ending at the tip, holding tip−N … tip.
  /// - Returns: the target before compact encoding.
  public func lwmaTarget(history: some RandomAccessCollection<BlockHeaderInfo>) -> UInt256 {
    let window = difficulty.lwmaWindow
    guard let tip = history.last, tip.height >= window else { return difficulty.powLimit }
    let spacing = powTargetSpacing
    let k = lwmaK
    let divisor = UInt64(k * Int64(window))
    var weightedSolvetimes: Int64 = 0
    var sumTarget = UInt256.zero
    var previousTime = history.header(at: tip.height - window).time
    for weight in 1...window {
      let block = history.header(at: tip.height - window + weight)
      let solvetime = min(max(block.time - previousTime, -3 * spacing), 6 * spacing)
      previousTime = block.time
      weightedSolvetimes += solvetime * Int64(weight)
      sumTarget += block.target / divisor
    }
    weightedSolvetimes = max(weightedSolvetimes, k / 10)
    return min(sumTarget * UInt64(weightedSolvetimes), difficulty.powLimit)
  }
}
