import FluxCore

/// The heights that cut a rule set's emission into simple pieces, and exact sums over them.
///
/// Between two consecutive cuts nothing in the emission rules changes: the subsidy is
/// linear in the height (constant, or the slow start's ramp), the split era is fixed and
/// no fund pays except at a cut that is a piece of its own. So a quantity that is equal
/// at two heights of a piece is equal on all of it, and a sum over a piece with a
/// constant subsidy is a count times one block's amount. This is what lets `diff-rules`
/// compare two rule sets over 40 million blocks with a few hundred evaluations.
extension SupplySchedule {
  /// The cuts up to `limit`, ascending: genesis and block 1, every subsidy change, the
  /// split-era boundaries (node payments start, FLUX upgrade, PoN start, each scheduled
  /// change's activation) and each fund payment's height together with the block after it.
  ///
  /// - Complexity: O(c log c) for c cuts (about 70 on mainnet).
  public func emissionCuts(through limit: Int) -> [Int] {
    var cuts: Set<Int> = [0, 1]
    cuts.formUnion(subsidyChangeHeights)
    cuts.formUnion([params.split.nodePaymentsStartHeight, params.upgrades.flux, params.upgrades.pon].compactMap { $0 })
    cuts.formUnion(params.activationHeights)
    for fund in params.funds {
      for index in 0..<fund.count {
        let height = fund.firstHeight + index * fund.interval
        if height > limit { break }
        cuts.formUnion([height, height + 1])
      }
    }
    return cuts.filter { $0 <= limit }.sorted()
  }

  /// What each tier's payees receive in total from the fully paid blocks in `range`.
  ///
  /// A tier's amount depends on the height only through the subsidy and the split era,
  /// so on a piece where the subsidy is constant it is one block's amount times the
  /// piece's length. Only a slow-start piece (the subsidy grows every block, and fluxd's
  /// pre-PoN split truncates a `double`, so the amounts are not linear) is summed block
  /// by block: a few thousand blocks at most on any real rules.
  ///
  /// - Complexity: O(c log c + b) for c cuts and b slow-start blocks inside `range`.
  public func tierPayments(in range: ClosedRange<Int>) -> TierValues<Amount> {
    tierPayments(in: range, cuts: emissionCuts(through: range.upperBound))
  }

  /// `tierPayments(in:)` with the cuts computed once by the caller: `cuts` is
  /// `emissionCuts(through:)` of a limit at or past `range.upperBound`, so that a caller
  /// summing many ranges (a report's years) does not rebuild them for each.
  ///
  /// - Complexity: O(log c + k + b) for the k cuts and b slow-start blocks inside `range`.
  public func tierPayments(in range: ClosedRange<Int>, cuts: [Int]) -> TierValues<Amount> {
    var total = TierValues(cumulus: Amount.zero, nimbus: .zero, stratus: .zero)
    func add(_ reward: BlockReward, times count: Int) {
      for tier in Tier.allCases { total[tier].satoshi += reward.tiers[tier].satoshi * Int64(count) }
    }
    var (first, end) = (0, cuts.count)
    while first < end {
      let mid = (first + end) / 2
      if cuts[mid] <= range.lowerBound { first = mid + 1 } else { end = mid }
    }
    let inside = cuts[first...].prefix { $0 <= range.upperBound }
    let cuts = [range.lowerBound] + inside
    for (index, low) in cuts.enumerated() {
      let high = index + 1 < cuts.count ? cuts[index + 1] - 1 : range.upperBound
      if high == low || subsidy(at: low) == subsidy(at: low + 1) {
        add(reward(at: low), times: high - low + 1)
      } else {
        for height in low...high { add(reward(at: height), times: 1) }
      }
    }
    return total
  }
}
