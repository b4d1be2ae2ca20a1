import FluxCore
import Testing

/// Digishield v3 on mainnet: window 17, spacing 120, window timespan 2,040 s.
///
/// Histories use `Targets.x` (0x1d00ffff = 65,535 × 2^208) for every block, so the average
/// of 17 targets is exactly X and X / 2,040 = 257 × 2^205 exactly: the expected target is
/// 257 × dampened × 2^205 with no truncation anywhere.
@Suite struct DigishieldTests {
  let params = ChainParams.mainnet
  let tip = 100

  /// tip−27 … tip, the 28 headers Digishield reads, `spacing` seconds apart.
  func history(spacing: Int64) -> [BlockHeaderInfo] {
    Headers.spaced(tip: tip, count: 28, bits: Targets.xBits, spacing: spacing)
  }

  @Test func timespansFromWindowAndPercentages() {
    #expect(params.digishieldAveragingWindowTimespan == 2_040)
    // 2,040 × 84 / 100 = 1,713.6 → 1,713; 2,040 × 132 / 100 = 2,692.8 → 2,692.
    #expect(params.digishieldMinActualTimespan == 1_713)
    #expect(params.digishieldMaxActualTimespan == 2_692)
    // Testnet, 60 s: 1,020 × 84 / 100 = 856.8 → 856; 1,020 × 132 / 100 = 1,346.4 → 1,346.
    #expect(ChainParams.testnet.digishieldMinActualTimespan == 856)
    #expect(ChainParams.testnet.digishieldMaxActualTimespan == 1_346)
  }

  @Test func onTargetKeepsTheTarget() {
    // MTP(tip) = time(tip−5), MTP(tip−17) = time(tip−22): 17 × 120 = 2,040 s, dampened 2,040.
    // X / 2,040 × 2,040 = X.
    #expect(params.digishieldTarget(history: history(spacing: 120)) == Targets.x)
  }

  @Test func slowerBlocksAreDampened() {
    // 240 s: actual 4,080 → 2,040 + 2,040 / 4 = 2,550 → 257 × 2,550 = 655,350 × 2^205.
    let target = params.digishieldTarget(history: history(spacing: 240))
    #expect(target == UInt256(655_350) << 205)
    #expect(target.hexString == "000000013ffec" + String(repeating: "0", count: 51))
    // Compact keeps 0x013ffe and drops the low 0xc0.
    #expect(target.compact() == 0x1d01_3ffe)
  }

  @Test func clampsAtTheMaximumTimespan() {
    // 600 s: actual 10,200 → 2,040 + 8,160 / 4 = 4,080 → clamped to 2,692.
    #expect(params.digishieldTarget(history: history(spacing: 600)) == UInt256(257 * 2_692) << 205)
  }

  @Test func clampsAtTheMinimumTimespan() {
    // 30 s: actual 510 → 2,040 + (−1,530) / 4 = 2,040 − 382 = 1,658 → clamped to 1,713.
    #expect(params.digishieldTarget(history: history(spacing: 30)) == UInt256(257 * 1_713) << 205)
  }

  @Test func dampingTruncatesTowardZero() {
    // C++ int64 division: −3 / 4 = 0 and 3 / 4 = 0, so 2,037 and 2,043 both keep 2,040
    // (floor division would give 2,039 for 2,037); −4 / 4 = −1 gives 2,039.
    #expect(params.digishieldTarget(averageTarget: Targets.x, actualTimespan: 2_037) == Targets.x)
    #expect(params.digishieldTarget(averageTarget: Targets.x, actualTimespan: 2_043) == Targets.x)
    #expect(params.digishieldTarget(averageTarget: Targets.x, actualTimespan: 2_036) == UInt256(257 * 2_039) << 205)
    // A negative timespan is dampened, then clamped: 2,040 + (−3,040) / 4 = 1,280 → 1,713.
    #expect(params.digishieldTarget(averageTarget: Targets.x, actualTimespan: -1_000) == UInt256(257 * 1_713) << 205)
  }

