import FluxCore
import Testing

/// LWMA v1 on mainnet: N = 60, T = 120, k = 219,600, weights j = 1 … 60 (Σ j = 1,830).
///
/// Histories use `Targets.x0` = 205,875 × 2^216 for every block, which k·N = 13,176,000
/// divides (quotient 2^210). So Σ target / (k·N) = 60 × 2^210 and the result is
/// t × 60 × 2^210 exactly, where t is the weighted solvetime sum.
@Suite struct LWMATests {
  let params = ChainParams.mainnet
  let tip = 200_000

  func target(times: [Int64], bits: UInt32 = Targets.x0Bits) -> UInt256 {
    params.lwmaTarget(history: Headers.timed(tip: tip, times: times, bits: bits))
  }

  @Test func weightNormaliser() {
    #expect(params.lwmaK == 219_600)
    // Testnet's 60 s spacing: 60 × 61 × 60 / 2.
    #expect(ChainParams.testnet.lwmaK == 109_800)
  }

  @Test func onTargetKeepsTheTarget() {
    // t = 120 × 1,830 = 219,600 = k → 219,600 × 60 × 2^210 = 13,176,000 × 2^210 = X0.
    #expect(target(times: Headers.lwmaTimes(spacing: 120)) == Targets.x0)
  }

  @Test func twiceAsSlowDoublesTheTarget() {
    // t = 240 × 1,830 = 2k → 2 × X0 = 411,750 × 2^216, compact 0x1e064866.
    let next = target(times: Headers.lwmaTimes(spacing: 240))
    #expect(next == UInt256(411_750) << 216)
    #expect(next.compact() == 0x1e06_4866)
  }

  @Test func clampsSolvetimesToMinus3TAnd6T() {
    // The tip 5,000 s late: its solvetime 5,120 → 720 at weight 60:
    // t = 120 × (1,830 − 60) + 720 × 60 = 212,400 + 43,200 = 255,600.
    var times = Headers.lwmaTimes(spacing: 120)
    times[60] += 5_000
    #expect(target(times: times) == UInt256(255_600 * 60) << 210)
    // The tip 1,000 s before its parent: −1,000 → −360: t = 212,400 − 21,600 = 190,800.
    times = Headers.lwmaTimes(spacing: 120)
    times[60] = times[59] - 1_000
    #expect(target(times: times) == UInt256(190_800 * 60) << 210)
  }

  @Test func rawTimestampsOutOfOrder() {
    // Block 30 stamped 500 s before block 29: solvetime −500 → −360 at weight 30, and
    // block 31 then takes 120 × 2 + 500 = 740 → 720 at weight 31:
    // t = 219,600 − 120 × 30 − 120 × 31 − 360 × 30 + 720 × 31 = 223,800.
    var times = Headers.lwmaTimes(spacing: 120)
    times[30] = times[29] - 500
    let next = target(times: times)
    #expect(next == UInt256(223_800 * 60) << 210)
    #expect(next.compact() == 0x1e03_3394)
  }

  @Test func floorsTheWeightedSumAtTenthOfK() {
    // 1 s blocks: t = 1,830 < k / 10 = 21,960 → 21,960 × 60 × 2^210 = X0 / 10.
    let times = (0...60).map { Headers.origin + Int64($0) }
    #expect(target(times: times) == UInt256(21_960 * 60) << 210)
  }

  @Test func windowIsTheLast60BlocksAfterTipMinus60() {
    // tip−60 only supplies the time before the first solvetime: its target does not count.
    var headers = Headers.timed(tip: tip, times: Headers.lwmaTimes(spacing: 120), bits: Targets.x0Bits)
    headers[0].bits = 0x1f07_ffff
    #expect(params.lwmaTarget(history: headers) == Targets.x0)
    // Its time does: 1,000 s earlier makes the first solvetime 1,120 → 720 at weight 1,
    // t = 219,600 − 120 + 720 = 220,200.
    var times = Headers.lwmaTimes(spacing: 120)
    times[0] -= 1_000
    #expect(target(times: times) == UInt256(220_200 * 60) << 210)
  }

  @Test func eachTargetLosesItsRemainderModuloKN() {
    // 0x047fffff = 0x7fffff × 256 = 2,147,483,392 = 162 × 13,176,000 + 12,971,392:
    // each term is 162, and on target t = k gives 162 × 60 × 219,600 = 2,134,512,000.
    #expect(target(times: Headers.lwmaTimes(spacing: 120), bits: 0x047f_ffff) == 2_134_512_000)
  }

  @Test func capsAtPowLimit() {
    #expect(target(times: Headers.lwmaTimes(spacing: 240), bits: 0x1f07_ffff) == params.difficulty.powLimit)
  }

  @Test func tooShortAHistoryGivesPowLimit() {
    let headers = Headers.spaced(tip: 59, count: 60, bits: Targets.x0Bits, spacing: 120)
    #expect(params.lwmaTarget(history: headers) == params.difficulty.powLimit)
  }
}
