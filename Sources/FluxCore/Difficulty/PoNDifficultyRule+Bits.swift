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
// maps to the limit. The divisions by T go through its reciprocal (`InvariantDivisor`).

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
    let size = Int(prevBits >> 24)
    let mantissa = UInt64(prevBits & 0x007f_ffff)
    let exponent = 8 * (size - 3)
    let k = exponent - 64
    // Outside the conditions of the derivation (a negative, zero or overflowing previous
    // target, a timespan outside 2 ..< 2^32, a target too small for the split, or a product that would
    // wrap in arith_uint256), take the 256-bit path.
    func generic() -> UInt32 {
      target(forHeight: height, prevBits: prevBits, tipTime: tipTime, windowStartTime: windowStartTime).compact()
    }
    guard let limitBits, let timespan = timespanDivisor, prevBits & 0x0080_0000 == 0, mantissa != 0, k >= 21,
      exponent + 64 - mantissa.leadingZeroBitCount <= 256, actual > 0, actual < 1 << 30,
      // (T − 1)·a < 2^62, so the bound holds by itself from k = 62 on.
      k >= 62 || UInt64(targetTimespan - 1) * UInt64(actual) <= 1 << UInt64(k)
    else { return generic() }
    let product = mantissa * UInt64(actual)
    // W = ⌊product·2^64 / T⌋ as a 128-bit (high, low) pair, and F the remainder; W − 1
    // when F = 0 and r > 0, where r = m·2^e mod T is 0 exactly when T divides m·2^e
    // (e ≥ 85 here).
    let (high, rest) = timespan.divide(product)
    @inline(__always) func isCorrected(_ remainder: UInt64) -> Bool {
      remainder == 0 && !timespan.dividesShiftedMultiple(of: mantissa)
    }
    // The low word is ⌊rest·2^64 / T⌋: at least 1 when rest > 0 (T < 2^32), so the −1
    // reaches the high word only when rest = 0, where F = 0 too. When the high word is
    // not 0 and the three bytes kept start at or above bit 64 of W (`shift` ≥ 64 below,
    // the usual case: W has about 84 bits on mainnet), the low word is never read, and
    // its two divisions are skipped.
    var quotient = (high: rest == 0 && isCorrected(0) ? high - 1 : high, low: UInt64(0))
    let highBits = 128 - quotient.high.leadingZeroBitCount
    if quotient.high == 0 || 8 * ((highBits + k + 7) / 8 - 3) - k < 64 {
      let (low, remainder) = timespan.divideShifted(rest)
      quotient = (high, low)
      if isCorrected(remainder) {
        quotient = quotient.low == 0 ? (quotient.high - 1, .max) : (quotient.high, quotient.low - 1)
      }
    }
    let quotientBits =
      quotient.high != 0 ? 128 - quotient.high.leadingZeroBitCount : 64 - quotient.low.leadingZeroBitCount
    let targetBits = quotientBits + k
    if targetBits > 256 { return generic() }
    if targetBits > limitBitCount { return limitBits }
    var bytes = (targetBits + 7) / 8
    let shift = 8 * (bytes - 3) - k
    var compact =
      UInt32(
        truncatingIfNeeded: shift >= 64
          ? quotient.high >> (shift - 64) : quotient.low >> shift | quotient.high << (64 - shift))
      & 0x00ff_ffff
    if compact & 0x0080_0000 != 0 {
      compact >>= 8
      bytes += 1
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
