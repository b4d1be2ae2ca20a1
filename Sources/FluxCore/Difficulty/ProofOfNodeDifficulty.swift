// Proof-of-Node difficulty: the target a node's PoN hash must meet, from PoN's activation
// (height 2,020,000 on mainnet) on, and the probabilities it implies.
//
// Mirrors fluxd `src/pon/pon.cpp` `GetNextPONWorkRequired` (95–195 at commit 0d3abc1;
// eligibility: `CheckProofOfNode`; flux-rules.md §5.2 and "Verified semantics"). Exact:
// `arith_uint256` arithmetic, int64 clamps and the failsafes that return `ponLimit`. The
// probability and difficulty views are doubles for reporting only.

extension ChainParams {
  /// The time `ponWindow − 1` PoN blocks should take: (30 − 1) × 30 = 870 s on mainnet.
  public var ponTargetTimespan: Int64 {
    Int64(difficulty.ponWindow - 1) * ponTargetSpacing
  }

  /// The shortest timespan the PoN rule accepts: −20 %, truncated (870 × 4 / 5 = 696 s).
  public var ponMinActualTimespan: Int64 { ponTargetTimespan * 4 / 5 }

  /// The longest timespan the PoN rule accepts: +25 %, truncated (870 × 5 / 4 = 1,087 s).
  public var ponMaxActualTimespan: Int64 { ponTargetTimespan * 5 / 4 }

  /// Whether `height` is among the first `ponWindow` PoN blocks (2,020,000 … 2,020,029 on
  /// mainnet), whose target is `ponStartLimit` whatever their timing.
  public func isInFirstPonWindow(_ height: Int) -> Bool {
    guard let ponStart = upgrades.pon else { return false }
    return height >= ponStart && height < ponStart + difficulty.ponWindow
  }

  /// The PoN target of block `height`, from plain values so that a simulator can keep the
  /// last `ponWindow` timestamps in a ring buffer; see `PoNDifficultyRule.target`.
  ///
  /// - Parameters:
  ///   - height: the block being made; PoN must be active there.
  ///   - prevBits: the tip's nBits, which fluxd decodes with its sign and overflow flags.
  ///   - tipTime: the tip's timestamp.
  ///   - windowStartTime: the timestamp of the block `ponWindow − 1` below the tip (tip−29).
  /// - Returns: the target before compact encoding.
  public func ponTarget(forHeight height: Int, prevBits: UInt32, tipTime: Int64, windowStartTime: Int64)
    -> UInt256
  {
    precondition(upgrades.isActive(.pon, at: height), "PoN difficulty asked for height \(height) before PoN")
    return ponDifficultyRule.target(
      forHeight: height, prevBits: prevBits, tipTime: tipTime, windowStartTime: windowStartTime)
  }

  /// The constants of the PoN difficulty rule, gathered once.
  public var ponDifficultyRule: PoNDifficultyRule {
    PoNDifficultyRule(
      firstWindow: upgrades.pon.map { $0..<($0 + difficulty.ponWindow) } ?? Int.max..<Int.max,
      targetTimespan: ponTargetTimespan, minTimespan: ponMinActualTimespan, maxTimespan: ponMaxActualTimespan,
      limit: difficulty.ponLimit, startLimit: difficulty.ponStartLimit)
  }

  /// The chance that one node is eligible in one slot: p = target / 2^256, since its PoN
  /// hash is uniform and must be ≤ target. N nodes leave a slot empty with (1 − p)^N.
  public static func ponEligibilityProbability(target: UInt256) -> Double {
    Double(target) * 0x1p-256
  }

  /// The RPC-style difficulty of a target, D = powLimit / target (1 at `powLimit`).
  ///
  /// The Bitcoin-derived `getdifficulty` divides the compact mantissas of powLimit and of
  /// the block's nBits; for a target decoded from nBits that differs from this ratio only by
  /// powLimit's compact rounding, about 2 parts in a million. With mainnet's powLimit ≈ 2^243,
  /// p ≈ 1 / (8,192 · D).
  public func rpcDifficulty(target: UInt256) -> Double {
    Double(difficulty.powLimit) / Double(target)
  }
}

