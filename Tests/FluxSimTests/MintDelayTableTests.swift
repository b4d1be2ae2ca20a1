import Foundation
import Testing

@testable import FluxSim

/// The batched mode's mint delays (`MintDelayTable`): the law of the sampler's draw
/// rounded half up and clamped to 1 … spacing − 1, from one uniform a draw.
@Suite struct MintDelayTableTests {
  /// Frequencies of `draws` delays 1 … spacing − 1 (index 0 unused).
  func frequencies(_ draw: () -> Int64, draws: Int, spacing: Int) -> [Double] {
    var counts = [Int](repeating: 0, count: spacing)
    for _ in 0..<draws { counts[Int(draw())] += 1 }
    return counts.map { Double($0) / Double(draws) }
  }

  @Test func degenerateLawsGiveOneDelay() {
    let stream = RandomStream(seed: 1)
    // A constant 4 s rounds to 4; 40 s is clamped to 29; −3 s to 1.
    for (value, delay) in [(4.0, 4), (40, 29), (-3, 1), (4.5, 5)] as [(Double, Int64)] {
      let table = MintDelayTable(.constant(value), spacing: 30)!
      #expect((0..<100).allSatisfy { _ in table.draw(stream) == delay }, "constant \(value)")
    }
  }

  @Test func uniformAndExponentialFollowTheirCDF() {
    let stream = RandomStream(seed: 2)
    let draws = 40_000
    // Uniform on [1.5, 6.5): x + ½ is uniform on [2, 7), so 2 … 6 each with 1/5.
    let uniform = MintDelayTable(.uniform(low: 1.5, high: 6.5), spacing: 30)!
    let seen = frequencies({ uniform.draw(stream) }, draws: draws, spacing: 30)
    // Exponential, mean 10 s, clamped at 29: P(1) = F(1.5) = 1 − e^−0.15, P(k) =
    // e^−(k−½)/10 − e^−(k+½)/10, P(29) = e^−2.85.
    let exponential = MintDelayTable(.exponential(mean: 10), spacing: 30)!
    let seenExponential = frequencies({ exponential.draw(stream) }, draws: draws, spacing: 30)
    for delay in 1...29 {
      let k = Double(delay)
      let expected = (2...6).contains(delay) ? 0.2 : 0
      let expectedExponential =
        delay == 1 ? 1 - exp(-0.15) : delay == 29 ? exp(-2.85) : exp(-(k - 0.5) / 10) - exp(-(k + 0.5) / 10)
      // Within 5 binomial standard errors (a chance below 10⁻⁶ per cell when the law is right).
      for (frequency, p) in [(seen[delay], expected), (seenExponential[delay], expectedExponential)] {
        #expect(abs(frequency - p) <= 5 * (p * (1 - p) / Double(draws)).squareRoot(), "delay \(delay)")
      }
    }
  }

  @Test func gammaAndLognormalAgreeWithTheSampler() {
    // Two independent samples of 40,000, the table's and the sampler's rounded draws:
    // per delay, the difference of frequencies within 5 standard errors of the difference.
    let stream = RandomStream(seed: 3)
    let draws = 40_000
    for law in [
      Distribution.gamma(shape: 2, scale: 2.5), .lognormal(mu: 1.3, sigma: 0.6), .weibull(shape: 1.5, scale: 5),
    ] {
      let table = MintDelayTable(law, spacing: 30)!
      let byTable = frequencies({ table.draw(stream) }, draws: draws, spacing: 30)
      let bySampler = frequencies(
        { Int64(Checked.count(law.sample(stream) + 0.5, in: 1...29)) }, draws: draws, spacing: 30)
      for delay in 1...29 {
        let p = (byTable[delay] + bySampler[delay]) / 2
        #expect(
          abs(byTable[delay] - bySampler[delay]) <= 5 * (2 * p * (1 - p) / Double(draws)).squareRoot() + 1e-12,
          "\(law) delay \(delay)")
      }
    }
  }

  @Test func lawsWithoutACDFKeepTheSampler() {
    #expect(MintDelayTable(.gamma(shape: 0, scale: 1), spacing: 30) == nil)
    #expect(MintDelayTable(.exponential(mean: .nan), spacing: 30) == nil)
  }
}
