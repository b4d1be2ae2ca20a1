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
}