  @Test func dividesBeforeMultiplying() {
    // Average 2,039: 2,039 / 2,040 = 0, so any timespan gives 0 (multiplying first would not).
    #expect(params.digishieldTarget(averageTarget: 2_039, actualTimespan: 2_692) == .zero)
    // Average 4,080 = 2 × 2,040: 2 × 2,550 = 5,100.
    #expect(params.digishieldTarget(averageTarget: 4_080, actualTimespan: 4_080) == 5_100)
  }

  @Test func usesMedianTimesNotTheTipTime() {
    // A tip stamped 100,000 s late does not move MTP(tip) (the median of tip−10 … tip is
    // still time(tip−5)), so the result stays X.
    var headers = history(spacing: 120)
    headers[headers.count - 1].time += 100_000
    #expect(params.digishieldTarget(history: headers) == Targets.x)
  }

  @Test func averagesOnlyTheLast17Targets() {
    // tip−17 is outside the averaged window (tip−16 … tip): its target does not count.
    var headers = history(spacing: 120)
    headers[headers.count - 18].bits = 0x1f07_ffff
    #expect(params.digishieldTarget(history: headers) == Targets.x)
    // tip−16 is inside: with 0x1d01fffe = 2X there, the average is 18X / 17 = 69,390 × 2^208
    // (65,535 = 17 × 3,855), which 2,040 = 8 × 255 no longer divides: 69,390 ≡ 30 and
    // 2^208 ≡ 1 (mod 255), so the remainder r is ≡ 0 (mod 8) and ≡ 30 (mod 255), r = 1,560.
    headers = history(spacing: 120)
    headers[headers.count - 17].bits = 0x1d01_fffe
    #expect(params.digishieldTarget(history: headers) == (UInt256(69_390) << 208) - 1_560)
  }

  @Test func capsAtPowLimit() {
    // Every target 0x1f07ffff = 0x07ffff × 256^28, 240 s: × 2,550 / 2,040 exceeds 2^243 − 1.
    let headers = Headers.spaced(tip: tip, count: 28, bits: 0x1f07_ffff, spacing: 240)
    #expect(params.digishieldTarget(history: headers) == params.difficulty.powLimit)
  }

  @Test func needsEighteenBlocks() {
    // Tip 16: no block before the 17 averaged ones → powLimit.
    let short = Headers.spaced(tip: 16, count: 17, bits: Targets.xBits, spacing: 120)
    #expect(params.digishieldTarget(history: short) == params.difficulty.powLimit)
    // Tip 17: MTP(17) = median of times 7 … 17 = time(12); MTP(0) = time(0) (one block).
    // Actual 12 × 120 = 1,440 → 2,040 + (−600) / 4 = 1,890 → 257 × 1,890 × 2^205.
    let fromGenesis = Headers.spaced(tip: 17, count: 18, bits: Targets.xBits, spacing: 120)
    #expect(params.digishieldTarget(history: fromGenesis) == UInt256(257 * 1_890) << 205)
  }

  @Test func medianTimePastIsTheUpperMiddleOfSortedTimes() {
    // Times 0: 50, 1: 10, 2: 40, 3: 20 (and on). MTP(0) = 50 (one block); MTP(1): sorted
    // [10, 50], element 2 / 2 = 1 → 50; MTP(3): sorted [10, 20, 40, 50], element 2 → 40.
    let times: [Int64] = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100, 110, 5]
    let headers = Headers.timed(tip: 11, times: times, bits: Targets.xBits)
    #expect(params.medianTimePast(at: 0, history: headers) == 50)
    #expect(params.medianTimePast(at: 1, history: headers) == 50)
    #expect(params.medianTimePast(at: 3, history: headers) == 40)
    // MTP(11) uses blocks 1 … 11: sorted [5, 10, 20, 30, 40, 60, 70, 80, 90, 100, 110] → 60.
    #expect(params.medianTimePast(at: 11, history: headers) == 60)
  }
}
