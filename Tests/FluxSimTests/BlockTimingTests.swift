import FluxCore
import Testing

@testable import FluxSim

/// Block production: PoN slots settle at 30 s; the PoW difficulty rule pulls the block
/// interval back to 120 s after the hashrate doubles.
@Suite struct BlockTimingTests {
  @Test func compactRoundingPullsThePoNTargetDownFastestJustBelowDifficultyOneSixteenth() {
    // fluxd computes new = ⌊prev / 870⌋ × actual and stores it as nBits, keeping the top
    // three bytes (GetCompact truncates). When the window took exactly 870 s, new is prev
    // less (prev mod 870), which truncates to the mantissa less one (unless 435 divides
    // the mantissa): the target falls by 1/m a block. Just above target 2^247 (difficulty
    // 2^243 / 2^247 = 1/16) the mantissa has 16 bits, just below it 23: the pull drops
    // 256-fold where the difficulty passes 0.0625, just under the measured 0.0684–0.0707
    // (flux-rules.md §5.2; Sources/FluxSim/README.md, "Block timing calibration").
    let rule = ChainParams.mainnet.ponDifficultyRule
    let tip = TipState.measured2026
    func next(_ bits: UInt32) -> UInt32 {
      rule.nextBits(forHeight: tip.height + 1, prevBits: bits, tipTime: tip.time, windowStartTime: tip.time - 870)
    }
    // 0x8123 · 256^29 ≈ 2^247.01 (difficulty 0.06246): 33,059 → 33,058, −3.0 × 10^−5.
    #expect(next(0x2000_8123) == 0x2000_8122)
    // 0x7fff00 · 256^28 ≈ 2^246.99996 (difficulty 0.06250): 8,388,352 → 8,388,351, −1.2 × 10^−7.
    #expect(next(0x1f7f_ff00) == 0x1f7f_feff)
  }

  @Test func ponMeanIntervalWithinOnePercentOf30Seconds() {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 300, nimbus: 150, stratus: 150))
    config.fleet.uptime = .typical
    config.horizon = .height(TipState.measured2026.height + 150_000)
    config.sampling = .blocks(50_000)
    let result = runJob(config)
    let rows = result.series
    // Skip the first 50,000 blocks (the difficulty settles from the assumed start).
    let steady = Double(rows.last!.time - rows[1].time) / Double(rows.last!.height - rows[1].height)
    #expect(abs(steady - 30) / 30 < 0.01, "mean interval \(steady) s")
    // Slots are 30 s apart and empty ones only add time, so the mean cannot fall below
    // 30 s by more than the spread of two mint delays over the span.
    #expect(steady > 30 - 6.0 / Double(rows.last!.height - rows[1].height))
  }

  @Test func ponStartingTooHardFillsSlotsAfterTheRuleEasesIt() {
    // Start at a difficulty that leaves most slots empty with only 60 nodes: the rule
    // raises the target until nearly every slot is filled.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 20, nimbus: 20, stratus: 20))
    config.start = .tip(TipState(height: TipState.measured2026.height, time: TipState.measured2026.time, difficulty: 5))
    config.horizon = .height(TipState.measured2026.height + 6_000)
    config.sampling = .blocks(1_000)
    let result = runJob(config)
    #expect(result.series[1].meanBlockInterval > 40, "starts slow: \(result.series[1].meanBlockInterval)")
    #expect(result.series.last!.meanBlockInterval < 31, "ends near 30 s: \(result.series.last!.meanBlockInterval)")
    #expect(result.series.last!.difficulty < 1)
  }

  @Test func powDifficultyRestores120SecondsAfterTheHashrateDoubles() {
    // LWMA3 era. Hashrate 1e6 sol/s, doubling after 3,000 blocks (≈ 360,000 s).
    let doubling: Int64 = 3_000 * 120
    var config = Fixtures.pow(
      height: 1_500_000,
      hashrate: .piecewise([TimeStep(from: 0, value: 1e6), TimeStep(from: doubling, value: 2e6)]),
      initialHashrate: 1e6)
    config.horizon = .height(1_500_000 + 7_000)
    config.sampling = .blocks(500)
    config.seed = 4
    let result = runJob(config)
    let start = result.series[0].time
    func meanInterval(from: Int, to: Int) -> Double {
      let a = result.series.first { $0.height == 1_500_000 + from }!
      let b = result.series.first { $0.height == 1_500_000 + to }!
      return Double(b.time - a.time) / Double(to - from)
    }
    // Before: on target. Right after the doubling blocks come faster; the rule then
    // brings them back (LWMA3 reacts within its 60-block window).
    #expect(abs(meanInterval(from: 1_000, to: 3_000) - 120) < 12)
    let doubled = result.series.first { $0.time >= start + doubling }!.height - 1_500_000
    #expect(abs(meanInterval(from: doubled + 1_000 - doubled % 500, to: 7_000) - 120) < 12)
    #expect(result.series.last!.difficulty > result.series[4].difficulty * 1.6, "difficulty roughly doubled")
  }
}
