// The PoN difficulty rule computed on compact nBits directly: the same result as
// decoding the tip's nBits, applying `PoNDifficultyRule.target` in 256-bit arithmetic and
// encoding with `GetCompact`, in a few 64-bit operations. A simulator runs the rule once
// per block for tens of millions of blocks; exactness is kept, and proved against the
// 256-bit path by a property test over random inputs.
//
// Derivation. Let the tip's nBits hold mantissa m (1 ≤ m < 2^23) and size s, so
// prev = m·2^e with e = 8(s − 3); let T be the target timespan (870 on mainnet, < 2^32)
// and a the clamped actual timespan (0 < a < 2^30). The rule computes t = ⌊m·2^e / T⌋ · a.
// With M = m·a (< 2^53) and r = m·2^e mod T, t = (M·2^e − r·a) / T exactly. Write
// k = e − 64 and split M·2^64 = T·W + F (0 ≤ F < T). Then
//   ⌊t / 2^k⌋ = ⌊(M·2^64 − r·a/2^k) / T⌋ = W + ⌊(F − r·a/2^k) / T⌋.
// When r·a ≤ 2^k the correction is −1 if F = 0 and r > 0, else 0; r < T, so
// (T − 1)·a ≤ 2^k suffices, which mainnet meets at every size the path takes
// (k ≥ 24 and 869 × 1,087 < 2^20) and a long custom spacing may not.
// So t = H·2^k + L with H known exactly and 0 ≤ L < 2^k. GetCompact keeps the top three
// bytes of t, which start at bit 8(size − 3) > k because H ≥ 2^64 / T − 1 has at least
// 32 bits; they are therefore H's bits, and L never matters. The cap at a limit of the
// form 2^n − 1 is "t has more than n bits". Inputs outside these conditions use the
// 256-bit path, and so do all of fluxd's failsafes (a target timespan ≤ 0; a previous
// nBits that is negative, overflows or decodes to 0; a result of 0), which `target(...)`
// maps to the limit.
//
// Only H's top bits are kept, so W is never formed whole. With z the leading zero bits
// of M, M·2^z has its top bit at 63; let q = ⌊M·2^z / T⌋ and ρ its remainder, one 64-bit
// division (through T's reciprocal, `InvariantDivisor`). Then q = ⌊W / 2^(64 − z)⌋
// (a floor of a floor by a power of two), so W has bits(q) + 64 − z bits, q ≥ 2^63 / T
// has at least 32, and the three bytes kept start j ≥ bits(W) − 24 bits into H, at
// least 8 bits into q: ⌊W / 2^j⌋ = ⌊q / 2^(j − 64 + z)⌋. F = 0 exactly when T's odd part
// divides M (T < 2^32), and r > 0 exactly when it does not divide m (e ≥ 88). In the
// corrected case H = W − 1, and ⌊H / 2^j⌋ is one less than ⌊W / 2^j⌋ exactly when 2^j
// divides W, that is when ρ = 0 (W's low 64 − z bits are 0) and q's low j − 64 + z bits
// are 0. So `corrected` below asks for ρ = 0, which implies F = 0 (T divides M·2^z), and
// for r > 0: without ρ = 0 the correction borrows nothing. H has W's length unless W is
// a power of two, when H = 2^n − 1 is all ones; taking W's length n + 1 then keeps the
// same bits: past a byte boundary the bytes kept start 8 bits higher, 0xffff in one more
// byte, which is what GetCompact makes of H's 0xffffff (its sign-bit shift), and a cap at
// n + k = bits of the limit 2^L − 1 gives the limit's nBits, H's own encoding (all ones,
// L bits).

extension PoNDifficultyRule {
  /// The nBits of block `height` from the tip's nBits: `target(...)` through compact
  /// encoding, exactly, without 256-bit arithmetic in the common case.
  ///
  /// - Parameters:
  ///   - height: the block being made.
  ///   - prevBits: the tip's nBits.
  ///   - tipTime: the tip's timestamp.
  ///   - windowStartTime: the timestamp of the block `ponWindow − 1` below the tip.
  @inlinable public func nextBits(forHeight height: Int, prevBits: UInt32, tipTime: Int64, windowStartTime: Int64)
    -> UInt32
  {
    if firstWindow.contains(height) { return startLimitBits }
    let actual = min(max(tipTime - windowStartTime, minTimespan), maxTimespan)
    let size = prevBits >> 24
    let mantissa = UInt64(prevBits & 0x007f_ffff)
    // Outside the conditions of the derivation (a negative, zero or overflowing previous
    // target, a size outside `bitsPathLowestSize`'s range: too small for the split or
    // too large for arith_uint256, or a rule whose constants rule the path out), take
    // the 256-bit path.
    guard prevBits & 0x0080_0000 == 0, mantissa != 0, size &- bitsPathLowestSize < bitsPathSizeCount,
      let limitBits, let timespan = timespanDivisor
    else {
      return target(forHeight: height, prevBits: prevBits, tipTime: tipTime, windowStartTime: windowStartTime)
        .compact()
    }
    // Wrapping arithmetic and masked shifts from here: every value is bounded by the
    // derivation (M < 2^53, 11 ≤ z ≤ 63, bits(t) ≤ 256, 8 ≤ shift ≤ 47), so none of
    // Swift's overflow and shift-range checks can fire.
    let k = 8 &* (Int(size) &- 3) &- 64
    let product = mantissa &* UInt64(truncatingIfNeeded: actual)
    let low = 64 &- product.leadingZeroBitCount
    let (quotient, rest) = timespan.divide(product &<< UInt64(truncatingIfNeeded: 64 &- low))
    let corrected = rest == 0 && !timespan.dividesShiftedMultiple(of: mantissa)
    // At most 256 bits: prev < 2^255 and a ≤ 2T (`bitsPathLowestSize`).
    let targetBits = 64 &- quotient.leadingZeroBitCount &+ low &+ k
    if targetBits > limitBitCount { return limitBits }
    var bytes = (targetBits &+ 7) &>> 3
    let shift = UInt64(truncatingIfNeeded: 8 &* (bytes &- 3) &- k &- low)
    var kept = quotient &>> shift
    if corrected && quotient & ((1 &<< shift) &- 1) == 0 { kept &-= 1 }
    var compact = UInt32(truncatingIfNeeded: kept) & 0x00ff_ffff
    if compact & 0x0080_0000 != 0 {
      compact &>>= 8
      bytes &+= 1
    }
    return compact | UInt32(bytes) << 24
  }

  /// p = target / 2^256 straight from nBits (of a target below 2^256, as every PoN target
  /// is): mantissa × 2^(8(size − 3) − 256), exact in a
  /// `Double` (a 23-bit mantissa times a power of two).
  @inlinable @inline(__always) public static func eligibilityProbability(bits: UInt32) -> Double {
    let size = Int(bits >> 24)
    let word = bits & 0x007f_ffff
    if size < 3 { return Double(word >> UInt32(8 * (3 - size))) * 0x1p-256 }
    return Double(word) * pow2(8 * (size - 3) - 256)
  }

  /// 2^exponent: a normal power of two straight from its bits (a biased exponent and a
  /// zero fraction), which the engine's slot draw reads every block; the general
  /// initializer, with its subnormal and overflow cases, otherwise.
  @inlinable @inline(__always) static func pow2(_ exponent: Int) -> Double {
    if exponent >= Double.leastNormalMagnitude.exponent && exponent <= Double.greatestFiniteMagnitude.exponent {
      return Double(bitPattern: UInt64(exponent + 1023) << 52)
    }
    return Double(sign: .plus, exponent: exponent, significand: 1)
  }
}