/// The PoN difficulty rule with its constants taken out of `ChainParams`: a small value a
/// per-block caller can hold, so a simulator computes each block's target without
/// passing the whole parameter set around.
public struct PoNDifficultyRule: Sendable, Equatable {
  /// The first `ponWindow` PoN heights, whose target is `startLimit`.
  public let firstWindow: Range<Int>
  /// 870 s on mainnet: (window − 1) × spacing.
  public let targetTimespan: Int64
  /// 696 s: −20 %, truncated.
  public let minTimespan: Int64
  /// 1,087 s: +25 %, truncated.
  public let maxTimespan: Int64
  /// `ponLimit`.
  public let limit: UInt256
  /// `ponStartLimit`.
  public let startLimit: UInt256
  /// `startLimit`'s nBits.
  public let startLimitBits: UInt32
  /// The nBits of `limit` when it is 2^n − 1 (a run of one bits, as `ponLimit` is),
  /// which lets `nextBits` test the cap by bit length; nil otherwise.
  public let limitBits: UInt32?
  /// n for a limit of 2^n − 1.
  public let limitBitCount: Int
  /// `targetTimespan` as a divisor with its reciprocal (`nextBits` divides by it every
  /// block); nil outside 2 ..< 2^32, where `nextBits` takes the 256-bit path.
  public let timespanDivisor: InvariantDivisor?
  /// The sizes (nBits' top byte) of a previous target that `nextBits` computes in 64-bit
  /// arithmetic whatever the timespan, `bitsPathSizeCount` of them from
  /// `bitsPathLowestSize`: every condition of its derivation that does not depend on the
  /// mantissa, checked once here rather than on every block (none when the limit is not
  /// a run of ones, the timespan not a divisor, the clamps outside 1 ..< 2^30, or the
  /// longest timespan over twice the target one).
  public let bitsPathLowestSize: UInt32
  public let bitsPathSizeCount: UInt32

  public init(
    firstWindow: Range<Int>, targetTimespan: Int64, minTimespan: Int64, maxTimespan: Int64, limit: UInt256,
    startLimit: UInt256
  ) {
    self.firstWindow = firstWindow
    self.targetTimespan = targetTimespan
    self.minTimespan = minTimespan
    self.maxTimespan = maxTimespan
    self.limit = limit
    self.startLimit = startLimit
    startLimitBits = startLimit.compact()
    limitBitCount = limit.significantBitCount
    let isRunOfOnes = limit == .max || (limit + 1) == UInt256(1) << limitBitCount
    limitBits = isRunOfOnes ? limit.compact() : nil
    timespanDivisor = targetTimespan > 0 ? InvariantDivisor(UInt64(targetTimespan)) : nil
    // k = 8(size − 3) − 64 ≥ 21 (from size 14, k = 24), and r·a ≤ 2^k for every clamped a
    // (r < T) from k = 62 on or where (T − 1) × the longest a fits. Size 32 is the largest
    // whose target, under 2^255, fits arith_uint256 with any mantissa, and a ≤ 2T keeps
    // the product under 2^256 (arith_uint256 would wrap it). The clamps are checked
    // first: with them, T ≥ 2 and 0 < a < 2^30, and nothing below traps.
    if limitBits != nil, timespanDivisor != nil, minTimespan > 0, maxTimespan >= minTimespan,
      maxTimespan < 1 << 30, maxTimespan <= 2 * targetTimespan,
      let lowest = (14...32).first(where: { size in
        let k = 8 * (size - 3) - 64
        return k >= 62 || UInt64(targetTimespan - 1) * UInt64(maxTimespan) <= 1 << UInt64(k)
      })
    {
      bitsPathLowestSize = UInt32(lowest)
      bitsPathSizeCount = UInt32(33 - lowest)
    } else {
      bitsPathLowestSize = 0
      bitsPathSizeCount = 0
    }
  }

  /// The target of block `height` from the tip's nBits, step by step as fluxd
  /// `GetNextPONWorkRequired` (`src/pon/pon.cpp`, commit 0d3abc1) takes it:
  ///
  /// 1. In the first window, `startLimit` (line 120).
  /// 2. A target timespan ≤ 0 gives `limit` (144–147; a window of one block).
  /// 3. actual = tipTime − windowStartTime, clamped to [`minTimespan`, `maxTimespan`]
  ///    (152–157).
  /// 4. A previous target that decodes negative, overflowing or zero gives `limit`
  ///    (161–170: `SetCompact` with its flags).
  /// 5. prev / targetTimespan × actual, dividing first (175–176); the multiplication is
  ///    `base_uint::operator*=(uint32_t)`, so actual is taken modulo 2^32 as C++ converts it.
  /// 6. Capped at `limit` (179–181), and a result of 0 gives `limit` as well (185–188: the
  ///    "failsafe" for a previous target below the target timespan).
  ///
  /// When every slot is filled, blocks are exactly 30 s apart, actual is 870 and the target
  /// only loses `prev mod 870` (flux-rules.md §5.2).
  @inlinable public func target(forHeight height: Int, prevBits: UInt32, tipTime: Int64, windowStartTime: Int64)
    -> UInt256
  {
    if firstWindow.contains(height) { return startLimit }
    guard targetTimespan > 0 else { return limit }
    let actual = min(max(tipTime - windowStartTime, minTimespan), maxTimespan)
    let previous = UInt256.decodeCompact(prevBits)
    if previous.isNegative || previous.isOverflow || previous.value.isZero { return limit }
    let factor = UInt64(UInt32(truncatingIfNeeded: actual))
    let target = min(previous.value / UInt64(targetTimespan) * factor, limit)
    return target.isZero ? limit : target
  }
}
