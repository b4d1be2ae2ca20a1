import Foundation
import Testing

@testable import FluxSim

/// PoW production as `Mining` draws it, without a simulation: solve times from the work
/// formula and the hashrate path, winning pools by share.
@Suite struct MiningTests {
  /// nBits 0x1f00ffff: mantissa 0xffff, 0x1f bytes, so the target is 0xffff × 256^(0x1f − 3)
  /// = 65,535 × 2^224 and the work 2^256 / (target + 1) = 2^32 / 65,535 (to 2^−240)
  /// = 65,537 + 1/65,535, as 65,535 × 65,537 = 2^32 − 1. At 65,537 solutions a second
  /// the mean solve time is 1 s (to 3 × 10⁻¹⁰).
  static let bits: UInt32 = 0x1f00_ffff
  static let hashrate = 65_537.0

  /// When the jobs below start: the hashrate path's time 0.
  static let start: Int64 = 1_761_701_944

  /// The sample mean and the share of draws above `threshold` of `draws` solve times.
  func solveTimes(_ mining: Mining, at time: Int64, draws: Int, above threshold: Double, seed: UInt64)
    -> (mean: Double, above: Double)
  {
    let stream = RandomStream(seed: seed)
    var (sum, above) = (0.0, 0)
    for _ in 0..<draws {
      let time = mining.solveTime(bits: Self.bits, at: time, stream)
      sum += time
      if time > threshold { above += 1 }
    }
    return (sum / Double(draws), Double(above) / Double(draws))
  }

  @Test func solveTimeIsExponentialWithMeanWorkOverHashrate() {
    let mining = Mining(config: MiningConfig(hashrate: .constant(Self.hashrate)), startTime: Self.start)
    let draws = 100_000
    let (mean, above) = solveTimes(mining, at: Self.start, draws: draws, above: 1, seed: 7)
    // An exponential with mean μ = 1 s has standard deviation μ: the sample mean's is
    // μ / √n. Within 5 of them (a chance below 10⁻⁶ when the law is right).
    #expect(abs(mean - 1) <= 5 / Double(draws).squareRoot())
    // P(T > μ) = e^−1 for an exponential (a constant or uniform time would give 0 or ½):
    // within 5 binomial standard errors.
    let p = exp(-1.0)
    #expect(abs(above - p) <= 5 * (p * (1 - p) / Double(draws)).squareRoot())
  }

  @Test func solveTimeReadsTheHashrateAtTheTimeSinceTheStart() {
    // The hashrate doubles 1,000 s into the job: the mean solve time halves from then on.
    let mining = Mining(
      config: MiningConfig(
        hashrate: .piecewise([TimeStep(from: 0, value: Self.hashrate), TimeStep(from: 1_000, value: 2 * Self.hashrate)])
      ), startTime: Self.start)
    let draws = 100_000
    for (elapsed, mu) in [(Int64(999), 1.0), (1_000, 0.5), (50_000, 0.5)] {
      let (mean, _) = solveTimes(mining, at: Self.start + elapsed, draws: draws, above: mu, seed: 8)
      #expect(abs(mean - mu) <= 5 * mu / Double(draws).squareRoot(), "elapsed \(elapsed)")
    }
  }

  @Test func poolsWinByHashrateShare() {
    let shares = [0.45, 0.35, 0.2]
    let mining = Mining(
      config: MiningConfig(pools: zip(["a", "b", "c"], shares).map { Pool(name: $0, share: $1) }), startTime: 0)
    #expect(mining.poolNames == ["a", "b", "c"])
    #expect(mining.poolIncome == [0, 0, 0])
    let stream = RandomStream(seed: 9)
    let draws = 100_000
    var wins = [0, 0, 0]
    for _ in 0..<draws { wins[mining.drawPool(stream)] += 1 }
    // Each pool's frequency within 5 binomial standard errors of its share.
    for (pool, share) in shares.enumerated() {
      let frequency = Double(wins[pool]) / Double(draws)
      #expect(abs(frequency - share) <= 5 * (share * (1 - share) / Double(draws)).squareRoot(), "pool \(pool)")
    }
  }
}
