import FluxCore
import Testing

/// The PoN rule on mainnet: activation 2,020,000, window 30, spacing 30, target span 870 s.
///
/// `p` = 870 × 2^232 (compact 0x1f036600: 0x036600 = 870 × 256, times 256^28) makes
/// `p / 870 × actual` = actual × 2^232 exactly.
@Suite struct ProofOfNodeDifficultyTests {
  let params = ChainParams.mainnet
  let p = UInt256(870) << 232
  let pBits: UInt32 = 0x1f03_6600

  func target(height: Int = 2_020_030, prevBits: UInt32? = nil, actual: Int64, params: ChainParams = .mainnet)
    -> UInt256
  {
    let start: Int64 = 1_761_500_000
    return params.ponTarget(
      forHeight: height, prevBits: prevBits ?? pBits, tipTime: start + actual, windowStartTime: start)
  }

  @Test func timespans() {
    // (30 − 1) × 30 = 870; 870 × 4 / 5 = 696; 870 × 5 / 4 = 1,087.5 → 1,087.
    #expect(params.ponTargetTimespan == 870)
    #expect(params.ponMinActualTimespan == 696)
    #expect(params.ponMaxActualTimespan == 1_087)
    // Testnet's window 60: 59 × 30 = 1,770; 1,416; 2,212.5 → 2,212.
    #expect(ChainParams.testnet.ponTargetTimespan == 1_770)
    #expect(ChainParams.testnet.ponMinActualTimespan == 1_416)
    #expect(ChainParams.testnet.ponMaxActualTimespan == 2_212)
  }

  @Test func firstWindowUsesTheStartLimit() {
    let start = params.difficulty.ponStartLimit
    #expect(target(height: 2_020_000, actual: 870) == start)
    #expect(target(height: 2_020_029, actual: 2_000) == start)
    #expect(target(height: 2_020_030, actual: 870) == p)
    #expect(params.isInFirstPonWindow(2_020_029))
    #expect(!params.isInFirstPonWindow(2_020_030))
    #expect(!params.isInFirstPonWindow(2_019_999))
    #expect(!ChainParams.regtest.isInFirstPonWindow(0))
  }

  @Test func scalesByTheActualTimespan() {
    #expect(target(actual: 870) == p)
    #expect(target(actual: 1_000) == UInt256(1_000) << 232)
    #expect(target(actual: 800) == UInt256(800) << 232)
  }

  @Test func clampsAt696And1087() {
    #expect(target(actual: 1_086) == UInt256(1_086) << 232)
    #expect(target(actual: 1_087) == UInt256(1_087) << 232)
    #expect(target(actual: 1_088) == UInt256(1_087) << 232)
    #expect(target(actual: 5_000) == UInt256(1_087) << 232)
    #expect(target(actual: 697) == UInt256(697) << 232)
    #expect(target(actual: 696) == UInt256(696) << 232)
    #expect(target(actual: 695) == UInt256(696) << 232)
    #expect(target(actual: -50) == UInt256(696) << 232)
  }

  @Test func capsAtPonLimit() {
    // ponLimit's nBits 0x200fffff = 0x0fffff × 256^29 = 2^252 − 2^232; / 870 × 1,087 ≈
    // 1.25 × 2^252 > ponLimit.
    let limit = params.difficulty.ponLimit
    #expect(target(prevBits: 0x200f_ffff, actual: 1_087) == limit)
  }

  @Test func aResultOfZeroFallsBackToPonLimit() {
    // pon.cpp 185–188: 869 (nBits 0x02036500: 0x0365 = 869 in two bytes) / 870 = 0, and
    // 0 × actual = 0 → ponLimit, the easiest target, not the hardest.
    let limit = params.difficulty.ponLimit
    #expect(target(prevBits: 0x0203_6500, actual: 1_087) == limit)
    // 1 (nBits 0x01010000) / 870 = 0 → ponLimit.
    #expect(target(prevBits: 0x0101_0000, actual: 870) == limit)
    // 870 (0x02036600) / 870 × 696 = 696: one more unit of the previous target is enough.
    #expect(target(prevBits: 0x0203_6600, actual: 696) == 696)
  }

