/// Exact cumulative supply at any height, in O(log n) per query.
///
/// flux-rules.md §2.3: `supply(h) = Σ_{k=1..h} subsidy(k) + funds(h)`. The subsidy is
/// piecewise constant (halvings, PoN reduction years) or piecewise linear (the slow
/// start), so the heights where it changes cut the chain into stretches on which
/// `subsidy(h) = s₀ + d·(h − start)`; a stretch of n blocks sums to `n·s₀ + d·n(n−1)/2`.
/// The schedule finds those heights from the parameters, checks each stretch really is
/// linear (so an override that broke the assumption fails loudly instead of summing
/// wrongly), and keeps prefix sums. No loop over blocks, whatever the height.
public struct SupplySchedule: Sendable {
  public let params: ChainParams
  public let mode: SupplyMode
  @usableFromInline let stretches: [Stretch]

  @usableFromInline struct Stretch: Sendable {
    /// First height of the stretch.
    @usableFromInline var start: Int
    /// Subsidy at `start`, satoshi.
    @usableFromInline var first: Int64
    /// Change of the subsidy per block within the stretch, satoshi.
    @usableFromInline var slope: Int64
    /// Sum of the subsidies of heights `1 ..< start`, satoshi.
    @usableFromInline var before: Int64

    @usableFromInline init(start: Int, first: Int64, slope: Int64, before: Int64) {
      self.start = start
      self.first = first
      self.slope = slope
      self.before = before
    }

    /// Sum of the subsidies of heights `start ... height` (requires `height ≥ start − 1`).
    @inlinable func sum(through height: Int) -> Int64 {
      let n = Int64(height - start + 1)
      return n * first + slope * (n * (n - 1) / 2)
    }
  }

  /// Builds the schedule of `params` in `mode`.
  public init(params: ChainParams, mode: SupplyMode) {
    self.params = params
    self.mode = mode
    let starts = Self.changeHeights(of: params, mode: mode)
    var stretches: [Stretch] = []
    stretches.reserveCapacity(starts.count)
    var before: Int64 = 0
    for (index, start) in starts.enumerated() {
      let first = params.subsidy(at: start, mode: mode).satoshi
      let next = index + 1 < starts.count ? starts[index + 1] : nil
      var slope: Int64 = 0
      if next.map({ $0 - start >= 2 }) ?? true {
        slope = params.subsidy(at: start + 1, mode: mode).satoshi - first
      }
      let stretch = Stretch(start: start, first: first, slope: slope, before: before)
      if let next {
        let last = params.subsidy(at: next - 1, mode: mode).satoshi
        precondition(
          last == first + slope * Int64(next - 1 - start),
          "subsidy is not linear on [\(start), \(next)); SupplySchedule.changeHeights misses a change")
        before += stretch.sum(through: next - 1)
      } else {
        precondition(slope == 0, "the subsidy must be constant after its last change")
      }
      stretches.append(stretch)
    }
    self.stretches = stretches
  }

  /// Sum of block subsidies of heights 1 … `height` (0 for `height ≤ 0`).
  ///
  /// - Complexity: O(log s) for s stretches (about 50 on mainnet).
  @inlinable public func cumulativeSubsidy(through height: Int) -> Amount {
    guard height >= 1 else { return .zero }
    var low = 0
    var high = stretches.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if stretches[mid].start <= height { low = mid } else { high = mid - 1 }
    }
    let stretch = stretches[low]
    return Amount(satoshi: stretch.before + stretch.sum(through: height))
  }

  /// Total FLUX issued by blocks 1 … `height`: subsidies plus fund outputs.
  @inlinable public func cumulativeSupply(through height: Int) -> Amount {
    cumulativeSubsidy(through: height) + params.cumulativeFunds(through: height)
  }

  /// The heights at which the subsidy changes, ascending (each stretch's first height).
  public var subsidyChangeHeights: [Int] { stretches.map(\.start) }

  /// Every height where the subsidy function may change: premine, slow start, each
  /// halving until it freezes or reaches zero, the 64th halving (zero even when frozen),
  /// PoN start and each reduction.
  static func changeHeights(of params: ChainParams, mode: SupplyMode) -> [Int] {
    let s = params.subsidy
    let ponStart = params.upgrades.pon ?? Int.max
    var heights: Set<Int> = [1]
    if let premine = s.premineHeight { heights.formUnion([premine, premine + 1]) }
    heights.formUnion([s.slowStartInterval / 2, s.slowStartInterval])
    var halvings = 1
    while halvings < 64 {
      let (offset, overflow) = s.halvingInterval.multipliedReportingOverflow(by: halvings)
      guard !overflow, offset < ponStart else { break }
      heights.insert(s.slowStartInterval / 2 + offset)
      if let frozen = s.frozenAfterHalvings, halvings >= frozen { break }
      if s.powInitialSubsidy.satoshi >> halvings == 0 { break }
      halvings += 1
    }
    // GetBlockSubsidy returns 0 from the 64th halving on, before it looks at the freeze.
    let (lastShift, overflow) = s.halvingInterval.multipliedReportingOverflow(by: 64)
    if !overflow { heights.insert(s.slowStartInterval / 2 + lastShift) }
    if mode == .observed {
      // Observed mode shifts every change below the slow-start end by one block.
      for height in Array(heights) where height < s.slowStartInterval { heights.insert(height + 1) }
    }
    heights = heights.filter { $0 >= 1 && $0 < ponStart }
    if ponStart != Int.max {
      heights.insert(ponStart)
      for reduction in 0...max(0, s.ponMaxReductions) {
        let (offset, overflow) = s.ponReductionInterval.multipliedReportingOverflow(by: reduction)
        if overflow { break }
        heights.insert(ponStart + offset)
      }
    }
    return heights.sorted()
  }
}
