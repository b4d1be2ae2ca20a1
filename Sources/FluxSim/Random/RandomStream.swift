@preconcurrency import CGSL
import FluxCore

/// A job's source of randomness: a GSL Mersenne Twister (`gsl_rng_mt19937`)
/// and the GSL distributions the models draw from.
///
/// Streams are seeded from the job's seed alone (one for the fleet, and one each for the
/// app market and the price path when the job has them), so a job's result depends on
/// nothing else (not on the worker that ran it, not on the clock). It is a class because
/// it owns a C allocation; it is deliberately not `Sendable`: a stream never leaves the
/// job that created it.
public final class RandomStream {
  private let rng: UnsafeMutablePointer<gsl_rng>

  /// A stream seeded with `seed`.
  ///
  /// GSL's mt19937 uses 32 bits of its seed, so the 64-bit seed is folded to 32 bits with
  /// a bijection of its low half: seeds that differ only in their low 32 bits (such as
  /// consecutive job indexes mixed into one scenario seed) never collide.
  public init(seed: UInt64) {
    guard let rng = gsl_rng_alloc(gsl_rng_mt19937) else { fatalError("gsl_rng_alloc failed: out of memory") }
    self.rng = rng
    // `word()` hands out the generator's outputs as 32-bit words, which mt19937's are.
    precondition(gsl_rng_min(rng) == 0 && gsl_rng_max(rng) == UInt(UInt32.max), "a generator of 32-bit words")
    let folded = UInt32(truncatingIfNeeded: seed) ^ UInt32(truncatingIfNeeded: seed >> 32 &* 0x9E37_79B9)
    gsl_rng_set(rng, UInt(folded))
  }

  deinit { gsl_rng_free(rng) }

  /// Uniform on [0, 1).
  @inlinable public func uniform() -> Double { gsl_rng_uniform(rngPointer) }

  /// Uniform on (0, 1): never 0, for logarithms.
  @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rngPointer) }

  /// Uniform integer on 0 ..< `bound` (`bound` ≥ 1).
  @inlinable public func integer(below bound: Int) -> Int {
    if bound <= Int(UInt32.max) { return Int(gsl_rng_uniform_int(rngPointer, UInt(bound))) }
    return Int(uniform() * Double(bound)) % bound
  }

  /// The generator's next output: 32 uniform random bits (mt19937's word).
  @inlinable public func word() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(rngPointer)) }

  /// Uniform integer on 0 ..< `bound` (`bound` ≥ 1), the same law as `integer(below:)`
  /// drawn from other words: the high half of a word times `bound` (Lemire, "Fast
  /// random integer generation in an interval", ACM TOMACS 29(1), 2019), with a word
  /// redrawn in the rare case (below `bound` / 2^32) its low half falls among the
  /// (2^32 − bound) mod `bound` values that would favour some results. GSL's
  /// `gsl_rng_uniform_int` divides twice a draw; this divides only in that rare case.
  /// For the batched blocks' producer, drawn every block; `integer(below:)` stays GSL's,
  /// so that every other draw, and block-by-block runs, keep their streams.
  @inlinable public func integerWithoutDivision(below bound: Int) -> Int {
    guard bound < 1 << 32 else { return integer(below: bound) }
    let range = UInt64(bound)
    var product = UInt64(word()) &* range
    if UInt32(truncatingIfNeeded: product) < UInt32(truncatingIfNeeded: range) {
      // (2^32 − bound) mod bound, in 32-bit arithmetic.
      let biased = (0 &- UInt32(truncatingIfNeeded: range)) % UInt32(truncatingIfNeeded: range)
      while UInt32(truncatingIfNeeded: product) < biased { product = UInt64(word()) &* range }
    }
    return Int(product >> 32)
  }

  /// Exponential with the given mean.
  @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rngPointer, mean) }

  /// Weibull with `shape` k and `scale` λ: density (k/λ)(x/λ)^(k−1) e^−(x/λ)^k.
  @inlinable public func weibull(shape: Double, scale: Double) -> Double { gsl_ran_weibull(rngPointer, scale, shape) }

  /// Lognormal: exp of a normal with mean `mu` and standard deviation `sigma`.
  @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rngPointer, mu, sigma) }

  /// Gamma with `shape` k and `scale` θ (mean kθ).
  @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rngPointer, shape, scale) }

  /// Normal with the given mean and standard deviation.
  @inlinable public func normal(mean: Double, sd: Double) -> Double { mean + gsl_ran_gaussian_ziggurat(rngPointer, sd) }

  /// Poisson with mean `mean`, taken as 0 when not positive (or NaN) and as
  /// `maxPoissonMean` above it, so the count always fits GSL's 32-bit result.
  @inlinable public func poisson(mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    return Int(gsl_ran_poisson(rngPointer, min(mean, Self.maxPoissonMean)))
  }

  /// The largest Poisson mean drawn from: a billion, far above any count a job can use.
  public static let maxPoissonMean = 1e9

  /// Binomial: successes in `trials` with probability `p` each.
  @inlinable public func binomial(trials: Int, p: Double) -> Int {
    Int(gsl_ran_binomial(rngPointer, p, UInt32(trials)))
  }

  /// Geometric: the number of trials up to and including the first success (≥ 1).
  @inlinable public func geometric(p: Double) -> Int { Int(gsl_ran_geometric(rngPointer, p)) }

  /// Whether an event of probability `p` happens.
  @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rngPointer) < p }

  @usableFromInline var rngPointer: UnsafeMutablePointer<gsl_rng> { rng }
}

