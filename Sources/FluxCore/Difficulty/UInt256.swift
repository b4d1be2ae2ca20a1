/// An unsigned 256-bit integer with the wrapping semantics of Bitcoin Core's `arith_uint256`.
///
/// fluxd computes every difficulty target with `arith_uint256` (`src/arith_uint256.h`,
/// used by `src/pow.cpp` and `src/pon/pon.cpp`; flux-rules.md §5), and its results depend
/// on that type's exact behaviour: division truncates, products are cut to 256 bits and
/// sums wrap modulo 2^256. The ZelHash easing ramp even relies on a product that overflows.
/// So `+`, `-` and `*` here wrap instead of trapping, and `/` truncates, exactly as there.
/// Division by zero is a programming error (`arith_uint256` throws; no rule divides by a
/// value that can be zero) and stops with a precondition failure.
public struct UInt256: Sendable, Hashable {
  // Four 64-bit limbs, least significant first (`base_uint` keeps 32-bit words the same way).
  @usableFromInline var l0: UInt64
  @usableFromInline var l1: UInt64
  @usableFromInline var l2: UInt64
  @usableFromInline var l3: UInt64

  /// The value `l0 + l1·2^64 + l2·2^128 + l3·2^192`: limbs are given least significant first.
  @inlinable public init(limbs l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
    self.l0 = l0
    self.l1 = l1
    self.l2 = l2
    self.l3 = l3
  }

  /// The value of a 64-bit integer (`arith_uint256(uint64_t)`).
  @inlinable public init(_ value: UInt64) {
    self.init(limbs: value, 0, 0, 0)
  }

  /// 0.
  public static let zero = UInt256(limbs: 0, 0, 0, 0)
  /// 2^256 − 1.
  public static let max = UInt256(limbs: .max, .max, .max, .max)

  /// Whether the value is 0.
  @inlinable public var isZero: Bool { l0 | l1 | l2 | l3 == 0 }

  /// The low 64 bits (`GetLow64`).
  @inlinable public var low64: UInt64 { l0 }

  /// The number of bits needed to write the value: 0 for 0, else the highest set bit's
  /// position plus one (`arith_uint256::bits()`), which sizes the compact encoding.
  @inlinable public var significantBitCount: Int {
    if l3 != 0 { return 256 - l3.leadingZeroBitCount }
    if l2 != 0 { return 192 - l2.leadingZeroBitCount }
    if l1 != 0 { return 128 - l1.leadingZeroBitCount }
    return 64 - l0.leadingZeroBitCount
  }

  /// The number of zero bits above the highest set bit (256 for 0).
  @inlinable public var leadingZeroBitCount: Int { 256 - significantBitCount }

  /// Limb `index` (0 least significant … 3 most significant).
  @inlinable subscript(limb index: Int) -> UInt64 {
    get {
      switch index {
      case 0: l0
      case 1: l1
      case 2: l2
      case 3: l3
      default: preconditionFailure("UInt256 limb index \(index) out of 0...3")
      }
    }
    set {
      switch index {
      case 0: l0 = newValue
      case 1: l1 = newValue
      case 2: l2 = newValue
      case 3: l3 = newValue
      default: preconditionFailure("UInt256 limb index \(index) out of 0...3")
      }
    }
  }
}

extension UInt256: ExpressibleByIntegerLiteral {
  /// A literal that fits in 64 bits, so that rules and tests can write `870` for a target factor.
  @inlinable public init(integerLiteral value: UInt64) {
    self.init(value)
  }
}

extension UInt256: Comparable {
  /// Numeric order, most significant limb first.
  @inlinable public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
    if lhs.l3 != rhs.l3 { return lhs.l3 < rhs.l3 }
    if lhs.l2 != rhs.l2 { return lhs.l2 < rhs.l2 }
    if lhs.l1 != rhs.l1 { return lhs.l1 < rhs.l1 }
    return lhs.l0 < rhs.l0
  }
}

extension UInt256 {
  /// `value` shifted `count` bits toward the most significant end; bits shifted past
  /// 2^255 are lost, so a count of 256 or more gives 0 (as `base_uint::operator<<=`).
  ///
  /// - Precondition: `count >= 0`.
  @inlinable public static func << (value: UInt256, count: Int) -> UInt256 {
    precondition(count >= 0, "UInt256 shift by a negative count \(count)")
    guard count < 256 else { return .zero }
    let limbShift = count / 64
    let bitShift = count % 64
    var result = UInt256.zero
    for index in limbShift..<4 {
      let source = index - limbShift
      var word = value[limb: source] << bitShift
      if bitShift > 0, source > 0 { word |= value[limb: source - 1] >> (64 - bitShift) }
      result[limb: index] = word
    }
    return result
  }

  /// `value` shifted `count` bits toward the least significant end (truncating, as
  /// `base_uint::operator>>=`); a count of 256 or more gives 0.
  ///
  /// - Precondition: `count >= 0`.
  @inlinable public static func >> (value: UInt256, count: Int) -> UInt256 {
    precondition(count >= 0, "UInt256 shift by a negative count \(count)")
    guard count < 256 else { return .zero }
    let limbShift = count / 64
    let bitShift = count % 64
    var result = UInt256.zero
    for index in 0..<(4 - limbShift) {
      let source = index + limbShift
      var word = value[limb: source] >> bitShift
      if bitShift > 0, source < 3 { word |= value[limb: source + 1] << (64 - bitShift) }
      result[limb: index] = word
    }
    return result
  }

  /// Shifts `value` left in place; see `<<`.
  @inlinable public static func <<= (value: inout UInt256, count: Int) {
    value = value << count
  }

  /// Shifts `value` right in place; see `>>`.
  @inlinable public static func >>= (value: inout UInt256, count: Int) {
    value = value >> count
  }
}
