// Digishield v3: the PoW difficulty rule below LWMA's activation (heights < 125,000 on mainnet).
//
// Mirrors fluxd `src/pow.cpp` `DigishieldGetNextWorkRequired` and
// `DigishieldCalculateNextWorkRequired` with the `Consensus::Params` helpers
// `DigishieldAveragingWindowTimespan`, `DigishieldMinActualTimespan` and
// `DigishieldMaxActualTimespan` (flux-rules.md §5.1 and "Verified semantics"). Exact:
// `arith_uint256` arithmetic and C++ int64 division, which truncates toward zero.

extension ChainParams {
  /// The time the averaged blocks should take: window × PoW spacing (17 × 120 = 2,040 s).
  public var digishieldAveragingWindowTimespan: Int64 {
    Int64(difficulty.digishieldAveragingWindow) * powTargetSpacing
  }

  /// The shortest dampened timespan: the window timespan less `digishieldMaxAdjustUp`
  /// percent, truncated (2,040 × 84 / 100 = 1,713 s on mainnet).
  public var digishieldMinActualTimespan: Int64 {
    digishieldAveragingWindowTimespan * (100 - difficulty.digishieldMaxAdjustUp) / 100
  }

  /// The longest dampened timespan: the window timespan plus `digishieldMaxAdjustDown`
  /// percent, truncated (2,040 × 132 / 100 = 2,692 s on mainnet).
  public var digishieldMaxActualTimespan: Int64 {
    digishieldAveragingWindowTimespan * (100 + difficulty.digishieldMaxAdjustDown) / 100
  }

  /// The Digishield v3 target of the block after `history`'s last header.
  ///
  /// Averages the targets of the last `digishieldAveragingWindow` (17) blocks, tip−16 … tip
  /// (sum / 17, truncated), and measures their time as MTP(tip) − MTP(tip−17): the median
  /// time past of the block just before the averaged ones. With fewer than 18 blocks
  /// (tip height < 17) fluxd finds no such block and returns `powLimit`; near genesis the
  /// median time past uses the blocks there are.
  ///
  /// - Parameter history: headers in ascending order ending at the tip, holding tip−27 … tip
  ///   (or back to genesis).
  /// - Returns: the target before compact encoding.
  public func digishieldTarget(history: some RandomAccessCollection<BlockHeaderInfo>) -> UInt256 {
    let window = difficulty.digishieldAveragingWindow
    guard let tip = history.last, tip.height >= window else { return difficulty.powLimit }
    var total = UInt256.zero
    for height in (tip.height - window + 1)...tip.height {
      total += history.header(at: height).target
    }
    let timespan =
      medianTimePast(at: tip.height, history: history) - medianTimePast(at: tip.height - window, history: history)
    return digishieldTarget(averageTarget: total / UInt64(window), actualTimespan: timespan)
  }

  /// The Digishield v3 target from the average target and the measured timespan.
  ///
  /// Dampens the timespan to a quarter of its deviation, `2040 + (actual − 2040) / 4` with
  /// the division truncating toward zero, clamps it to
  /// [`digishieldMinActualTimespan`, `digishieldMaxActualTimespan`], then computes
  /// `average / 2040 × dampened` (dividing first, as fluxd does) and caps it at `powLimit`.
  ///
  /// - Parameters:
  ///   - averageTarget: the average of the window's targets.
  ///   - actualTimespan: MTP(tip) − MTP(tip − window), in seconds; may be negative.
  /// - Returns: the target before compact encoding.
  public func digishieldTarget(averageTarget: UInt256, actualTimespan: Int64) -> UInt256 {
    let windowTimespan = digishieldAveragingWindowTimespan
    let dampened = windowTimespan + (actualTimespan - windowTimespan) / 4
    let clamped = min(max(dampened, digishieldMinActualTimespan), digishieldMaxActualTimespan)
    let target = averageTarget / UInt64(windowTimespan) * UInt64(clamped)
    return min(target, difficulty.powLimit)
  }
}
