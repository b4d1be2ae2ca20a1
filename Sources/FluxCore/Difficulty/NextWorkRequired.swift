// The target of the next block: which difficulty rule applies at a height, with the
// Equihash 144,5 reset and the ZelHash easing ramp.
//
// Mirrors fluxd `src/pow.cpp` `GetNextWorkRequired` (~21–97) for PoW and `src/pon/pon.cpp`
// `GetNextPONWorkRequired` for PoN (flux-rules.md §5). Exact, except at the last two ramp
// parents (see `zelHashEasedTarget(_:parentHeight:)`). Not modelled: testnet's
// minimum-difficulty blocks after a long gap, which depend on the new block's own time.

extension ChainParams {
  /// The nBits that block `height` must carry.
  ///
  /// The rule by height: genesis gets `powLimit`; PoN heights the PoN rule; a parent in
  /// `equihashResetParentHeights` gets `powLimit`; from Acadia LWMA3, eased on the ramp;
  /// from LWMA's activation LWMA; before it Digishield v3. Each rule's target is then
  /// compact-encoded, as fluxd returns `GetCompact()`.
  ///
  /// - Parameters:
  ///   - height: the block being made.
  ///   - history: headers in ascending order ending at height − 1, holding at least
  ///     `requiredHistoryCount(forHeight: height)` of them (empty for genesis).
  public func nextBits(forHeight height: Int, history: some RandomAccessCollection<BlockHeaderInfo>) -> UInt32 {
    // A scheduled change's era computes with its own spacing and limits.
    if let era = eraIndex(at: height) { return changes[era].params.nextBits(forHeight: height, history: history) }
    return rawNextTarget(forHeight: height, history: history).compact()
  }

  /// The target block `height` must meet: `nextBits` decoded, so including the compact
  /// encoding's truncation that the chain's eligibility and PoW checks see.
  ///
  /// - Parameters: as for `nextBits(forHeight:history:)`.
  public func nextTarget(forHeight height: Int, history: some RandomAccessCollection<BlockHeaderInfo>) -> UInt256 {
    UInt256(compact: nextBits(forHeight: height, history: history))
  }

  /// How many headers, ending at the tip, the rule for `height` reads: 0 for genesis, the
  /// PoN window (30) under PoN, N + 1 (61) under LWMA and LWMA3, and the Digishield window
  /// plus the median-time span (17 + 11 = 28) before; near genesis all blocks there are.
  public func requiredHistoryCount(forHeight height: Int) -> Int {
    let needed: Int
    if upgrades.isActive(.pon, at: height) {
      needed = difficulty.ponWindow
    } else if upgrades.isActive(.lwma, at: height) {
      needed = difficulty.lwmaWindow + 1
    } else {
      needed = difficulty.digishieldAveragingWindow + difficulty.medianTimeSpan
    }
    return min(needed, max(height, 0))
  }

  /// The regular target eased on the ZelHash ramp.
  ///
  /// For a parent height p in the ramp, `base + (base / 32) × (372,571 − p)` capped at
  /// `powLimit`; elsewhere `base`. fluxd multiplies by the `int` difference through
  /// `base_uint::operator*(uint32_t)`, so for p = 372,572 and 372,573 the factor is
  /// 2^32 − 1 and 2^32 − 2 and the product wraps modulo 2^256. That reading of the C++
  /// overload is an inference: replay the historical nBits at those two heights rather than
  /// trust the recomputed value.
  ///
  /// - Parameters:
  ///   - base: the LWMA3 target of the child of `parentHeight`.
  ///   - parentHeight: the tip's height.
  public func zelHashEasedTarget(_ base: UInt256, parentHeight: Int) -> UInt256 {
    guard let ramp = difficulty.zelHashRamp, ramp.parentHeights.contains(parentHeight) else { return base }
    let factor = UInt32(truncatingIfNeeded: ramp.anchorParentHeight - parentHeight)
    return min(base + base / ramp.divisor * UInt64(factor), difficulty.powLimit)
  }

  /// The target of block `height` before compact encoding; see `nextBits(forHeight:history:)`.
  private func rawNextTarget(forHeight height: Int, history: some RandomAccessCollection<BlockHeaderInfo>)
    -> UInt256
  {
    guard let tip = history.last else {
      precondition(height == 0, "difficulty history is empty for height \(height)")
      return difficulty.powLimit
    }
    precondition(tip.height == height - 1, "difficulty history ends at \(tip.height), not at \(height - 1)")
    if upgrades.isActive(.pon, at: height) {
      // The first window ignores the times, so its history need not reach a window back.
      let windowStart = isInFirstPonWindow(height) ? tip : history.header(at: tip.height - difficulty.ponWindow + 1)
      return ponTarget(forHeight: height, prevTarget: tip.target, tipTime: tip.time, windowStartTime: windowStart.time)
    }
    if let reset = difficulty.equihashResetParentHeights, reset.contains(tip.height) {
      return difficulty.powLimit
    }
    if upgrades.isActive(.acadia, at: height) {
      return zelHashEasedTarget(lwma3Target(history: history), parentHeight: tip.height)
    }
    if upgrades.isActive(.lwma, at: height) {
      return lwmaTarget(history: history)
    }
    return digishieldTarget(history: history)
  }
}
