import FluxCore
import Testing

/// Bitcoin Core's `SetCompact`/`GetCompact` vectors (`src/test/arith_uint256_tests.cpp`),
/// each derived here from the layout: size S = top byte, mantissa M = low 23 bits, sign =
/// bit 23, value = M × 256^(S−3), or M >> 8(3−S) when S ≤ 3.
@Suite struct CompactTests {
  /// Decodes `bits` and checks value and flags.
  func expectDecodes(
    _ bits: UInt32, to value: UInt256, negative: Bool = false, overflow: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let decoded = UInt256.decodeCompact(bits)
    #expect(decoded.value == value, sourceLocation: sourceLocation)
    #expect(decoded.isNegative == negative, sourceLocation: sourceLocation)
    #expect(decoded.isOverflow == overflow, sourceLocation: sourceLocation)
    #expect(UInt256(compact: bits) == value, sourceLocation: sourceLocation)
  }

  @Test func mantissaShiftedAwayGivesZero() {
    // S = 0: 0x123456 >> 24 = 0. S = 1: 0x003456 >> 16 = 0. S = 2: 0x000056 >> 8 = 0.
    // With the sign bit set the shifted mantissa is still 0, so the value is not negative.
    for bits: UInt32 in [
      0, 0x0012_3456, 0x0100_3456, 0x0200_0056, 0x0300_0000, 0x0400_0000,
      0x0092_3456, 0x0180_3456, 0x0280_0056, 0x0380_0000, 0x0480_0000,
    ] {
      expectDecodes(bits, to: .zero)
    }
    #expect(UInt256.zero.compact() == 0)
  }

  @Test func smallSizesShiftTheMantissaRight() {
    // S = 1: 0x123456 >> 16 = 0x12; re-encoded: 5 bits → 1 byte → 0x12 << 16 = 0x120000.
    expectDecodes(0x0112_3456, to: 0x12)
    #expect(UInt256(0x12).compact() == 0x0112_0000)
    // S = 2: 0x123456 >> 8 = 0x1234 → 2 bytes → 0x1234 << 8.
    expectDecodes(0x0212_3456, to: 0x1234)
    #expect(UInt256(0x1234).compact() == 0x0212_3400)
    // S = 3: the mantissa itself.
    expectDecodes(0x0312_3456, to: 0x12_3456)
    #expect(UInt256(0x12_3456).compact() == 0x0312_3456)
  }

  @Test func encodingNeverSetsTheSignBitFromTheMantissa() {
    // 0x80 → S = 1, mantissa 0x800000 has bit 23 set → shifted down a byte: 0x008000, S = 2.
    #expect(UInt256(0x80).compact() == 0x0200_8000)
    // 0x05009234: 0x9234 × 256^2 = 0x92340000 (32 bits → S = 4, top bytes 0x923400 has
    // bit 23 set → 0x009234, S = 5).
    expectDecodes(0x0500_9234, to: 0x9234_0000)
    #expect(UInt256(0x9234_0000).compact() == 0x0500_9234)
  }

  @Test func signFlag() {
    // 0x01fedcba: mantissa 0x7edcba >> 16 = 0x7e, sign bit set and 0x7e ≠ 0 → negative;
    // re-encoded with the sign: 0x7e0000 | 0x800000 | S = 1 → 0x01fe0000.
    expectDecodes(0x01fe_dcba, to: 0x7e, negative: true)
    #expect(UInt256(0x7e).compact(negative: true) == 0x01fe_0000)
    // 0x04923456: 0x123456 × 256 = 0x12345600, negative; round-trips with the flag.
    expectDecodes(0x0492_3456, to: 0x1234_5600, negative: true)
    #expect(UInt256(0x1234_5600).compact(negative: true) == 0x0492_3456)
    #expect(UInt256(0x1234_5600).compact() == 0x0412_3456)
    // A zero value never carries the sign.
    #expect(UInt256.zero.compact(negative: true) == 0)
  }

  @Test func largeSizesAndOverflowFlag() {
    // 0x20123456: S = 32, 0x123456 × 256^29 → "123456" then 58 zero digits.
    let big = UInt256(hex: "123456" + String(repeating: "0", count: 58))
    expectDecodes(0x2012_3456, to: big ?? .zero)
    #expect(big?.compact() == 0x2012_3456)
    // 0xff123456: S = 255 > 34 → overflow; the shift of 8 × 252 bits loses everything.
    expectDecodes(0xff12_3456, to: .zero, overflow: true)
    // S = 34 with a 1-byte mantissa fits: 1 × 256^31 = 2^248. S = 35 does not.
    expectDecodes(0x2200_0001, to: UInt256(1) << 248)
    expectDecodes(0x2300_0001, to: .zero, overflow: true)
    // S = 33: 0xffff × 256^30 < 2^256 fits, 0x010000 × 256^30 = 2^256 overflows (wraps to 0).
    expectDecodes(0x2100_ffff, to: UInt256(0xffff) << 240)
    expectDecodes(0x2101_0000, to: .zero, overflow: true)
  }

  @Test func bitcoinAndFluxLimits() {
    // 0x1d00ffff: S = 29, 0x00ffff × 256^26: three zero bytes, 00ffff, 26 zero bytes.
    expectDecodes(0x1d00_ffff, to: UInt256(hex: "00000000ffff" + String(repeating: "0", count: 52)) ?? .zero)
    // Re-encoded: 224 bits → S = 28, top bytes 0xffff00 has bit 23 set → 0x00ffff, S = 29.
    #expect(Targets.x.compact() == 0x1d00_ffff)
    // Genesis 0x1f07ffff: 0x07ffff × 256^28, i.e. powLimit with its low 28 bytes cleared.
    let genesis = UInt256(compact: 0x1f07_ffff)
    #expect(genesis.hexString == "0007ffff" + String(repeating: "0", count: 56))
    // powLimit 2^243 − 1: 243 bits → S = 31, top three bytes 0x07ffff.
    #expect(DifficultyParams.mainnet.powLimit.compact() == 0x1f07_ffff)
    // ponLimit 2^252 − 1: S = 32, top bytes 0x0fffff. ponStartLimit 0x000bff…ff: 244 bits → S = 31.
    #expect(DifficultyParams.mainnet.ponLimit.compact() == 0x200f_ffff)
    #expect(DifficultyParams.mainnet.ponStartLimit.compact() == 0x1f0b_ffff)
  }

  @Test func canonicalCompactsRoundTrip() {
    // A mantissa with a non-zero top byte and bit 23 clear encodes a value of exactly S
    // significant bytes whose top three bytes are the mantissa, so GetCompact gives it back.
    for size: UInt32 in 3...32 {
      for mantissa: UInt32 in [0x01_0000, 0x12_3456, 0x7f_ffff] {
        let bits = size << 24 | mantissa
        #expect(UInt256(compact: bits).compact() == bits, "size \(size) mantissa \(mantissa)")
      }
    }
  }

  @Test func encodingTruncatesBelowTheTopThreeBytes() {
    // 0x123456789 has 33 bits → S = 5; the top three bytes are 0x012345, the rest is dropped.
    #expect(UInt256(0x1_2345_6789).compact() == 0x0501_2345)
    #expect(UInt256(compact: 0x0501_2345) == 0x1_2345_0000)
  }
}
