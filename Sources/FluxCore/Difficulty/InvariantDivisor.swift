/// Division of 64-bit numbers by a fixed divisor below 2^32 through a precomputed
/// reciprocal: two multiplications instead of a `div`, which the PoN difficulty rule
/// would otherwise run on every block on its constant target timespan.
///
/// Exactness (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019,
/// theorem 1): with c = ⌈2^F / d⌉ and c·d − 2^F ≤ 2^(F − N), ⌊n·c / 2^F⌋ = ⌊n / d⌋ for
/// every N-bit n. Here N = 64 and F = 96: c·d − 2^96 < d < 2^32 = 2^(F − N), so the
/// quotient is exact for every `UInt64`; c < 2^96 for d ≥ 2, a 32-bit high word and a
/// 64-bit low word. `InvariantDivisorTests` checks it against `/` and `%`.
public struct InvariantDivisor: Sendable, Equatable {
  /// d, in 2 ..< 2^32.
  public let divisor: UInt64
  /// c = ⌈2^96 / d⌉ = `reciprocalHigh` · 2^64 + `reciprocalLow`.
  @usableFromInline let reciprocalHigh: UInt64
  @usableFromInline let reciprocalLow: UInt64
  /// d's odd part o (d = 2^v · o), its inverse modulo 2^64 and ⌊(2^64 − 1) / o⌋: n is a
  /// multiple of o exactly when n · inverse mod 2^64 ≤ that bound (Granlund and
  /// Montgomery, "Division by invariant integers using multiplication", 1994, §9).
  @usableFromInline let oddInverse: UInt64
  @usableFromInline let oddBound: UInt64

  /// The divisor `divisor`, or nil outside 2 ..< 2^32 (where the bound above fails or c
  /// does not fit).
  public init?(_ divisor: UInt64) {
    guard divisor >= 2, divisor < 1 << 32 else { return nil }
    self.divisor = divisor
    // 2^96 / d in two long-division steps: 2^32 / d, then the remainder's 2^64 share.
    let (high, rest) = (UInt64(1) << 32).quotientAndRemainder(dividingBy: divisor)
    let (low, remainder) = divisor.dividingFullWidth((rest, 0))
    let (rounded, carry) = low.addingReportingOverflow(remainder == 0 ? 0 : 1)
    reciprocalHigh = high + (carry ? 1 : 0)
    reciprocalLow = rounded
    let odd = divisor >> UInt64(divisor.trailingZeroBitCount)
    // Newton's iteration x ← x(2 − o·x) doubles the correct low bits; x = o is right to
    // three (o² ≡ 1 mod 8 for odd o): 3, 6, 12, 24, 48, 96.
    var inverse = odd
    for _ in 0..<5 { inverse &*= 2 &- odd &* inverse }
    oddInverse = inverse
    oddBound = .max / odd
  }

  /// ⌊n / d⌋ and n mod d.
  @inlinable @inline(__always) public func divide(_ n: UInt64) -> (quotient: UInt64, remainder: UInt64) {
    // n·c = h2·2^128 + (l2 + h1)·2^64 + l1; its 2^96 quotient is < 2^64 (it is ⌊n/d⌋), so
    // (h2 + carry) < 2^32 and the low 64 bits of l1's word never reach bit 96.
    let (h1, _) = n.multipliedFullWidth(by: reciprocalLow)
    let (h2, l2) = n.multipliedFullWidth(by: reciprocalHigh)
    let (middle, carry) = l2.addingReportingOverflow(h1)
    let quotient = (h2 &+ (carry ? 1 : 0)) << 32 | middle >> 32
    return (quotient, n &- quotient &* divisor)
  }

  /// Whether d divides n · 2^j for every j ≥ 32: whether d's odd part divides n (its
  /// power of two, below 2^32, divides 2^j). One multiplication, no division.
  @inlinable @inline(__always) public func dividesShiftedMultiple(of n: UInt64) -> Bool {
    n &* oddInverse <= oddBound
  }
}
