// Wrapping addition, subtraction and multiplication and truncating division of `UInt256`,
// with the results of Bitcoin Core's `base_uint` operators (`src/arith_uint256.cpp`), which
// fluxd's difficulty rules use (flux-rules.md §5).

extension UInt256 {
  /// `lhs + rhs` modulo 2^256 (`base_uint::operator+=`: the carry out of the top limb is lost).
  @inlinable public static func + (lhs: UInt256, rhs: UInt256) -> UInt256 {
    var result = UInt256.zero
    var carry = false
    for index in 0..<4 {
      let (partial, overflow1) = lhs[limb: index].addingReportingOverflow(rhs[limb: index])
      let (sum, overflow2) = partial.addingReportingOverflow(carry ? 1 : 0)
      result[limb: index] = sum
      carry = overflow1 || overflow2
    }
    return result
  }

  /// `lhs − rhs` modulo 2^256 (`base_uint::operator-=`: 0 − 1 is 2^256 − 1).
  @inlinable public static func - (lhs: UInt256, rhs: UInt256) -> UInt256 {
    var result = UInt256.zero
    var borrow = false
    for index in 0..<4 {
      let (partial, overflow1) = lhs[limb: index].subtractingReportingOverflow(rhs[limb: index])
      let (difference, overflow2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
      result[limb: index] = difference
      borrow = overflow1 || overflow2
    }
    return result
  }

  /// `lhs × rhs` modulo 2^256, as `base_uint::operator*=(uint32_t)` for factors below 2^32.
  @inlinable public static func * (lhs: UInt256, rhs: UInt64) -> UInt256 {
    var result = UInt256.zero
    var carry: UInt64 = 0
    for index in 0..<4 {
      let (high, low) = lhs[limb: index].multipliedFullWidth(by: rhs)
      let (sum, overflow) = low.addingReportingOverflow(carry)
      result[limb: index] = sum
      // a·b + carry < 2^128, so the new carry cannot overflow.
      carry = high &+ (overflow ? 1 : 0)
    }
    return result
  }

  /// `lhs × rhs` modulo 2^256 (`base_uint::operator*=(const base_uint&)`: only the low
  /// 256 bits of the product are kept).
  @inlinable public static func * (lhs: UInt256, rhs: UInt256) -> UInt256 {
    var result = UInt256.zero
    for i in 0..<4 where lhs[limb: i] != 0 {
      var carry: UInt64 = 0
      for j in 0..<(4 - i) {
        let (high, low) = lhs[limb: i].multipliedFullWidth(by: rhs[limb: j])
        let (partial, overflow1) = low.addingReportingOverflow(result[limb: i + j])
        let (sum, overflow2) = partial.addingReportingOverflow(carry)
        result[limb: i + j] = sum
        // a·b + r + c ≤ (2^64 − 1)^2 + 2(2^64 − 1) = 2^128 − 1, so the new carry fits.
        carry = high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
      }
    }
    return result
  }

  /// `lhs / rhs` truncated toward zero.
  ///
  /// - Precondition: `rhs != 0`.
  @inlinable public static func / (lhs: UInt256, rhs: UInt64) -> UInt256 {
    precondition(rhs != 0, "UInt256 division by zero")
    var quotient = UInt256.zero
    var remainder: UInt64 = 0
    for index in stride(from: 3, through: 0, by: -1) {
      let step = rhs.dividingFullWidth((high: remainder, low: lhs[limb: index]))
      quotient[limb: index] = step.quotient
      remainder = step.remainder
    }
    return quotient
  }

  /// `lhs / rhs` truncated toward zero (`base_uint::operator/=`, by shift and subtract).
  ///
  /// - Precondition: `rhs != 0` (`arith_uint256` throws `uint_error` there).
  @inlinable public static func / (lhs: UInt256, rhs: UInt256) -> UInt256 {
    precondition(!rhs.isZero, "UInt256 division by zero")
    if rhs.l1 | rhs.l2 | rhs.l3 == 0 { return lhs / rhs.l0 }
    let shift = lhs.significantBitCount - rhs.significantBitCount
    guard shift >= 0 else { return .zero }
    var remainder = lhs
    var divisor = rhs << shift
    var quotient = UInt256.zero
    for bit in stride(from: shift, through: 0, by: -1) {
      if remainder >= divisor {
        remainder = remainder - divisor
        quotient[limb: bit / 64] |= 1 << (bit % 64)
      }
      divisor = divisor >> 1
    }
    return quotient
  }

  /// Adds in place, wrapping; see `+`.
  @inlinable public static func += (lhs: inout UInt256, rhs: UInt256) {
    lhs = lhs + rhs
  }

  /// Subtracts in place, wrapping; see `-`.
  @inlinable public static func -= (lhs: inout UInt256, rhs: UInt256) {
    lhs = lhs - rhs
  }

  /// Multiplies in place, keeping the low 256 bits; see `*`.
  @inlinable public static func *= (lhs: inout UInt256, rhs: UInt64) {
    lhs = lhs * rhs
  }

  /// Multiplies in place, keeping the low 256 bits; see `*`.
  @inlinable public static func *= (lhs: inout UInt256, rhs: UInt256) {
    lhs = lhs * rhs
  }

  /// Divides in place, truncating; see `/`.
  @inlinable public static func /= (lhs: inout UInt256, rhs: UInt64) {
    lhs = lhs / rhs
  }

  /// Divides in place, truncating; see `/`.
  @inlinable public static func /= (lhs: inout UInt256, rhs: UInt256) {
    lhs = lhs / rhs
  }
}
