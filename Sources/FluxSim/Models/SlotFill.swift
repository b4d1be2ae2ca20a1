#if canImport(Glibc)
  import Glibc
#endif

/// Whether a PoN slot is filled, answered from a cached bound when it can be.
///
/// The probability that at least one of N producers is eligible in a slot is
/// `1 − (1 − p)^N`, computed as `−expm1(N · log1p(−p))` (stable for tiny p). Both libm
/// calls ran on every block (≈ 18 % of a churn-free run), though the answer is compared
/// with one uniform draw u and is nearly always far above it. p comes from the next
/// block's nBits, which the PoN rule moves a little on almost every block, and N moves
/// with every confirm, expiry and exit, so caching the exact value would rarely hit.
/// Instead this keeps a lower bound that holds for every p ≥ `floorP` and N ≥ `floorN`
/// (the probability grows with both): when u is below it the slot is filled, with the
/// same draw and the same answer as the exact comparison; otherwise (an empty slot is
/// possible) the exact value decides. The bound is refreshed only when p or N falls
/// below its floor, each floor set 1/64 under the values of the refresh.
///
/// Why the bound holds for the computed value, not only the true one: glibc's `log1p`,
/// `expm1` and `exp` are within an ulp, so the computed x = N·log1p(−p) is x(1 + δ) with
/// |δ| ≤ 3 · 2⁻⁵³ and the computed empty share exp(x) is off by a factor within
/// exp(|x| · 3 · 2⁻⁵³) < 1 + 4·10⁻¹³ while |x| ≤ 1,000 (beyond, both are 0 and the slot
/// is always filled). The bound takes the empty share at the floors 10⁻⁹ larger and the
/// result 10⁻¹⁵ lower: far more than those errors and the rounding of the bound's own
/// arithmetic (`SlotFillTests` checks it against the exact value across the range).
struct SlotFill {
  /// The floors of p and N below which `bound` is not known to hold.
  private var floorP = Double.infinity
  private var floorN = Int.max
  /// A lower bound on `probability(p:producers:)` for p ≥ `floorP` and N ≥ `floorN`.
  private var bound = 0.0

  /// P(slot filled) as the engine computes it: `−expm1(N · log1p(−p))`.
  @inline(__always) static func probability(p: Double, producers: Int) -> Double {
    -expm1(Double(producers) * log1p(-p))
  }

  /// Whether `draw` (uniform on [0, 1)) is below `probability(p:producers:)`: the same
  /// answer as comparing with the exact value, without libm in the common case.
  @inline(__always) mutating func isFilled(_ draw: Double, p: Double, producers: Int) -> Bool {
    if p >= floorP, producers >= floorN, draw < bound { return true }
    return isFilledExactly(draw, p: p, producers: producers)
  }

  /// Below this the slot is filled and a draw is reused (`reusableShare`): the largest
  /// 1 − 2^−j (j = 1 … 10) not above `bound`, 0 when the bound is below ½.
  private var reuseBelow = 0.0
  /// 1 / `reuseBelow`.
  private var reuseScale = 0.0

  /// For a `draw` that `isFilled` has just answered for the same p and N, `draw` /
  /// t when it is below t = `reuseBelow` (so the slot is filled): conditionally on that,
  /// uniform on [0, 1) again and independent of the slot, so the batched mode draws the
  /// block's mint delay from it (`scheduleNextPoNBlock`) instead of drawing anew.
  ///
  /// Why a fixed ladder of thresholds rather than the bound itself: which draws are
  /// reused, and what they become, must not depend on where the bound was last refreshed,
  /// because the refreshes follow the PoN target and network outages move it; with the
  /// ladder, two runs that differ only in their outages take the same draws from the
  /// fleet's stream while their bounds stay on the same rung (`NetworkOutageTests`). The
  /// top rung, 1 − 2^−10, leaves one block in 1,024 a draw of its own; a bound of at least
  /// ½ keeps at least 2^31 of the generator's 2^32 steps (a uniform is a multiple of
  /// 2^−32), so a delay drawn from the share is off its law by at most 2^−31 per value.
  @inline(__always) func reusableShare(of draw: Double) -> Double? {
    draw < reuseBelow ? draw * reuseScale : nil
  }

  @inline(never) private mutating func isFilledExactly(_ draw: Double, p: Double, producers: Int) -> Bool {
    if p < floorP || producers < floorN {
      floorP = p - p / 64
      floorN = producers - producers / 64
      let empty = exp(Double(floorN) * log1p(-floorP))
      bound = (1 - empty * (1 + 1e-9)) * (1 - 1e-15)
      var rung = 0
      while rung < 10, 1 - Double(sign: .plus, exponent: -(rung + 1), significand: 1) <= bound { rung += 1 }
      reuseBelow = rung == 0 ? 0 : 1 - Double(sign: .plus, exponent: -rung, significand: 1)
      reuseScale = rung == 0 ? 0 : 1 / reuseBelow
      if draw < bound { return true }
    }
    return draw < Self.probability(p: p, producers: producers)
  }
}
