import FluxCore
import Testing

/// The PoN rule on mainnet: activation 2,020,000, window 30, spacing 30, target span 870 s.
///
/// `p` = 870 × 2^232 (compact 0x1f036600) makes `p / 870 × actual` = actual × 2^232 exactly.
@Suite struct ProofOfNodeDifficultyTests {
  let params = ChainParams.mainnet
  let p = UInt256(870) << 232

  func target(height: Int = 2_020_030, prev: UInt256? = nil, actual: Int64) -> UInt256 {
    let start: Int64 = 1_761_500_000
    return params.ponTarget(forHeight: height, prevTarget: prev ?? p, tipTime: start + actual, windowStartTime: start)
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
    // (2^252 − 1) / 870 × 1,087 ≈ 1.25 × 2^252 > ponLimit.
    let limit = params.difficulty.ponLimit
    #expect(target(prev: limit, actual: 1_087) == limit)
  }

  @Test func neverZero() {
    // 869 / 870 = 0 → 0 × actual = 0 → 1.
    #expect(target(prev: 869, actual: 1_087) == 1)
    #expect(target(prev: 1, actual: 870) == 1)
    // 870 / 870 × 696 = 696.
    #expect(target(prev: 870, actual: 696) == 696)
  }

  @Test func onTargetLosesOnlyTheRemainderModulo870() {
    // S = ponStartLimit = 3 × 2^242 − 1, and S mod 870 (870 = 2 · 3 · 5 · 29): S is odd;
    // S ≡ −1 ≡ 2 (mod 3); 2^242 ≡ 2^2 = 4 (mod 5) so S ≡ 11 ≡ 1; 2^242 ≡ 2^18 ≡ 13
    // (mod 29, as 2^28 ≡ 1) so S ≡ 38 ≡ 9. The r < 870 with r ≡ 9 (mod 29), r ≡ 1 (mod 10)
    // and r ≡ 2 (mod 3) is 821, so S / 870 × 870 = S − 821 = 0x000bff…ff − 0x335.
    let next = target(prev: params.difficulty.ponStartLimit, actual: 870)
    #expect(next.hexString == "000b" + String(repeating: "f", count: 57) + "cca")
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
        forHeight: 2_019_999, prevTarget: 1, tipTime: 0, windowStartTime: 0)
    }
  }
}
