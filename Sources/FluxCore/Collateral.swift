/// Node collateral per tier and the 2022 collateral reduction with its transition windows.
///
/// Mirrors fluxd `fluxnode/fluxnode.h` (~57–63), `coins.cpp` `GetCoinAmountsByTier`
/// (~774), `fluxnode.cpp` `GetUndoDataForExpiredConfirmFluxnodes` (~231–265) and the
/// window heights in `chainparams.cpp` (~308–315); flux-rules.md §3.1. A collateral must
/// be an exact amount.
public struct CollateralParams: Sendable, Equatable {
  /// Original collateral (10,000 / 25,000 / 100,000 FLUX).
  public var v1: TierValues<Amount>
  /// Reduced collateral (1,000 / 12,500 / 40,000 FLUX).
  public var v2: TierValues<Amount>
  /// Per tier, the heights `[begin, end)` in which both amounts are valid; nil: V1 forever.
  public var transitionWindows: TierValues<Range<Int>>?
  /// Heights in which confirmed nodes holding a no-longer-valid amount are force-expired
  /// (mainnet `[1,076,532, 1,097,422)`).
  public var forcedExpiryCheck: Range<Int>?
  /// Confirmations the collateral output needs when the START is mined (100).
  public var minConfirmations: Int
  /// The one amount per tier a new START must lock, set by a scheduled change's
  /// `collateral.start_amount` (nil on every network: the V1/V2 windows decide). Nodes
  /// started before keep their collateral: it only decides what new STARTs lock.
  public var startAmount: TierValues<Amount>?

  public init(
    v1: TierValues<Amount>, v2: TierValues<Amount>, transitionWindows: TierValues<Range<Int>>?,
    forcedExpiryCheck: Range<Int>?, minConfirmations: Int
  ) {
    self.v1 = v1
    self.v2 = v2
    self.transitionWindows = transitionWindows
    self.forcedExpiryCheck = forcedExpiryCheck
    self.minConfirmations = minConfirmations
  }
}

extension ChainParams {
  /// The collateral amounts a new node of `tier` may lock at `height`: V1 before the
  /// tier's window, both inside it, V2 from its end; from a scheduled change that sets
  /// `collateral.start_amount`, that amount alone.
  public func validCollaterals(for tier: Tier, at height: Int) -> [Amount] {
    if let era = eraIndex(at: height) { return changes[era].params.validCollaterals(for: tier, at: height) }
    if let startAmount = collateral.startAmount { return [startAmount[tier]] }
    return transitionCollaterals(for: tier, at: height)
  }

  /// The amounts the 2022 collateral reduction accepts for `tier` at `height` (§3.1).
  func transitionCollaterals(for tier: Tier, at height: Int) -> [Amount] {
    guard let window = collateral.transitionWindows?[tier] else { return [collateral.v1[tier]] }
    if height < window.lowerBound { return [collateral.v1[tier]] }
    if height < window.upperBound { return [collateral.v1[tier], collateral.v2[tier]] }
    return [collateral.v2[tier]]
  }

  /// The tier an exact collateral amount belongs to at `height`, or nil if it is none.
  public func tier(forCollateral amount: Amount, at height: Int) -> Tier? {
    Tier.allCases.first { validCollaterals(for: $0, at: height).contains(amount) }
  }

  /// Tiers for which only the reduced collateral is valid at `height` (their window has ended).
  public func reducedCollateralEnforced(at height: Int) -> TierSet {
    guard let windows = collateral.transitionWindows else { return [] }
    var tiers: TierSet = []
    for tier in Tier.allCases where height >= windows[tier].upperBound { tiers.insert(TierSet(tier)) }
    return tiers
  }

  /// Whether fluxd runs the wrong-collateral expiry check in block `height`.
  public func isCollateralExpiryCheckActive(at height: Int) -> Bool {
    collateral.forcedExpiryCheck?.contains(height) ?? false
  }

  /// Whether a confirmed node of `tier` holding `amount` is force-expired in block `height`.
  ///
  /// Only the 2022 transition expires nodes for their amount: a scheduled
  /// `collateral.start_amount` activates after it (`RuleSet` checks) and leaves nodes
  /// started before with theirs.
  public func mustExpireForCollateral(tier: Tier, amount: Amount, at height: Int) -> Bool {
    isCollateralExpiryCheckActive(at: height) && !transitionCollaterals(for: tier, at: height).contains(amount)
  }

  /// Whether a collateral output mined at `coinHeight` is old enough for a START in block
  /// `height`, with the confirmations the era of `height` asks for.
  public func isCollateralMature(coinHeight: Int, at height: Int) -> Bool {
    if let era = eraIndex(at: height) {
      return changes[era].params.isCollateralMature(coinHeight: coinHeight, at: height)
    }
    return height - coinHeight >= collateral.minConfirmations
  }
}
