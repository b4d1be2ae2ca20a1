import Testing

@testable import FluxCore

/// `PoNDifficultyRule.nextBits` (the compact-arithmetic path) must equal decoding the
/// tip's nBits, applying the 256-bit rule and encoding with GetCompact, for every input,
/// fluxd's failsafes included.
@Suite struct PoNDifficultyBitsTests {
  let rule = ChainParams.mainnet.ponDifficultyRule
  let ponLimitBits: UInt32 = 0x200f_ffff

  func reference(_ rule: PoNDifficultyRule, height: Int, bits: UInt32, tip: Int64, start: Int64) -> UInt32 {
    rule.target(forHeight: height, prevBits: bits, tipTime: tip, windowStartTime: start).compact()
  }

  /// Mainnet's rule with another target span T, clamped to [T × 4 / 5, T × 5 / 4] as fluxd does.
  func withSpan(_ span: Int64, limit: UInt256? = nil) -> PoNDifficultyRule {
    PoNDifficultyRule(
      firstWindow: rule.firstWindow, targetTimespan: span, minTimespan: span * 4 / 5, maxTimespan: span * 5 / 4,
      limit: limit ?? rule.limit, startLimit: rule.startLimit)
  }

  /// nBits the failsafes act on: negative, overflowing and zero targets (CompactTests
  /// derives each decoding) and 869 and 1, whose quotient by 870 is 0.
  static let failsafeBits: [UInt32] = [
    0x1f8b_ffff, 0x0492_3456, 0x2300_0001, 0x2101_0000, 0xff12_3456, 0x0000_0000, 0x0100_3456, 0x0380_0000,
    0x0203_6500, 0x0101_0000,
  ]

  @Test func equalsThe256BitPathOnRandomInputs() {
    var state: UInt64 = 2_020_000
    let rules = [
      rule,
      ChainParams.testnet.ponDifficultyRule,
      withSpan(870, limit: UInt256(hex: "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
      // Not a run of ones: the 256-bit fallback.
      withSpan(870, limit: UInt256(hex: "0800000000000000000000000000000000000000000000000000000000000000")),
      // 63 blocks a day apart (the longest window and spacing the rules-file keys allow):
      // (T − 1) × a exceeds 2^k for small targets, where the split needs its guard.
      withSpan(63 * 86_400),
      // fluxd's failsafe spans: 1 s (actual can be 0), 0 and −30 s.
      withSpan(1), withSpan(0), withSpan(-30),
      // Clamps far wider than fluxd's (a up to 2^20 T) under the largest limit: products
      // of 2^256 or more, which arith_uint256 wraps and the 64-bit path leaves to it.
      PoNDifficultyRule(
        firstWindow: rule.firstWindow, targetTimespan: 870, minTimespan: 1, maxTimespan: 870 << 20, limit: .max,
        startLimit: rule.startLimit),
    ]
    for trial in 0..<200_000 {
      let r = rules[trial % rules.count]
      let bits: UInt32
      switch trial / rules.count % 4 {
      case 0:
        // Canonical targets of every size the path takes, some multiples of 435.
        let size = UInt32(3 + splitMix64(&state) % 31)
        var mantissa = UInt32(1 + splitMix64(&state) % 0x7f_ffff)
        if trial % 7 == 0 { mantissa = UInt32(435 * (1 + splitMix64(&state) % 19_000)) & 0x7f_ffff }
        bits = size << 24 | mantissa
      case 1:
        // Any 32 bits: signs, overflows, zeros and tiny targets.
        bits = UInt32(truncatingIfNeeded: splitMix64(&state))
      case 2:
        // The smallest sizes the split takes (k = 24 … 72).
        bits = UInt32(14 + splitMix64(&state) % 7) << 24 | UInt32(1 + splitMix64(&state) % 0x7f_ffff)
      default:
        bits = Self.failsafeBits[Int(splitMix64(&state) % UInt64(Self.failsafeBits.count))]
      }
      // Actual timespans from −10 s to twice the longest clamp, so both clamps bind.
      let span = UInt64(max(r.maxTimespan, 1))
      let tip = Int64(2_000_000_000 + Int(splitMix64(&state) % 1_000))
      let start = tip - (Int64(splitMix64(&state) % (2 * span + 20)) - 10)
      let height = trial % 50 == 0 ? 2_020_010 : 2_500_000
      #expect(
        r.nextBits(forHeight: height, prevBits: bits, tipTime: tip, windowStartTime: start)
          == reference(r, height: height, bits: bits, tip: tip, start: start),
        "bits \(String(bits, radix: 16)), span \(r.targetTimespan), actual \(tip - start)")
    }
  }

  /// `nextBits` reads W's low word only when the three bytes kept reach below its high
  /// word, which turns on the high word's length (the mantissa's and the actual
  /// timespan's) against the byte alignment (the size): every mantissa length, at
  /// every size the split takes, with the clamps and exact timing, on both sides of it.
  @Test func equalsThe256BitPathAcrossTheHighWordBoundary() {
    var state: UInt64 = 870
    let tip: Int64 = 2_000_000_000
    for r in [rule, withSpan(600), withSpan(1_200)] {
      for size in UInt32(14)...33 {
        for length in 1...23 {
          let top = UInt32(1) << (length - 1)
          let mantissas = [top, 2 * top - 1, top | UInt32(splitMix64(&state) % UInt64(top)), 435 * (top / 435 + 1)]
          for mantissa in mantissas where mantissa < 0x80_0000 {
            let bits = size << 24 | mantissa
            for actual in [r.minTimespan, r.targetTimespan - 1, r.targetTimespan, r.targetTimespan + 1, r.maxTimespan] {
              #expect(
                r.nextBits(forHeight: 2_500_000, prevBits: bits, tipTime: tip, windowStartTime: tip - actual)
                  == reference(r, height: 2_500_000, bits: bits, tip: tip, start: tip - actual),
                "bits \(String(bits, radix: 16)), span \(r.targetTimespan), actual \(actual)")
            }
          }
        }
      }
    }
  }

