/// Exact cumulative supply at any height up to `ChainParams.maxHeight`, in O(log n) per query.
///
/// flux-rules.md §2.3: `supply(h) = Σ_{k=1..h} subsidy(k) + funds(h)`. The subsidy is
/// piecewise constant (halvings, PoN reduction years) or piecewise linear (the slow
/// start), so the heights where it changes cut the chain into stretches on which
/// `subsidy(h) = s₀ + d·(h − start)`; a stretch of n blocks sums to `n·s₀ + d·n(n−1)/2`.
/// The schedule finds those heights from the parameters, checks each stretch really is
/// linear (so an override that broke the assumption fails loudly instead of summing
/// wrongly), and keeps prefix sums. No loop over blocks, whatever the height.
///
/// The schedule ends at `ChainParams.maxHeight`, the highest height anything may reach,
/// and its sums are built with overflow-reporting arithmetic: `firstOverflowHeight(of:mode:)`
/// says where a rule set's supply would pass `Int64`, which `RuleSet` refuses, so every
/// schedule of rules it accepts holds every prefix sum exactly.
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

    /// `before + sum(through: height)`, or nil where it passes `Int64`. Below 2^31 blocks
    /// `n(n − 1)` fits, so only the products with amounts and the additions can overflow.
    func checkedTotal(through height: Int) -> Int64? {
      let n = Int64(height - start + 1)
      let (flat, overflow1) = n.multipliedReportingOverflow(by: first)
      let (ramp, overflow2) = slope.multipliedReportingOverflow(by: n * (n - 1) / 2)
      let (sum, overflow3) = flat.addingReportingOverflow(ramp)
      let (total, overflow4) = before.addingReportingOverflow(sum)
      return overflow1 || overflow2 || overflow3 || overflow4 ? nil : total
    }
  }

  /// Builds the schedule of `params` in `mode`.
  ///
  /// - Precondition: the cumulative subsidy through `ChainParams.maxHeight` fits in
  ///   `Int64` (true of every `RuleSet`).
  public init(params: ChainParams, mode: SupplyMode) {
    let built = Self.build(params, mode)
    precondition(
      built.overflow == nil,
      "the cumulative subsidy passes Int64 at height \(built.overflow ?? 0); RuleSet refuses such rules")
    self.params = params
    self.mode = mode
    self.stretches = built.stretches
  }

  /// The stretches through `ChainParams.maxHeight`; when the cumulative subsidy passes
  /// `Int64`, the stretches up to that point and the first height where it does.
  static func build(_ params: ChainParams, _ mode: SupplyMode) -> (stretches: [Stretch], overflow: Int?) {
    let starts = changeHeights(of: params, mode: mode)
    // Both modes pay the code subsidy under PoN; each era's reductions are computed once,
    // through the era's last block.
    let eras = params.eras
    let origins = eras.map(\.params.ponSubsidyOrigin)
    let pon = eras.indices.map { index in
      eras[index].params.ponSubsidies(
        through: index + 1 < eras.count ? eras[index + 1].start - 1 : ChainParams.maxHeight)
    }
    func subsidy(_ height: Int) -> Int64 {
      let era = params.eraIndex(at: height).map { $0 + 1 } ?? 0
      if let reductions = params.ponReductions(at: height), let origin = origins[era] {
        return pon[era][reductions - origin.reductions].satoshi
      }
      return params.subsidy(at: height, mode: mode).satoshi
    }
    var stretches: [Stretch] = []
    stretches.reserveCapacity(starts.count)
    var before: Int64 = 0
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] - 1 : ChainParams.maxHeight
      let first = subsidy(start)
      let slope = end > start ? subsidy(start + 1) - first : 0
      let (rise, overflow) = slope.multipliedReportingOverflow(by: Int64(end - start))
      precondition(
        !overflow && subsidy(end) == first + rise,
        "subsidy is not linear on [\(start), \(end)]; SupplySchedule.changeHeights misses a change")
      let stretch = Stretch(start: start, first: first, slope: slope, before: before)
      stretches.append(stretch)
      guard let total = stretch.checkedTotal(through: end) else {
        // Totals grow with the height (subsidies are ≥ 0): the first that overflows is
        // the first height whose sum does.
        var (low, high) = (start, end)
        while low < high {
          let mid = low + (high - low) / 2
          if stretch.checkedTotal(through: mid) == nil { high = mid } else { low = mid + 1 }
        }
        return (stretches, low)
      }
      before = total
    }
    return (stretches, nil)
  }

  /// The index of the stretch holding `height` (≥ 1).
  @inlinable func stretchIndex(of height: Int) -> Int {
    var low = 0
    var high = stretches.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if stretches[mid].start <= height { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// Sum of block subsidies of heights 1 … `height` (0 for `height ≤ 0`).
  ///
  /// - Complexity: O(log s) for s stretches (about 50 on mainnet).
  /// - Precondition: `height ≤ ChainParams.maxHeight`.
  @inlinable public func cumulativeSubsidy(through height: Int) -> Amount {
    guard height >= 1 else { return .zero }
    precondition(height <= ChainParams.maxHeight, "height \(height) is past ChainParams.maxHeight")
    let stretch = stretches[stretchIndex(of: height)]
    return Amount(satoshi: stretch.before + stretch.sum(through: height))
  }

  /// Total FLUX issued by blocks 1 … `height`: subsidies plus fund outputs.
  @inlinable public func cumulativeSupply(through height: Int) -> Amount {
    cumulativeSubsidy(through: height) + params.cumulativeFunds(through: height)
  }

  /// The subsidy of block `height` in the schedule's mode, read from its stretch: what
  /// `params.subsidy(at:mode:)` gives, in O(log s) however many PoN reductions the rules
  /// have (that function applies them one by one).
  ///
  /// - Precondition: `height ≤ ChainParams.maxHeight`.
  @inlinable public func subsidy(at height: Int) -> Amount {
    guard height >= 1 else { return params.subsidy(at: height, mode: mode) }
    precondition(height <= ChainParams.maxHeight, "height \(height) is past ChainParams.maxHeight")
    let stretch = stretches[stretchIndex(of: height)]
    return Amount(satoshi: stretch.first + stretch.slope * Int64(height - stretch.start))
  }

  /// The split of block `height` when the tiers in `payees` have a payee (as
  /// `ChainParams.reward(at:mode:payees:)`, with the subsidy from the schedule).
  @inlinable public func reward(at height: Int, payees: TierSet = .all) -> BlockReward {
    params.reward(subsidy: subsidy(at: height), era: params.splitEra(at: height), payees: payees)
  }

  /// The heights at which the subsidy changes, ascending (each stretch's first height).
  public var subsidyChangeHeights: [Int] { stretches.map(\.start) }

  /// The first height whose cumulative supply (subsidies and fund outputs) would pass
  /// `Int64.max` satoshi under `params` in `mode`, or nil when the supply through
  /// `ChainParams.maxHeight` fits.
  ///
  /// Every amount is ≥ 0, so the supply only grows: if it fits at `maxHeight` it fits at
  /// every height, and otherwise a binary search finds where it first does not.
  public static func firstOverflowHeight(of params: ChainParams, mode: SupplyMode) -> Int? {
    let built = build(params, mode)
    let subsidyOverflow = built.overflow ?? Int.max
    func fits(through height: Int) -> Bool {
      guard height < subsidyOverflow else { return false }
      var index = built.stretches.count - 1
      while built.stretches[index].start > height { index -= 1 }
      guard var total = built.stretches[index].checkedTotal(through: height) else { return false }
      for fund in params.funds {
        let (paid, overflow1) = Int64(fund.paymentsThrough(height)).multipliedReportingOverflow(by: fund.amount.satoshi)
        let (sum, overflow2) = total.addingReportingOverflow(paid)
        if overflow1 || overflow2 { return false }
        total = sum
      }
      return true
    }
    if fits(through: ChainParams.maxHeight) { return nil }
    var (low, high) = (1, ChainParams.maxHeight)
    while low < high {
      let mid = low + (high - low) / 2
      if fits(through: mid) { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Every height up to `ChainParams.maxHeight` where the subsidy function may change:
  /// block 1, each activation and the block after (observed mode pays there the code
  /// subsidy of the activation), and within each era its own changes (`eraChangeHeights`).
  static func changeHeights(of params: ChainParams, mode: SupplyMode) -> [Int] {
    let eras = params.eras
    var heights: Set<Int> = [1]
    for (index, era) in eras.enumerated() {
      let end = index + 1 < eras.count ? eras[index + 1].start : Int.max
      heights.formUnion([era.start, era.start + 1])
      heights.formUnion(
        eraChangeHeights(of: era.params, mode: mode, through: end - 1).filter { (era.start..<end).contains($0) })
    }
    return heights.filter { (1...ChainParams.maxHeight).contains($0) }.sorted()
  }

  /// The heights up to `limit` where the subsidy of one era's rules (ignoring `changes`)
  /// may change: premine, slow start, each halving until it freezes or reaches zero, the
  /// 64th halving (zero even when frozen), PoN start, the era's PoN origin and each later
  /// reduction. Stopping at the era's end keeps the work of a schedule to the reductions
  /// its eras make, at most `SubsidyParams.maxPonReductions` in all.
  static func eraChangeHeights(of params: ChainParams, mode: SupplyMode, through limit: Int) -> Set<Int> {
    let s = params.subsidy
    let ponStart = params.upgrades.pon ?? Int.max
    var heights: Set<Int> = []
    if let premine = s.premineHeight { heights.formUnion([premine, premine + 1]) }
    heights.formUnion([s.slowStartInterval / 2, s.slowStartInterval])
    var halvings = 1
    while halvings < 64 {
      let (offset, overflow) = s.halvingInterval.multipliedReportingOverflow(by: halvings)
      guard !overflow, offset < ponStart, offset <= ChainParams.maxHeight else { break }
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
    heights = heights.filter { $0 < ponStart }
    if let origin = params.ponSubsidyOrigin {
      heights.formUnion([ponStart, origin.height])
      let interval = s.ponReductionInterval
      let first = (origin.height - origin.gridOrigin) / interval + 1
      for step in first..<(first + max(0, s.ponMaxReductions - origin.reductions)) {
        // At most 2^31 + 10,000 steps of at most 2^31 blocks: no overflow in 64 bits.
        let height = origin.gridOrigin + step * interval
        if height > min(limit, ChainParams.maxHeight) { break }
        heights.insert(height)
      }
    }
    return heights
  }
}
