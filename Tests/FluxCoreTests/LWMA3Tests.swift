import FluxCore
import Testing

/// LWMA3 on mainnet: N = 60, T = 120, k = 219,600, weights j = 1 … 60 (Σ j = 1,830).
///
/// As in `LWMATests`, every block (unless a test says otherwise) has `Targets.x0` =
/// 205,875 × 2^216, so the unclamped result is t × 60 × 2^210 exactly.
@Suite struct LWMA3Tests {
  let params = ChainParams.mainnet
  let tip = 300_000

  func target(times: [Int64], bits: UInt32 = Targets.x0Bits, tipBits: UInt32? = nil) -> UInt256 {
    params.lwma3Target(history: Headers.timed(tip: tip, times: times, bits: bits, tipBits: tipBits))
  }

  @Test func onTargetKeepsTheTarget() {
    #expect(target(times: Headers.lwmaTimes(spacing: 120)) == Targets.x0)
  }

  @Test func forcesTimestampsMonotonic() {
    // Block 30 stamped 500 s before block 29 counts as time(29) + 1: solvetime 1 at weight
    // 30; block 31 then takes 120 × 31 − (120 × 29 + 1) = 239 at weight 31:
    // t = 219,600 − 120 × 30 − 120 × 31 + 1 × 30 + 239 × 31 = 219,719 (LWMA v1: 223,800).
    var times = Headers.lwmaTimes(spacing: 120)
    times[30] = times[29] - 500
    let next = target(times: times)
    #expect(next == UInt256(219_719 * 60) << 210)
    #expect(next.compact() == 0x1e03_24a2)
    // A tip 1,000 s before its parent counts as parent + 1: t = 212,400 + 1 × 60 = 212,460.
    times = Headers.lwmaTimes(spacing: 120)
    times[60] = times[59] - 1_000
    #expect(target(times: times) == UInt256(212_460 * 60) << 210)
  }

  @Test func capsSolvetimesAt6T() {
    // The tip 5,000 s late: 5,120 → 720 at weight 60, t = 212,400 + 43,200 = 255,600
    // (ratio 1.16, inside the clamp).
    var times = Headers.lwmaTimes(spacing: 120)
    times[60] += 5_000
    #expect(target(times: times) == UInt256(255_600 * 60) << 210)
  }

  @Test func clampsToOneAndAHalfTimesThePreviousTarget() {
    // 720 s blocks: t = 6k → 6 × X0, clamped to X0 × 150 / 100 = 205,875 × 3 × 2^215.
    let expected = UInt256(617_625) << 215
    #expect(target(times: Headers.lwmaTimes(spacing: 720)) == expected)
    // Slower blocks are capped at 720 s each, so the result is the same.
    #expect(target(times: Headers.lwmaTimes(spacing: 5_000)) == expected)
  }

  @Test func clampsToSixtySevenHundredthsOfThePreviousTarget() {
    // 1 s blocks: t = 1,830 → X0 / 120 (no floor in LWMA3), clamped to X0 × 67 / 100 =
    // 205,875 × 67 × 2^216 / 100 = 8,235 × 67 × 2^214 = 551,745 × 2^214.
    let times = (0...60).map { Headers.origin + Int64($0) }
    #expect(target(times: times) == UInt256(551_745) << 214)
  }

  @Test func clampIsRelativeToTheTipsTarget() {
    // Tip target 2 × X0 (0x1e064866), others X0, on target: Σ = (59 + 2) × 2^210 and
    // t = k → 219,600 × 61 × 2^210 = 13,395,600 × 2^210, below 2 X0 × 67 / 100 =
    // 551,745 × 2^215 = 17,655,840 × 2^210, so raised to the latter (a clamp around the
    // window's average target would not bind).
    let next = target(times: Headers.lwmaTimes(spacing: 120), tipBits: 0x1e06_4866)
    #expect(next == UInt256(17_655_840) << 210)
  }

  @Test func capsAtPowLimit() {
    // 0x1f07ffff × 1.5 exceeds 2^243 − 1.
    #expect(target(times: Headers.lwmaTimes(spacing: 240), bits: 0x1f07_ffff) == params.difficulty.powLimit)
  }

  @Test func tooShortAHistoryGivesPowLimit() {
    let headers = Headers.spaced(tip: 59, count: 60, bits: Targets.x0Bits, spacing: 120)
    #expect(params.lwma3Target(history: headers) == params.difficulty.powLimit)
  }
}
