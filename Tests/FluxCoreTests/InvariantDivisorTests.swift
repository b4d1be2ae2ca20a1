import Testing

@testable import FluxCore

/// `InvariantDivisor` must give `/` and `%` exactly, for every 64-bit numerator and every
/// divisor it accepts: the theorem in its header says so; these check the arithmetic that
/// applies it, at the edges where a carry or a rounding would show.
@Suite struct InvariantDivisorTests {
  /// Divisors at the edges (2, powers of two and their neighbours, 2^32 − 1), mainnet's
  /// 870 and its neighbours, and random ones of every length.
  static func divisors() -> [UInt64] {
    var state: UInt64 = 96
    var values: [UInt64] = [2, 3, 5, 7, 869, 870, 871, 696, 1_087, 63 * 86_400, (1 << 32) - 1, (1 << 32) - 2]
    for bits in 2...32 { values += [(1 << UInt64(bits)) - 1, 1 << UInt64(bits - 1), (1 << UInt64(bits - 1)) + 1] }
    for _ in 0..<200 { values.append(2 + splitMix64(&state) % ((1 << 32) - 2)) }
    return values.filter { $0 >= 2 && $0 < 1 << 32 }
  }

  @Test func dividesEveryNumeratorExactly() throws {
    var state: UInt64 = 870
    for d in Self.divisors() {
      let divisor = try #require(InvariantDivisor(d))
      // Multiples of d and their neighbours (where a quotient one too high or low shows),
      // the largest numerators, and random ones of every length.
      var numerators: [UInt64] = [0, 1, d - 1, d, d + 1, .max, .max - 1, .max / d * d, .max / d * d - 1]
      for _ in 0..<300 {
        let n = splitMix64(&state) >> (splitMix64(&state) % 64)
        numerators += [n, n / d * d, (n / d * d) &- 1]
      }
      for n in numerators {
        let (q, r) = divisor.divide(n)
        #expect(q == n / d && r == n % d, "n \(n), d \(d)")
      }
    }
  }

  /// n · 2^j is a multiple of d (j ≥ 32) exactly when (n · 2^32) mod d = 0, taken in
  /// 256-bit arithmetic.
  @Test func tellsMultiplesOfTheOddPart() throws {
    var state: UInt64 = 85
    for d in Self.divisors() {
      let divisor = try #require(InvariantDivisor(d))
      let odd = d >> UInt64(d.trailingZeroBitCount)
      var numerators: [UInt64] = [0, 1, d, odd, odd - 1, odd + 1, .max, .max / odd * odd]
      for _ in 0..<200 {
        let n = splitMix64(&state) >> (splitMix64(&state) % 64)
        numerators += [n, n / odd * odd, n / d * d]
      }
      for n in numerators {
        let shifted = UInt256(n) << 32
        let isMultiple = shifted / UInt256(d) * d == shifted
        #expect(divisor.dividesShiftedMultiple(of: n) == isMultiple, "n \(n), d \(d)")
      }
    }
  }

  @Test func acceptsOnlyDivisorsItIsExactFor() {
    #expect(InvariantDivisor(0) == nil)
    #expect(InvariantDivisor(1) == nil)
    #expect(InvariantDivisor(1 << 32) == nil)
    #expect(InvariantDivisor((1 << 32) - 1)?.divisor == (1 << 32) - 1)
    // c is ⌈2^96 / d⌉: 0 ≤ c·d − 2^96 < d, by 256-bit arithmetic.
    for d in Self.divisors() {
      guard let divisor = InvariantDivisor(d) else { continue }
      let c = UInt256(limbs: divisor.reciprocalLow, divisor.reciprocalHigh, 0, 0)
      let excess = c * d - UInt256(1) << 96
      #expect(!(c * d < UInt256(1) << 96) && excess < UInt256(d), "d \(d)")
    }
    // Mainnet's 870: 2^32 ≡ 16 (mod 870), so 2^96 ≡ 16³ = 4,096 ≡ 616 and
    // c = (2^96 − 616) / 870 + 1 = 0x4b542804b542804b542805 (870 · c = 2^96 + 254).
    #expect(
      InvariantDivisor(870).map { UInt256(limbs: $0.reciprocalLow, $0.reciprocalHigh, 0, 0) }
        == UInt256(hex: "4b542804b542804b542805"))
  }
}
