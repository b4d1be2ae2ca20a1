// The target of the next block: which difficulty rule applies at a height, with the
// Equihash 144,5 reset and the ZelHash easing ramp.
//
// Mirrors fluxd `src/pow.cpp` `GetNextWorkRequired` (20–97 at commit afd3331) for PoW and
// `src/pon/pon.cpp` `GetNextPONWorkRequired` for PoN (flux-rules.md §5). Exact, including
// the ramp's compact rounding and its wrap-around at the last two ramp parents (see
// `zelHashEasedTarget(_:parentHeight:)`). Not modelled: testnet's minimum-difficulty blocks
// after a long gap, which depend on the new block's own time.

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
  /// For a parent height p in the ramp fluxd eases the LWMA3 target as
  /// `Lwma3CalculateNextWorkRequired` returns it, that is rounded through the compact
  /// encoding (`fullTarget.SetCompact(Lwma3CalculateNextWorkRequired(...))`): with B that
  /// rounded target, the result is `B + (B >> 5) × (372,571 − p)` capped at `powLimit`.
  /// Elsewhere `regular` is returned unchanged. The factor is the `int` difference passed
  /// to `base_uint::operator*=(uint32_t)`, which C++ overload resolution prefers (a standard
  /// conversion) to `operator*=(const base_uint&)` (a user-defined one), so for p = 372,572
  /// and 372,573 it is 2^32 − 1 and 2^32 − 2 and the product wraps modulo 2^256, as the
  /// sum then does; fluxd_rust reads it the same way (`step as u32` and `overflowing_mul`,
  /// `crates/pow/src/difficulty.rs` 161–175, which also rounds first).
  ///
  /// fluxd `src/pow.cpp` 36–55 (commit afd3331; SetCompact at 42, the multiplication at 48),
  /// flux-rules.md §5.1.
  ///
  /// - Parameters:
  ///   - regular: the LWMA3 target of the child of `parentHeight`, before compact encoding.
  ///   - parentHeight: the tip's height.
  public func zelHashEasedTarget(_ regular: UInt256, parentHeight: Int) -> UInt256 {
    guard let ramp = difficulty.zelHashRamp, ramp.parentHeights.contains(parentHeight) else { return regular }
    let base = UInt256(compact: regular.compact())
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
      return ponTarget(forHeight: height, prevBits: tip.bits, tipTime: tip.time, windowStartTime: windowStart.time)
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
