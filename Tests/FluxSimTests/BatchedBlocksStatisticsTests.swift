import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// The batched mode draws producers' tiers and mint delays differently from the
/// block-by-block mode, so the same seed gives another run: these tests check that the
/// runs come from the same law, over many replications with fixed seeds (deterministic).
///
/// The test: for each statistic, one value per replication, n replications in each mode
/// on disjoint seeds (independent samples). Under the hypothesis that both modes have the
/// same law, z = (x̄ − ȳ) / √(s²ₓ/n + s²ᵧ/n) is approximately standard normal (central limit
/// theorem, n = 100; every statistic here is a mean or count over hundreds of blocks, so
/// its own distribution is close to normal already). With m statistics in a test, each is
/// compared with z* = Φ⁻¹(1 − α / 2m), α = 0.001: by Bonferroni's inequality the chance
/// that any of the m rejects when the modes agree is at most α. A statistic constant in
/// both samples (no spread) must have the same value in both.
@Suite struct BatchedBlocksStatisticsTests {
  static let replications = 100
  static let alpha = 0.001

  /// One replication's statistics, by name.
  typealias Statistics = [(String, Double)]

  /// Runs `config` with seeds 1 … n (batched) and 1,000,001 … (block by block) and checks
  /// every statistic `measure` returns.
  func expectSameLaw(_ config: JobConfig, _ measure: (inout Simulation, JobResult) -> Statistics) {
    var samples: [[Statistics]] = [[], []]
    for (mode, blockByBlock) in [false, true].enumerated() {
      for replication in 0..<Self.replications {
        var job = config
        job.blockByBlock = blockByBlock
        job.seed = UInt64(replication + 1 + mode * 1_000_000)
        var simulation = Simulation(config: job)
        let result = simulation.run()
        samples[mode].append(measure(&simulation, result))
      }
    }
    let names = samples[0][0].map(\.0)
    let critical = Self.upperNormalQuantile(Self.alpha / Double(2 * names.count))
    for (index, name) in names.enumerated() {
      let x = samples[0].map { $0[index].1 }
      let y = samples[1].map { $0[index].1 }
      let (meanX, varX) = Self.meanAndVariance(x)
      let (meanY, varY) = Self.meanAndVariance(y)
      if varX == 0, varY == 0 {
        #expect(meanX == meanY, "\(name): constant \(meanX) batched, \(meanY) block by block")
        continue
      }
      let z = (meanX - meanY) / ((varX + varY) / Double(Self.replications)).squareRoot()
      #expect(abs(z) < critical, "\(name): mean \(meanX) batched, \(meanY) block by block, z = \(z), z* = \(critical)")
    }
  }

  /// Per replication: the mean block interval, the variance of the 50-block stretches'
  /// durations (the block-time spread the difficulty feedback shapes), each tier's share
  /// of the blocks produced and the empty slots.
  func blockTimes(_ simulation: inout Simulation, _ result: JobResult) -> Statistics {
    let blocks = Double(result.blocks)
    let stretches = zip(result.series.dropFirst(), result.series).map { Double($0.time - $1.time) }
    let (_, spread) = Self.meanAndVariance(stretches)
    // The slots up to the next block's (already drawn) hold the blocks and that one.
    let slots = (simulation.proofOfNode.tipSlotStart! - simulation.startTime) / simulation.hot.ponSpacing
    return [
      ("mean interval", Double(simulation.chain.time - simulation.startTime) / blocks),
      ("variance of 50-block durations", spread),
      ("cumulus share", Double(result.producedBlocks.cumulus) / blocks),
      ("nimbus share", Double(result.producedBlocks.nimbus) / blocks),
      ("stratus share", Double(result.producedBlocks.stratus) / blocks),
      ("empty slots", Double(slots) - blocks - 1),
    ]
  }

  @Test func lowTargetBlockTimesAndProducers() {
    // 31 nodes from the measured difficulty 0.07: each is eligible in a slot with p =
    // 1 / (8,192 × 0.07), so 1 − (1 − p)^31 ≈ 5 % of slots are filled at first and the rule
    // raises the target until the PoN limit, where (1 − 1/16)^31 ≈ 13 % of slots stay
    // empty: empty slots are common and the difficulty window decides the block times.
    var config = Fixtures.steadyPoN()
    config.horizon = .height(TipState.measured2026.height + 1_500)
    config.sampling = .blocks(50)
    expectSameLaw(config, blockTimes)
  }

  @Test func fullerSlotsMintDelaysAndProducers() {
    // 600 nodes from the measured difficulty: N·p ≈ 1.05, so about 65 % of slots are
    // filled at first and more as the rule lowers the target: the bound answers for most
    // blocks and the batched mode takes the mint delay from the slot's own draw
    // (`SlotFill.reusableShare`), the rest from a draw of its own. With no outages and no
    // stall the slots stay on the start's 30 s grid, so a sampled block's time past the
    // grid is its delay: their mean and the share stamped at each of 2 … 6 s (the
    // default delay's whole seconds) must agree with the sampler's.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 300, nimbus: 150, stratus: 150))
    config.horizon = .height(TipState.measured2026.height + 1_500)
    config.sampling = .blocks(10)
    expectSameLaw(config) { simulation, result in
      let spacing = simulation.hot.ponSpacing
      let delays = result.series.dropFirst().map { Int(($0.time - simulation.startTime) % spacing) }
      let shares = (2...6).map { second in
        ("share stamped at \(second) s", Double(delays.filter { $0 == second }.count) / Double(delays.count))
      }
      let meanDelay = Double(delays.reduce(0, +)) / Double(delays.count)
      return blockTimes(&simulation, result) + [("mean mint delay", meanDelay)] + shares
    }
  }

  @Test func turbulentFleetTimesProducersAndIncomes() {
    // Uptime flips and churn (batches of a few blocks between events), a day by time: the
    // blocks made, the producers' tiers and the per-node incomes depend on when blocks
    // fall between the fleet's events.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 20, stratus: 20))
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 12 * 3_600), offline: .exponential(mean: 2 * 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3),
      joinsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3))
    config.horizon = .seconds(86_400)
    config.sampling = .blocks(50)
    expectSameLaw(config) { simulation, result in
      let incomes = Tier.allCases.flatMap { tier in
        let income = result.payouts[tier].incomePerNode
        return [
          ("\(tier) income mean", income.mean), ("\(tier) income p5", income.p5), ("\(tier) income p95", income.p95),
        ]
      }
      return [("blocks", Double(result.blocks))] + blockTimes(&simulation, result) + incomes
    }
  }

  static func meanAndVariance(_ values: [Double]) -> (Double, Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, values.count - 1))
    return (mean, variance)
  }

  /// z with P(Z > z) = `tail` for a standard normal Z: bisection on the tail
  /// Q(z) = erfc(z / √2) / 2, which decreases in z.
  static func upperNormalQuantile(_ tail: Double) -> Double {
    var (low, high) = (0.0, 40.0)
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if erfc(mid / 2.0.squareRoot()) / 2 > tail { low = mid } else { high = mid }
    }
    return low
  }

  @Test func normalQuantileMatchesTables() {
    // Standard tables: P(Z > 1.959964) = 0.025, P(Z > 3.290527) = 0.0005.
    #expect(abs(Self.upperNormalQuantile(0.025) - 1.959964) < 1e-5)
    #expect(abs(Self.upperNormalQuantile(0.0005) - 3.290527) < 1e-5)
  }
}
