import FluxCore
import Testing

@Suite struct UInt256Tests {
  static let all64: UInt64 = .max

  @Test func addsWithCarryAcrossLimbs() {
    // (2^192 − 1) + 1 = 2^192: the carry ripples through three full limbs.
    #expect(UInt256(limbs: .max, .max, .max, 0) + 1 == UInt256(limbs: 0, 0, 0, 1))
    // (2^64 − 1) + (2^64 − 1) = 2^65 − 2 = limbs (2^64 − 2, 1).
    #expect(UInt256(Self.all64) + UInt256(Self.all64) == UInt256(limbs: .max - 1, 1, 0, 0))
  }

  @Test func additionWrapsModulo2To256() {
    #expect(UInt256.max + 1 == .zero)
    // 2 · (2^256 − 1) = 2^257 − 2 ≡ 2^256 − 2.
    #expect(UInt256.max + .max == UInt256(limbs: .max - 1, .max, .max, .max))
  }

  @Test func subtractsWithBorrowAndWraps() {
    // 2^192 − 1 borrows through three limbs.
    #expect(UInt256(limbs: 0, 0, 0, 1) - 1 == UInt256(limbs: .max, .max, .max, 0))
    #expect(UInt256.zero - 1 == .max)
    #expect(UInt256(limbs: 5, 7, 0, 0) - UInt256(limbs: 6, 3, 0, 0) == UInt256(limbs: .max, 3, 0, 0))
  }

  @Test func multipliesByUInt64() {
    // (2^64 − 1)^2 = 2^128 − 2^65 + 1 = limbs (1, 2^64 − 2).
    #expect(UInt256(Self.all64) * Self.all64 == UInt256(limbs: 1, .max - 1, 0, 0))
    // (2^256 − 1) · 2 ≡ 2^256 − 2.
    #expect(UInt256.max * 2 == UInt256(limbs: .max - 1, .max, .max, .max))
    // 2^192 · 2^63 = 2^255 fits; one more doubling is 2^256 ≡ 0.
    #expect(UInt256(limbs: 0, 0, 0, 1) * (1 << 63) == UInt256(limbs: 0, 0, 0, 1 << 63))
    #expect(UInt256(limbs: 0, 0, 0, 1 << 63) * 2 == .zero)
  }

  @Test func multipliesByUInt256TruncatingTo256Bits() {
    // (2^64 + 1)(2^64 − 1) = 2^128 − 1.
    #expect(UInt256(limbs: 1, 1, 0, 0) * UInt256(Self.all64) == UInt256(limbs: .max, .max, 0, 0))
    // (2^128 − 1)^2 = 2^256 − 2^129 + 1 ≡ limbs (1, 0, 2^64 − 2, 2^64 − 1).
    let low128 = UInt256(limbs: .max, .max, 0, 0)
    #expect(low128 * low128 == UInt256(limbs: 1, 0, .max - 1, .max))
    // (−1)^2 = 1 and 2^128 · 2^128 = 2^256 ≡ 0.
    #expect(UInt256.max * UInt256.max == 1)
    #expect(UInt256(limbs: 0, 0, 1, 0) * UInt256(limbs: 0, 0, 1, 0) == .zero)
  }

  @Test func dividesByUInt64Truncating() {
    // 3 × 0x55…55 (128 bits) = 0xff…ff = 2^128 − 1, so 2^128 / 3 = 0x55…55, remainder 1.
    let fives: UInt64 = 0x5555_5555_5555_5555
    #expect(UInt256(limbs: 0, 0, 1, 0) / UInt256(3) == UInt256(limbs: fives, fives, 0, 0))
    #expect(UInt256(limbs: 0, 0, 1, 0) / UInt64(3) == UInt256(limbs: fives, fives, 0, 0))
    // 2^256 − 1 = (2^64 − 1)(2^192 + 2^128 + 2^64 + 1).
    #expect(UInt256.max / Self.all64 == UInt256(limbs: 1, 1, 1, 1))
    #expect(UInt256(7) / UInt64(8) == .zero)
  }

  @Test func dividesByUInt256Truncating() {
    // 2^256 − 1 = (2^128 + 1)(2^128 − 1).
    #expect(UInt256.max / UInt256(limbs: 1, 0, 1, 0) == UInt256(limbs: .max, .max, 0, 0))
    // 2^256 − 1 = (2^64 − 1) · limbs (1, 1, 1, 1).
    #expect(UInt256.max / UInt256(limbs: 1, 1, 1, 1) == UInt256(Self.all64))
    // (2^64 + 1)(2^128 − 2^64) = 2^192 − 2^64, remainder 2^64 < 2^64 + 1: quotient 2^128 − 2^64.
    #expect(UInt256(limbs: 0, 0, 0, 1) / UInt256(limbs: 1, 1, 0, 0) == UInt256(limbs: 0, .max, 0, 0))
    // (2^200 + 5) / 2^100 = 2^100 (the 5 is dropped).
    let dividend = (UInt256(1) << 200) + 5
    #expect(dividend / (UInt256(1) << 100) == UInt256(1) << 100)
    #expect(dividend / dividend == 1)
    #expect(UInt256(limbs: 0, 1, 0, 0) / UInt256(limbs: 0, 0, 1, 0) == .zero)
  }

