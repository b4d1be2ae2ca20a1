import FluxCore

/// The first heights at which two rule sets' emission differs, found exactly without a
/// loop over blocks.
///
/// The union of both rule sets' `emissionCuts` cuts the chain into pieces on which both
/// subsidies are linear, both split eras fixed and no fund pays except on a one-block
/// piece. Two points fix a line, so two subsidies that agree at a piece's first two
/// heights agree on the whole piece: the first difference, if the piece has one, is at
/// its first or second height. Per-block supply (subsidy plus funds) is linear on the
/// same pieces, and cumulative supply first differs exactly where it does. The split of
/// a block is a function of its subsidy and the era's rule, so it needs a block-by-block
/// look only where the subsidy ramps (the slow start) and the two eras split a subsidy
/// differently, and that look stops at the first difference.
public struct RulesDivergence: Sendable, Equatable {
  /// The last height compared.
  public var limit: Int
  /// First height whose block subsidy differs, or nil when none does up to `limit`.
  public var subsidy: Int?
  /// First height where a fully paid block pays any tier, the miner or the dev fund a
  /// different amount (a different subsidy always shows here too).
  public var split: Int?
  /// First height whose cumulative supply (subsidies and fund outputs) differs.
  public var supply: Int?

  /// Compares `base` and `proposal`, which must use the same supply mode, through `limit`.
  ///
  /// - Complexity: O(c log c) for c cuts of both rule sets (about 140 on mainnet),
  ///   plus the slow-start blocks where the two split rules differ.
  public init(base: SupplySchedule, proposal: SupplySchedule, through limit: Int) {
    precondition(base.mode == proposal.mode, "both rule sets must be compared in the same supply mode")
    let cuts = Set(base.emissionCuts(through: limit) + proposal.emissionCuts(through: limit)).sorted()
    self.limit = limit
    self.subsidy = Self.firstLinearDifference(cuts, through: limit) { base.subsidy(at: $0) != proposal.subsidy(at: $0) }
    self.supply = Self.firstLinearDifference(cuts, through: limit) {
      base.blockSupply(at: $0) != proposal.blockSupply(at: $0)
    }
    self.split = Self.firstSplitDifference(cuts, through: limit, base: base, proposal: proposal)
  }

  /// True when nothing differs up to `limit`.
  public var isEmpty: Bool { subsidy == nil && split == nil && supply == nil }

  /// The first height where `differs` holds, for a quantity linear on every piece
  /// between consecutive `cuts` (which start at 0): it is a piece's first or second height.
  static func firstLinearDifference(_ cuts: [Int], through limit: Int, differs: (Int) -> Bool) -> Int? {
    for (index, low) in cuts.enumerated() {
      let end = index + 1 < cuts.count ? cuts[index + 1] : limit + 1
      for height in [low, low + 1] where height < end && height <= limit && differs(height) { return height }
    }
    return nil
  }

  /// The first height whose fully paid block is split differently.
  ///
  /// Equal rewards at a piece's first two heights mean equal subsidies on the whole
  /// piece. If that subsidy is constant, each split is too, and they are equal. If it
  /// ramps, both blocks are pre-PoN (a PoN subsidy never ramps) and split by their tier
  /// shares: equal shares split every subsidy alike; different shares are checked block
  /// by block until the first difference or the end of the piece.
  static func firstSplitDifference(
    _ cuts: [Int], through limit: Int, base: SupplySchedule, proposal: SupplySchedule
  ) -> Int? {
    func differs(_ height: Int) -> Bool { base.reward(at: height) != proposal.reward(at: height) }
    for (index, low) in cuts.enumerated() {
      let last = index + 1 < cuts.count ? cuts[index + 1] - 1 : limit
      for height in [low, low + 1] where height <= last && differs(height) { return height }
      guard last >= low + 2, base.subsidy(at: low) != base.subsidy(at: low + 1),
        splitRule(base.params, at: low) != splitRule(proposal.params, at: low)
      else { continue }
      if let height = (low + 2...last).first(where: differs) { return height }
    }
    return nil
  }

  /// What decides how a block's subsidy is split: two blocks with the same rule split
  /// every subsidy alike. Before node payments the miner takes all, as with zero shares.
  enum SplitRule: Equatable {
    /// Pre-PoN: each tier gets `trunc(subsidy × share)`, with the share as fluxd rounds it.
    case shares(TierValues<Double>)
    /// PoN: each tier gets `subsidy × weight / denominator`, truncated.
    case weights(TierValues<Amount>, denominator: Amount)
  }

  static func splitRule(_ params: ChainParams, at height: Int) -> SplitRule {
    switch params.splitEra(at: height) {
    case .minerOnly: .shares(TierValues(cumulus: 0, nimbus: 0, stratus: 0))
    case .powNodes(let fractions, let multiplier): .shares(fractions.map { $0 * multiplier })
    case .proofOfNode(let weights, let denominator): .weights(weights, denominator: denominator)
    }
  }
}

extension SupplySchedule {
  /// What block `height` adds to the cumulative supply (its subsidy and fund outputs).
  func blockSupply(at height: Int) -> Amount {
    cumulativeSupply(through: height) - cumulativeSupply(through: height - 1)
  }
}
