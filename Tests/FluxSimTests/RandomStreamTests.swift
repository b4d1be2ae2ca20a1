@preconcurrency import CGSL
import Foundation
import Testing

@testable import FluxSim

/// The job's GSL stream: reproducible, and each distribution has the mean it should.
@Suite struct RandomStreamTests {
  func mean(_ draw: () -> Double, count: Int = 100_000) -> Double {
    (0..<count).reduce(0) { total, _ in total + draw() } / Double(count)
  }

  @Test func sameSeedSameDrawsOtherSeedOthers() {
    let a = RandomStream(seed: 5)
    let b = RandomStream(seed: 5)
    let c = RandomStream(seed: 6)
    let first = (0..<10).map { _ in a.uniform() }
    #expect(first == (0..<10).map { _ in b.uniform() })
    #expect(first != (0..<10).map { _ in c.uniform() })
  }

  @Test func distributionsHaveTheirMeans() {
    let stream = RandomStream(seed: 42)
    // Means of 100,000 draws, within a few standard errors of the exact means.
    #expect(abs(mean { stream.exponential(mean: 3) } - 3) < 0.05)
    #expect(abs(mean { stream.weibull(shape: 2, scale: 1) } - 0.886_226_925) < 0.01)
    #expect(abs(mean { stream.lognormal(mu: 0, sigma: 0.5) } - 1.133_148_453) < 0.01)
    #expect(abs(mean { stream.gamma(shape: 2, scale: 3) } - 6) < 0.06)
    #expect(abs(mean { stream.normal(mean: 1, sd: 2) } - 1) < 0.03)
    #expect(abs(mean { Double(stream.poisson(mean: 4)) } - 4) < 0.03)
    #expect(abs(mean { Double(stream.binomial(trials: 10, p: 0.3)) } - 3) < 0.03)
    #expect(abs(mean { Double(stream.geometric(p: 0.25)) } - 4) < 0.05)
    #expect(abs(mean { stream.bernoulli(0.2) ? 1 : 0 } - 0.2) < 0.01)
    #expect(mean { stream.uniformPositive() } > 0.49)
    let discrete = DiscreteDistribution(weights: [1, 3])
    #expect(abs(mean { Double(discrete.draw(stream)) } - 0.75) < 0.01)
    let integers = (0..<10_000).map { _ in stream.integer(below: 7) }
    #expect(Set(integers) == Set(0..<7))
  }

  @Test func namedDistributionsMatchTheirDeclaredMeans() {
    let stream = RandomStream(seed: 9)
    let cases: [Distribution] = [
      .constant(2), .exponential(mean: 5), .weibull(shape: 0.8, scale: 10), .lognormal(mu: 1, sigma: 0.5),
      .gamma(shape: 3, scale: 2), .uniform(low: 1, high: 4),
    ]
    for distribution in cases {
      let observed = mean { distribution.sample(stream) }
      #expect(abs(observed - distribution.mean) / distribution.mean < 0.03, "\(distribution)")
      #expect(abs(distribution.scaled(by: 60).mean - 60 * distribution.mean) < 1e-9 * distribution.mean * 60)
    }
  }

  /// `DiscreteDistribution.index(at:)` is GSL's mapping from its uniform: fed the
  /// uniforms of a stream seeded alike, it picks what `gsl_ran_discrete` picks from a
  /// table GSL builds from the same weights, draw for draw: tables with zero weights,
  /// one weight, the mint delays' 29 values and columns of every kind.
  @Test func discreteIndexIsGSLsOwnMapping() {
    let mintDelays: [Double] = (1...29).map { delay in exp(-Double((delay - 4) * (delay - 4)) / 4) }
    let tables: [[Double]] = [
      [1, 3], [5], [0, 2, 0, 1], [1, 1, 1, 1, 1, 1, 1], mintDelays, (1...100).map(Double.init),
    ]
    for weights in tables {
      let distribution = DiscreteDistribution(weights: weights)
      let table = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }!
      defer { gsl_ran_discrete_free(table) }
      let (gsl, ours) = (RandomStream(seed: 77), RandomStream(seed: 77))
      for _ in 0..<100_000 {
        let expected = gsl_ran_discrete(gsl.rngPointer, table)
        #expect(distribution.index(at: ours.uniform()) == Int(expected), "weights \(weights)")
      }
    }
    // A reused uniform that rounded up to 1 (never GSL's) still picks an index.
    #expect(DiscreteDistribution(weights: [1, 3]).index(at: 1) < 2)
  }

  /// `integerWithoutDivision(below:)` draws uniformly: every value of a small range about
  /// equally often (χ², 6 degrees of freedom, below the 10⁻⁶ quantile), and, for a range
  /// of 3·2^30 where a word times the range without the redraw would give a multiple of
  /// 3 half the time (each of them from two of the 4 words 4m … 4m + 3, the others from
  /// one), a third of the time.
  @Test func integerWithoutDivisionIsUniform() {
    let stream = RandomStream(seed: 11)
    for _ in 0..<100 { #expect(stream.integerWithoutDivision(below: 1) == 0) }
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[stream.integerWithoutDivision(below: 7)] += 1 }
    let chiSquare = counts.reduce(0.0) { sum, count in sum + pow(Double(count) - 10_000, 2) / 10_000 }
    #expect(chiSquare < gsl_cdf_chisq_Qinv(1e-6, 6), "counts \(counts)")
    let draws = 30_000
    let large = (0..<draws).map { _ in stream.integerWithoutDivision(below: 3 << 30) }
    #expect(large.min()! >= 0 && large.max()! < 3 << 30)
    let share = Double(large.filter { $0 % 3 == 0 }.count) / Double(draws)
    // Standard error √(⅓ · ⅔ / 30,000) ≈ 0.0027: six of them either way.
    #expect(abs(share - 1.0 / 3) < 0.017, "share of multiples of 3: \(share)")
    // Beyond 32 bits it is `integer(below:)`'s draw.
    let wide = (0..<1_000).map { _ in stream.integerWithoutDivision(below: 1 << 40) }
    #expect(wide.min()! >= 0 && wide.max()! < 1 << 40 && wide.max()! >= 1 << 32)
  }
}