  /// The rule's constants come from rules files: extreme timespans and clamps in any
  /// order must neither trap when the rule is built nor open the 64-bit path outside the
  /// conditions of its derivation, and the rule must still equal the 256-bit path.
  @Test func extremeConstantsBuildARuleThatStaysExact() {
    let values: [Int64] = [.min, -1, 0, 1, 2, 870, 1 << 17, (1 << 30) - 1, 1 << 32, .max]
    let tip: Int64 = 2_000_000_000
    for span in values {
      for low in values {
        for high in values {
          let r = PoNDifficultyRule(
            firstWindow: rule.firstWindow, targetTimespan: span, minTimespan: low, maxTimespan: high,
            limit: rule.limit, startLimit: rule.startLimit)
          if r.bitsPathSizeCount > 0 {
            #expect(span >= 2 && span < 1 << 32 && low > 0 && high >= low && high < 1 << 30 && high <= 2 * span)
          }
          for bits: UInt32 in [0x1f03_6600, 0x200f_ffff, 0x1d00_ffff, 0x1f06_a338] {
            for start in [tip, tip - 870, tip - 5_000] {
              #expect(
                r.nextBits(forHeight: 2_500_000, prevBits: bits, tipTime: tip, windowStartTime: start)
                  == reference(r, height: 2_500_000, bits: bits, tip: tip, start: start),
                "span \(span), clamps \(low) … \(high), bits \(String(bits, radix: 16))")
            }
          }
        }
      }
    }
  }

  @Test func failsafesGivePonLimitOnTheFastPath() {
    // pon.cpp 161–170 and 185–188: each failsafe input gives ponLimit, 0x200fffff.
    let tip: Int64 = 2_000_000_870
    for bits in Self.failsafeBits {
      #expect(
        rule.nextBits(forHeight: 2_500_000, prevBits: bits, tipTime: tip, windowStartTime: tip - 870) == ponLimitBits,
        "bits \(String(bits, radix: 16))")
    }
    // pon.cpp 144–147: a target span of 0 or less.
    for span: Int64 in [0, -30] {
      #expect(
        withSpan(span).nextBits(forHeight: 2_500_000, prevBits: 0x1f03_6600, tipTime: tip, windowStartTime: tip)
          == ponLimitBits)
    }
    // A 1 s span clamps actual to [0, 1]: equal times give 0 × prev = 0 → ponLimit, while
    // one second keeps 0x1f036600.
    #expect(
      withSpan(1).nextBits(forHeight: 2_500_000, prevBits: 0x1f03_6600, tipTime: tip, windowStartTime: tip)
        == ponLimitBits)
    #expect(
      withSpan(1).nextBits(forHeight: 2_500_000, prevBits: 0x1f03_6600, tipTime: tip, windowStartTime: tip - 1)
        == 0x1f03_6600)
  }

  @Test func exactTimingLosesOneMantissaUnitUnlessDivisible() {
    // With actual = 870 the rule leaves prev − (prev mod 870); GetCompact then truncates
    // to the mantissa below, unless prev is a multiple of 870 (derived in the file's header).
    let tip: Int64 = 2_000_000_870
    let bits: UInt32 = 0x1f12_3456
    #expect(
      rule.nextBits(forHeight: 2_500_000, prevBits: bits, tipTime: tip, windowStartTime: tip - 870) == 0x1f12_3455)
    // prev = mantissa × 2^224 is a multiple of 870 = 2·435 when 435 divides the mantissa:
    // 435 × 1,000 = 435,000 = 0x06_a3_38.
    let divisible: UInt32 = 0x1f06_a338
    #expect(
      rule.nextBits(forHeight: 2_500_000, prevBits: divisible, tipTime: tip, windowStartTime: tip - 870) == divisible)
  }

  @Test func capsAtPonLimitAndStartsAtPonStartLimit() {
    let tip: Int64 = 2_000_001_087
    // Near the limit and as slow as allowed: capped at ponLimit (0x0fff…f → 0x200fffff).
    #expect(
      rule.nextBits(forHeight: 2_500_000, prevBits: 0x200f_ffff, tipTime: tip, windowStartTime: tip - 5_000)
        == 0x200f_ffff)
    #expect(
      rule.nextBits(forHeight: 2_020_029, prevBits: 0x1d00_ffff, tipTime: tip, windowStartTime: tip) == 0x1f0b_ffff)
  }

  /// The power of two built from its bits equals the general initializer's, across the
  /// normal range, its edges and beyond them (subnormals, zero, infinity).
  @Test func powerOfTwoFromBitsEqualsTheInitializers() {
    for exponent in -1_100...1_100 {
      let expected = Double(sign: .plus, exponent: exponent, significand: 1)
      #expect(PoNDifficultyRule.pow2(exponent) == expected, "2^\(exponent)")
    }
    #expect(PoNDifficultyRule.pow2(-1_022) == .leastNormalMagnitude)
    #expect(PoNDifficultyRule.pow2(1_024) == .infinity)
  }

  @Test func eligibilityFromBitsEqualsTheTargetsRatio() {
    var state: UInt64 = 5
    for _ in 0..<10_000 {
      let bits = UInt32(1 + splitMix64(&state) % 32) << 24 | UInt32(splitMix64(&state) % 0x80_0000)
      let target = UInt256(compact: bits)
      #expect(
        PoNDifficultyRule.eligibilityProbability(bits: bits) == ChainParams.ponEligibilityProbability(target: target))
    }
    // ponLimit 0x0fff…f ≈ 2^252 encodes as 0x200fffff = 0x0fffff × 256^29: p ≈ 1/16.
    #expect(PoNDifficultyRule.eligibilityProbability(bits: 0x200f_ffff) == Double(0x0f_ffff) * 0x1p-24)
  }
}
