/// The mint delay as the engine uses it, drawn directly: a whole number of seconds.
///
/// A block is stamped `Checked.count(x + 0.5, in: 1 … spacing − 1)` seconds into its
/// slot, x a draw of the job's `mintDelay` distribution: x rounded half up and clamped, a
/// discrete variable with at most spacing − 1 values. With F(t) = P(x < t) (GSL's CDF),
/// the delay is k with probability F(k + ½) − F(k − ½) for 1 < k < spacing − 1, the
/// lowest value takes F(1½) and the highest 1 − F(spacing − 1½) (the clamps). This table
/// (GSL's Walker alias method, one uniform a draw) gives that law exactly, without the
/// distribution's own sampler (a gamma or lognormal costs a hundred instructions and
/// more). It is built once for a spacing and again only if a scheduled change sets
/// another; the batched mode draws from it, the block-by-block mode keeps the sampler.
struct MintDelayTable {
  let spacing: Int64
  private let table: DiscreteDistribution

  /// The table for slots `spacing` seconds long; nil when the distribution has no CDF
  /// for its parameters (the sampler then draws as before).
  init?(_ distribution: Distribution, spacing: Int64) {
    let highest = max(1, Int(spacing) - 1)
    var weights: [Double] = []
    var below = 0.0
    for delay in 1...highest {
      guard let upTo = delay == highest ? 1 : distribution.probability(below: Double(delay) + 0.5) else { return nil }
      // A CDF is monotone; `max` only guards the last bit of its rounding.
      weights.append(max(0, upTo - below))
      below = upTo
    }
    guard weights.allSatisfy(\.isFinite), weights.reduce(0, +) > 0 else { return nil }
    self.spacing = spacing
    table = DiscreteDistribution(weights: weights)
  }

  /// One delay in 1 … spacing − 1 seconds.
  @inline(__always) func draw(_ stream: RandomStream) -> Int64 { delay(at: stream.uniform()) }

  /// The delay a uniform `u` on [0, 1) selects.
  @inline(__always) func delay(at u: Double) -> Int64 { Int64(table.index(at: u)) + 1 }
}