  @Test func divisionByZeroStopsTheProcess() async {
    await #expect(processExitsWith: .failure) {
      _ = UInt256(limbs: 0, 1, 0, 0) / UInt256.zero
    }
    await #expect(processExitsWith: .failure) {
      _ = UInt256(1) / UInt64(0)
    }
  }

  @Test func shiftsAcrossLimbs() {
    #expect(UInt256(1) << 255 == UInt256(limbs: 0, 0, 0, 1 << 63))
    #expect((UInt256(1) << 255) >> 255 == 1)
    #expect(UInt256(1) << 256 == .zero)
    #expect(UInt256.max >> 256 == .zero)
    #expect(UInt256(7) << 0 == 7)
    // Bit 63 moves into limb 1 and bit 0 to bit 1.
    #expect(UInt256(limbs: 0x8000_0000_0000_0001, 0, 0, 0) << 1 == UInt256(limbs: 2, 1, 0, 0))
    #expect(UInt256(limbs: 0, 1, 0, 0) >> 1 == UInt256(limbs: 1 << 63, 0, 0, 0))
    // 0xF << 68 = 0xF0 × 2^64.
    #expect(UInt256(0xf) << 68 == UInt256(limbs: 0, 0xf0, 0, 0))
    #expect(UInt256(limbs: 0, 0xf0, 0, 0) >> 68 == 0xf)
  }

  @Test func comparesMostSignificantLimbFirst() {
    #expect(UInt256(limbs: 0, 0, 0, 1) > UInt256(limbs: .max, .max, .max, 0))
    #expect(UInt256(limbs: .max, 0, 0, 0) < UInt256(limbs: 0, 1, 0, 0))
    #expect(UInt256(limbs: 2, 1, 0, 0) > UInt256(limbs: 1, 1, 0, 0))
    #expect(!(UInt256(5) < UInt256(5)))
    #expect([UInt256.max, 3, .zero, UInt256(1) << 64].sorted() == [.zero, 3, UInt256(1) << 64, .max])
  }

  @Test func countsSignificantBits() {
    #expect(UInt256.zero.significantBitCount == 0)
    #expect(UInt256(1).significantBitCount == 1)
    #expect(UInt256(0xff).significantBitCount == 8)
    #expect(UInt256(limbs: 0, 1, 0, 0).significantBitCount == 65)
    #expect(UInt256.max.significantBitCount == 256)
    // 0x0007ff…ff = 2^243 − 1: 13 leading zero bits ("0007" is 0000 0000 0000 0111).
    #expect(DifficultyParams.mainnet.powLimit.leadingZeroBitCount == 13)
    #expect(UInt256.zero.leadingZeroBitCount == 256)
  }

  @Test func parsesAndPrintsHex() {
    let powLimit = UInt256(hex: "0007ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")
    #expect(powLimit == (UInt256(1) << 243) - 1)
    #expect(UInt256(hex: "0x00ff") == 255)
    #expect(UInt256(hex: "FF") == 255)
    #expect(UInt256(hex: String(repeating: "f", count: 64)) == .max)
    #expect(UInt256(hex: "1" + String(repeating: "0", count: 16)) == UInt256(limbs: 0, 1, 0, 0))
    #expect(UInt256(hex: "") == nil)
    #expect(UInt256(hex: "0x") == nil)
    #expect(UInt256(hex: "12g4") == nil)
    #expect(UInt256(hex: " 12") == nil)
    #expect(UInt256(hex: "\u{FF11}") == nil)  // a fullwidth "1"
    #expect(UInt256(hex: String(repeating: "0", count: 65)) == nil)
    #expect(UInt256(255).hexString == String(repeating: "0", count: 62) + "ff")
    let mixed = "0123456789abcdef00000000000000001111111111111111fedcba9876543210"
    #expect(UInt256(hex: mixed)?.hexString == mixed)
    let limbs = UInt256(limbs: 0xfedc_ba98_7654_3210, 0x1111_1111_1111_1111, 0, 0x0123_4567_89ab_cdef)
    #expect(UInt256(hex: mixed) == limbs)
    #expect("\(UInt256(1) << 252)" == "1" + String(repeating: "0", count: 63))
  }

  @Test func convertsToDouble() {
    #expect(Double(UInt256(12_345)) == 12_345)
    #expect(Double(UInt256(limbs: 0, 1, 0, 0)) == 0x1p64)
    #expect(Double(UInt256(1) << 255) == 0x1p255)
    // 2^243 − 1 rounds to 2^243.
    #expect(Double(DifficultyParams.mainnet.powLimit) == 0x1p243)
    #expect(Double(UInt256.zero) == 0)
  }
}
