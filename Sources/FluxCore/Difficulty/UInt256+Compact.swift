// The compact "nBits" encoding of targets in block headers: Bitcoin Core's
// `arith_uint256::SetCompact` and `GetCompact` (`src/arith_uint256.cpp`), which fluxd uses
// unchanged for PoW and PoN targets (flux-rules.md §5). Exact, including the sign and
// overflow flags and the loss of all but the top 23 mantissa bits.
//
// Layout: the top byte is a size S in bytes, the low 23 bits a mantissa M and bit 23 a
// sign, so the value is M × 256^(S−3) (M shifted right when S < 3).

extension UInt256 {
  /// The target encoded by compact `bits`, with `SetCompact`'s flags.
  ///
  /// `isNegative` is set when the sign bit is set and the (shifted) mantissa is not 0;
  /// `isOverflow` when the value would not fit in 256 bits. In both cases `value` is what
  /// `SetCompact` leaves: the mantissa shifted with the sign bit dropped and bits past
  /// 2^255 lost. Consensus code rejects such nBits; the difficulty rules never produce them.
  @inlinable public static func decodeCompact(_ bits: UInt32) -> (value: UInt256, isNegative: Bool, isOverflow: Bool) {
    let size = Int(bits >> 24)
    var word = bits & 0x007f_ffff
    let value: UInt256
    if size <= 3 {
      word >>= 8 * (3 - size)
      value = UInt256(UInt64(word))
    } else {
      value = UInt256(word: UInt64(word), shiftedLeftBy: 8 * (size - 3))
    }
    let isNegative = word != 0 && bits & 0x0080_0000 != 0
    let isOverflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32))
    return (value, isNegative, isOverflow)
  }

  /// `word << shift` for a word below 2^32, cut to 256 bits: the mantissa placed straight
  /// into its limbs (the decode runs once per simulated block).
  @inlinable init(word: UInt64, shiftedLeftBy shift: Int) {
    self = .zero
    guard shift < 256 else { return }
    let limb = shift / 64
    let bits = UInt64(shift % 64)
    self[limb: limb] = word << bits
    if bits > 0, limb < 3 { self[limb: limb + 1] = word >> (64 - bits) }
  }

  /// The target encoded by compact `bits`, ignoring the flags, as the difficulty rules do
  /// when they read a header's nBits (`target.SetCompact(block->nBits)`).
  @inlinable public init(compact bits: UInt32) {
    self = UInt256.decodeCompact(bits).value
  }

  /// The compact encoding of this value (`GetCompact`): the top three significant bytes,
  /// truncated, never with the sign bit set by the mantissa (a mantissa ≥ 0x800000 is
  /// shifted one byte down and the size raised), and the sign bit added when `negative`
  /// and the mantissa is not 0.
  @inlinable public func compact(negative: Bool = false) -> UInt32 {
    var size = (significantBitCount + 7) / 8
    var compact: UInt32
    if size <= 3 {
      compact = UInt32(truncatingIfNeeded: low64 << (8 * (3 - size)))
    } else {
      compact = UInt32(truncatingIfNeeded: bits(from: 8 * (size - 3)))
    }
    if compact & 0x0080_0000 != 0 {
      compact >>= 8
      size += 1
    }
    compact |= UInt32(size) << 24
    if negative, compact & 0x007f_ffff != 0 { compact |= 0x0080_0000 }
    return compact
  }

  /// The 64 bits starting at bit `shift` (`(self >> shift).low64` without building the shifted value).
  @inlinable func bits(from shift: Int) -> UInt64 {
    let limb = shift / 64
    let offset = UInt64(shift % 64)
    let low = self[limb: limb] >> offset
    guard offset > 0, limb < 3 else { return low }
    return low | self[limb: limb + 1] << (64 - offset)
  }
}
