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
}
