import FluxCore
import Testing

@testable import FluxSim

/// Network-wide PoN outages (`NetworkOutages`): the slots that start inside one are lost,
/// so the chain takes the outages' mean length longer per outage, and nothing else moves.
@Suite struct NetworkOutageTests {
  /// 1,000 nodes started at difficulty 0.002, just below the PoN limit's 1/512: about
  /// 1,000 / (8,192 × 0.002) = 61 eligible nodes a slot, so no slot is ever empty
  /// (e^−61 ≈ 10^−27, and the outages keep the target near the limit), and every block
  /// takes exactly one 30 s slot outside outages.
  static func atPoNLimit(outages: NetworkOutages?, blocks: Int, seed: UInt64 = 3) -> JobConfig {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 400, nimbus: 300, stratus: 300), seed: seed)
    let tip = TipState.measured2026
    config.start = .tip(TipState(height: tip.height, time: tip.time, difficulty: 0.002))
    config.proofOfNode.outages = outages
    config.horizon = .height(tip.height + blocks)
    config.sampling = .blocks(blocks)
    return config
  }

  @Test func outagesAddTheirMeanLengthPerOutage() {
    // Every 10 min on average, lasting 2 min on average (exponential). B blocks spend
    // 30·B s outside outages, so N ≈ 30·B / 600 outages start, each losing its length
    // (slots start every 30 s whatever the phase: L / 30 of them on average). The mean
    // interval is 30 + 30 × 120 / 600 = 36 s.
    let outages = NetworkOutages(every: 600, duration: .exponential(mean: 120))
    #expect(outages.extraSecondsPerBlock(spacing: 30) == 6)
    let blocks = 200_000
    let result = runJob(Self.atPoNLimit(outages: outages, blocks: blocks))
    let interval = Double(result.final.time - result.series[0].time) / Double(blocks)
    // N is Poisson with mean 30 × 200,000 / 600 = 10,000 and each loss exponential, so the
    // total lost has a relative sd of √(2 / 10,000) = 1.4 %: 0.085 s of the 6 s extra.
    // Four sd: 0.34 s.
    #expect(abs(interval - 36) < 0.34, "mean interval \(interval) s")
  }

  @Test func anOutageLosesExactlyTheSlotsThatStartInsideIt() {
    // Outages of exactly 120 s cover exactly 4 slot starts whatever their phase. With
    // every slot filled, the job's time is 30 s per block and per lost slot, plus the
    // last block's mint delay (1 … 29 s into its slot; the start is a slot start).
    let blocks = 20_000
    var simulation = Simulation(
      config: Self.atPoNLimit(outages: NetworkOutages(every: 600, duration: .constant(120)), blocks: blocks))
    simulation.advance(toHeight: TipState.measured2026.height + blocks)
    let process = simulation.proofOfNode.outages!
    #expect(process.lostSlots == 4 * process.count)
    let beyondSlots = simulation.chain.time - simulation.startTime - 30 * Int64(blocks + process.lostSlots)
    #expect((1...29).contains(beyondSlots), "\(beyondSlots) s past the last slot's start")
    // 30 × 20,000 s outside outages at one per 600 s: Poisson with mean 1,000, sd 32.
    #expect(abs(process.count - 1_000) < 4 * 32, "\(process.count) outages")
  }

  @Test func outagesLeaveTheFleetsDrawsAsTheyWere() {
    // Outages draw from a stream of their own and only move blocks later: the same job
    // with and without them has the same producers and payments, block for block.
    let outages = NetworkOutages(every: 3_600, duration: .exponential(mean: 600))
    let without = runJob(Self.atPoNLimit(outages: nil, blocks: 5_000))
    let with = runJob(Self.atPoNLimit(outages: outages, blocks: 5_000))
    #expect(with.producedBlocks == without.producedBlocks)
    #expect(with.payouts == without.payouts)
    #expect(with.final.supply == without.final.supply)
    // 5,000 blocks are 150,000 s outside outages: about 42 of them, 7 h in all.
    #expect(with.final.time - without.final.time > 3_600)
  }

  @Test func calibratedOutagesReproduceTheMeasuredChain() {
    // Measured (flux-rules.md §1, "Block time facts"): checkpoint block 2,029,000 at
    // 1,761,701,944 (2025-10-29T01:39:04Z); height 2,917,115 at 1,788,399,120
    // (2026-09-03T01:32:00Z): 26,697,176 s for 888,115 blocks, 30.0605 s a block.
    let span = 1_788_399_120.0 - 1_761_701_944
    // The default: every half Gregorian year (15,778,476 s), 8.8 h (31,680 s) on average:
    // 30 × 31,680 / 15,778,476 = 0.0602 s a block on top of the slots' 30 s.
    #expect(ProofOfNodeConfig().outages == .calibrated)
    let extra = NetworkOutages.calibrated.extraSecondsPerBlock(spacing: 30)
    #expect(abs(extra - 30 * 31_680 / 15_778_476) < 1e-12)
    // The height the default reaches at the tip's date, from 2,029,000: within 0.05 % of
    // the measured one (the simulated mean: Scenarios/checks/backtest-pon-2026.yaml).
    let height = 2_029_000 + span / (30 + extra)
    #expect(abs(height - 2_917_115) / 2_917_115 < 0.0005, "height \(height)")
  }

  @Test func theBacktestShortenedForADebugBuild() {
    // Scenarios/checks/backtest-pon-2026.yaml (64 replications; CI runs it on the release
    // binary), shortened: one replication from block 2,029,000 at 1,761,701,944 for the
    // 26,697,176 s to the measured tip's date, full uptime, no churn, and the calibrated
    // outages 18 times as often and 18 times as short. That keeps the time they add per
    // block, which is what the data fix, and divides the variance by 18: about
    // 26,697,176 × 18 / 15,778,476 = 30.5 outages of 1,760 s on average (exponential),
    // sd √(30.5 × 2 × 1,760²) = 13,700 s, 458 blocks; 0.05 % of the height is 1,458.
    var config = JobConfig()
    config.start = .tip(TipState(height: 2_029_000, time: 1_761_701_944, difficulty: 0.07))
    config.horizon = .seconds(26_697_176)
    config.fleet.uptime = nil
    config.fleet.churn = .none
    config.sampling = .seconds(26_697_176)
    let calibrated = NetworkOutages.calibrated
    config.proofOfNode.outages = NetworkOutages(
      every: calibrated.every / 18, duration: calibrated.duration.scaled(by: 1.0 / 18))
    let height = runJob(config).final.height
    #expect(abs(height - 2_917_115) <= 1_458, "height \(height) at 2026-09-03T01:32:00Z")
  }
}
