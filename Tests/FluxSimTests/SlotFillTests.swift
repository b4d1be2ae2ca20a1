import FluxCore
import Testing

@testable import FluxSim

/// `SlotFill` answers "is the slot filled?" from a cached lower bound: it must give the
/// exact comparison's answer for every draw, including draws one ulp either side of the
/// exact probability, where a bound above the computed value would answer wrongly.
@Suite struct SlotFillTests {
  @Test func answersAsTheExactComparisonAtTheBoundaryWhilePAndNDrift() {
    var state: UInt64 = 14
    func uniform() -> Double { Double(splitMix64(&state) >> 11) * 0x1p-53 }
    var checked = 0
    // From p·N far below 1 (slots mostly empty) to far above (empty slots 1 in e^1000).
    for p0 in [1e-12, 1e-9, 1e-6, 1e-4, 1e-2, 0.3] {
      for n0 in [1, 2, 64, 6_489, 10_000, 300_000] {
        var fill = SlotFill()
        var (p, n) = (p0, n0)
        for _ in 0..<200 {
          // Drifts of a few percent either way, as the PoN target and the fleet move.
          p = min(0.9, p * (0.97 + 0.06 * uniform()))
          n = max(1, n + Int(uniform() * 7) - 3)
          let exact = SlotFill.probability(p: p, producers: n)
          for draw in [exact.nextDown, exact, exact.nextUp, uniform()] where draw >= 0 && draw < 1 {
            #expect(fill.isFilled(draw, p: p, producers: n) == (draw < exact), "p \(p), N \(n), draw \(draw)")
            checked += 1
          }
        }
      }
    }
    // 36 walks of 200 steps, three or four draws each (a draw of exactly 1 is skipped).
    #expect(checked >= 36 * 200 * 3)
  }

  @Test func probabilityIsOneMinusTheEmptyShare() {
    // 1 − (1 − p)^N by hand: p = 1/2, N = 3 leaves a slot empty with 1/8.
    #expect(abs(SlotFill.probability(p: 0.5, producers: 3) - 0.875) < 1e-15)
    #expect(SlotFill.probability(p: 0.25, producers: 0) == 0)
  }

  /// The share reused for the mint delay: a draw below the ladder's rung under the
  /// bound, scaled by the rung (so below 1), never a draw at or above the rung, and
  /// none while the bound is below ½ (p·N small: too few of the generator's steps).
  @Test func reusableShareBelowTheRungUnderTheBound() {
    var fill = SlotFill()
    // p = 10⁻³, N = 6,489: empty with e^−6.5 ≈ 0.15 %, so the bound is above 1 − 2^−9
    // (0.9980) and below 1 − 2^−10: the rung is 1 − 2^−9 = 511/512.
    let filled = fill.isFilled(0.5, p: 1e-3, producers: 6_489)
    #expect(filled)
    // The draw over the rung, times its reciprocal: within an ulp or two.
    func near(_ share: Double?, _ expected: Double) -> Bool { share.map { abs($0 - expected) < 1e-15 } ?? false }
    #expect(near(fill.reusableShare(of: 0.5), 0.5 * 512 / 511))
    #expect(near(fill.reusableShare(of: 0.998), 0.998 * 512 / 511))
    #expect(fill.reusableShare(of: 511.0 / 512) == nil)
    // p = 1/16, N = 1,000 (the PoN limit): the bound is 1 − 10⁻¹⁵, the rung the top one.
    var full = SlotFill()
    let fullFilled = full.isFilled(0.99, p: 1.0 / 16, producers: 1_000)
    #expect(fullFilled)
    #expect(near(full.reusableShare(of: 0.999), 0.999 * 1_024 / 1_023))
    #expect(full.reusableShare(of: 1_023.0 / 1_024) == nil)
    // p·N = 0.01: the bound is about 1 %, too small to reuse a draw below it.
    var sparse = SlotFill()
    let sparseFilled = sparse.isFilled(0.001, p: 1e-6, producers: 10_000)
    #expect(sparseFilled)
    #expect(sparse.reusableShare(of: 0.001) == nil)
  }
}