/// A preprocessed discrete distribution (GSL's Walker alias table): O(1) draws of an
/// index with probability proportional to its weight.
///
/// GSL builds the table (`gsl_ran_discrete_preproc`); its columns are copied into a
/// Swift array and GSL's copy freed, so that a draw reads one array (the mint delay is
/// drawn from one every block: GSL's own draw went through its allocation's pointers
/// and a branch on each column's cut-off) and the distribution is a plain value.
public struct DiscreteDistribution: Sendable {
  /// Column c: a uniform u with ⌊u·K⌋ = c picks c when u < `cutoff`, `alias` otherwise.
  struct Column: Sendable {
    var cutoff: Double
    var alias: Int
  }

  private let columns: [Column]
  public var count: Int { columns.count }

  /// Weights need not sum to 1; they must be ≥ 0 with a positive sum.
  public init(weights: [Double]) {
    precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 } && weights.reduce(0, +) > 0)
    guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
      fatalError("gsl_ran_discrete_preproc failed: out of memory")
    }
    defer { gsl_ran_discrete_free(table) }
    // GSL stores F[c] as (c + the share of column c that is c's) / K, compared with u
    // itself, and reads A[c] only when F[c] < 1: a column with F[c] = 1 is its own alias.
    columns = (0..<table.pointee.K).map { column in
      let cutoff = table.pointee.F[column]
      return Column(cutoff: cutoff, alias: cutoff == 1 ? column : table.pointee.A[column])
    }
  }

  /// An index in 0 ..< count.
  public func draw(_ stream: RandomStream) -> Int { index(at: stream.uniform()) }

  /// The index a uniform draw `u` on [0, 1) selects: GSL's own mapping
  /// (`gsl_ran_discrete` draws u and does this, `RandomStreamTests` checks both agree
  /// draw for draw), open so that a caller holding a uniform it may reuse (one whose
  /// conditional law is still uniform) needs no second draw. A reused u that rounded up
  /// to 1 takes the last column (GSL's own u never reaches 1).
  @inline(__always) public func index(at u: Double) -> Int {
    let column = min(Int(u * Double(columns.count)), columns.count - 1)
    let entry = columns[column]
    // Selected by arithmetic, not a branch: which side of the cut-off u falls on is as
    // random as u (the mint delay draws here every block).
    let keeps = u < entry.cutoff ? 1 : 0
    return entry.alias &+ (column &- entry.alias) &* keeps
  }
}