  @Test func anInvalidPreviousTargetFallsBackToPonLimit() {
    // pon.cpp 161–170: SetCompact's flags or a zero value give ponLimit (the layout is
    // derived in CompactTests; each line says which case it is).
    let limit = params.difficulty.ponLimit
    for bits: UInt32 in [
      0x1f8b_ffff,  // sign bit with mantissa 0x0bffff ≠ 0: negative
      0x0492_3456,  // negative 0x12345600
      0x2300_0001,  // size 35: 1 × 256^32 = 2^256 overflows
      0x2101_0000,  // size 33 with a mantissa above 0xffff overflows
      0xff12_3456,  // size 255 overflows
      0x0000_0000,  // zero
      0x0100_3456,  // size 1 shifts the mantissa to 0
      0x0380_0000,  // the sign bit on a zero mantissa: zero, not negative
    ] {
      #expect(target(prevBits: bits, actual: 870) == limit, "bits \(String(bits, radix: 16))")
    }
  }

  @Test func aTargetTimespanOfZeroOrLessFallsBackToPonLimit() {
    // pon.cpp 144–147: a one-block window gives (1 − 1) × 30 = 0 s; the first window (the
    // activation block alone) still gets ponStartLimit.
    var oneBlock = ChainParams.mainnet
    oneBlock.difficulty.ponWindow = 1
    #expect(oneBlock.ponTargetTimespan == 0)
    #expect(target(height: 2_020_000, actual: 870, params: oneBlock) == params.difficulty.ponStartLimit)
    #expect(target(height: 2_020_001, actual: 870, params: oneBlock) == params.difficulty.ponLimit)
    // A zero window: (0 − 1) × 30 = −30 s.
    var empty = ChainParams.mainnet
    empty.difficulty.ponWindow = 0
    #expect(target(height: 2_020_000, actual: 0, params: empty) == params.difficulty.ponLimit)
  }

  @Test func aZeroActualTimespanFallsBackToPonLimit() {
    // A window of 2 one-second blocks (allowed by the rules-file keys): target span 1 s,
    // clamped to [1 × 4 / 5, 1 × 5 / 4] = [0, 1]. Two blocks with the same time give
    // actual 0, so prev / 1 × 0 = 0 → ponLimit; one second apart keeps prev.
    var fast = ChainParams.mainnet
    fast.difficulty.ponWindow = 2
    fast.ponTargetSpacing = 1
    #expect(fast.ponMinActualTimespan == 0)
    #expect(fast.ponMaxActualTimespan == 1)
    #expect(target(actual: 0, params: fast) == params.difficulty.ponLimit)
    #expect(target(actual: 1, params: fast) == p)
  }

  @Test func onTargetLosesOnlyTheRemainderModulo870() {
    // ponStartLimit's nBits 0x1f0bffff decode to S = 786,431 × 2^224 (0x0bffff = 786,431).
    // S mod 870 (870 = 2 · 3 · 5 · 29): S is even; 786,431 ≡ 2 (mod 3) and 2^224 ≡ 1, so
    // S ≡ 2; 786,431 ≡ 1 (mod 5) and 2^224 = 16^56 ≡ 1, so S ≡ 1; 786,431 = 29 × 27,118 + 9
    // and 2^224 = (2^28)^8 ≡ 1 (mod 29), so S ≡ 9. The r < 870 that is even, ≡ 1 (mod 5),
    // ≡ 9 (mod 29) and ≡ 2 (mod 3) is 386, so S / 870 × 870 = S − 386 = S − 0x182:
    // 0x000bfffe, then 53 f's, then 0xfff − 0x181 = 0xe7e.
    let next = target(prevBits: 0x1f0b_ffff, actual: 870)
    #expect(next.hexString == "000bfffe" + String(repeating: "f", count: 53) + "e7e")
  }

  @Test func eligibilityProbabilityAndDifficulty() {
    let limits = params.difficulty
    // (2^252 − 1) / 2^256 rounds to 1/16; (3 × 2^242 − 1) / 2^256 to 3/16,384 ≈ 1/5,461.
    #expect(ChainParams.ponEligibilityProbability(target: limits.ponLimit) == 0.0625)
    #expect(ChainParams.ponEligibilityProbability(target: limits.ponStartLimit) == 3.0 / 16_384)
    #expect(params.rpcDifficulty(target: limits.powLimit) == 1)
    // 2^243 / (3 × 2^242) = 2/3.
    #expect(params.rpcDifficulty(target: limits.ponStartLimit) == 2.0 / 3.0)
    // D = 1 / 2^k at powLimit × 2^k.
    #expect(params.rpcDifficulty(target: UInt256(1) << 251) == 0x1p-8)
  }

  @Test func refusesHeightsBeforePon() async {
    await #expect(processExitsWith: .failure) {
      _ = ChainParams.mainnet.ponTarget(
        forHeight: 2_019_999, prevBits: 0x1f03_6600, tipTime: 0, windowStartTime: 0)
    }
  }
}
