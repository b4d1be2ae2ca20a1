import Testing

@testable import FluxCore

/// `PoNDifficultyRule.nextBits` (the compact-arithmetic path) must equal decoding the
/// tip's nBits, applying the 256-bit rule and encoding with GetCompact, for every input.
@Suite struct PoNDifficultyBitsTests {
  let rule = ChainParams.mainnet.ponDifficultyRule

  func reference(_ rule: PoNDifficultyRule, height: Int, bits: UInt32, tip: Int64, start: Int64) -> UInt32 {
    rule.target(forHeight: height, prevTarget: UInt256(compact: bits), tipTime: tip, windowStartTime: start).compact()
  }

  @Test func equalsThe256BitPathOnRandomInputs() {
    var state: UInt64 = 2_020_000
    let limits = [
      rule,
      ChainParams.testnet.ponDifficultyRule,
      PoNDifficultyRule(
        firstWindow: rule.firstWindow, targetTimespan: 870, minTimespan: 696, maxTimespan: 1_087,
        limit: UInt256(hex: "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")!,
        startLimit: rule.startLimit),
      // Not a run of ones: the 256-bit fallback.
      PoNDifficultyRule(
        firstWindow: rule.firstWindow, targetTimespan: 870, minTimespan: 696, maxTimespan: 1_087,
        limit: UInt256(hex: "0800000000000000000000000000000000000000000000000000000000000000")!,
        startLimit: rule.startLimit),
    ]
    for trial in 0..<200_000 {
      let r = limits[trial % limits.count]
      let size = UInt32(3 + splitMix64(&state) % 31)
      var mantissa = UInt32(1 + splitMix64(&state) % 0x7f_ffff)
      if trial % 7 == 0 { mantissa = UInt32(435 * (1 + splitMix64(&state) % 19_000)) & 0x7f_ffff }
      let bits = size << 24 | mantissa
      let tip = Int64(2_000_000_000 + Int(splitMix64(&state) % 1_000))
      let start = tip - Int64(600 + Int(splitMix64(&state) % 600))
      let height = trial % 50 == 0 ? 2_020_010 : 2_500_000
      #expect(
        r.nextBits(forHeight: height, prevBits: bits, tipTime: tip, windowStartTime: start)
          == reference(r, height: height, bits: bits, tip: tip, start: start),
        "bits \(String(bits, radix: 16)), actual \(tip - start)")
    }
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
