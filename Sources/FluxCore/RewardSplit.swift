/// How a block's subsidy is divided between the three node tiers, the PoW miner and
/// the PoN dev fund, in every era.
///
/// Mirrors fluxd `src/main.cpp` `GetFluxnodeSubsidy` (~2886–2938) and
/// `GetMinDevFundAmount` (~2877), `coins.cpp` (~747–749), `fluxnode.cpp`
/// `FillBlockPayeeWithDeterministicPayouts` and `CheckFluxnodePayout`
/// (flux-rules.md §3.2, §3.3). Exact, including fluxd's use of `double` before PoN.
public struct RewardSplitParams: Sendable, Equatable {
  /// `nStartFluxnodePaymentsHeight` (560,000): from here every coinbase must pay the
  /// deterministic node payees. Before it the whole subsidy is the miner's in consensus
  /// (the legacy Zelnode payments of 2019–2020 were miner policy, not enforced).
  public var nodePaymentsStartHeight: Int?
  /// Pre-PoN tier fractions of the subsidy (0.0375, 0.0625, 0.15), as fluxd's doubles.
  public var powTierFractions: TierValues<Double>
  /// Multiplier of the pre-PoN tier fractions from the FLUX upgrade on (2.0).
  public var fluxUpgradeMultiplier: Double
  /// PoN tier weights (1.0, 3.5, 9.0 COIN) over `ponWeightDenominator`.
  public var ponTierWeights: TierValues<Amount>
  /// The PoN split denominator: the literal `14 * COIN`, independent of the PoN subsidy.
  public var ponWeightDenominator: Amount

  public init(
    nodePaymentsStartHeight: Int?, powTierFractions: TierValues<Double>, fluxUpgradeMultiplier: Double,
    ponTierWeights: TierValues<Amount>, ponWeightDenominator: Amount
  ) {
    self.nodePaymentsStartHeight = nodePaymentsStartHeight
    self.powTierFractions = powTierFractions
    self.fluxUpgradeMultiplier = fluxUpgradeMultiplier
    self.ponTierWeights = ponTierWeights
    self.ponWeightDenominator = ponWeightDenominator
  }
}

/// A set of tiers, e.g. the tiers that have a payee in a block.
public struct TierSet: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public init(_ tier: Tier) { self.rawValue = 1 << UInt8(tier.index) }

  public static let cumulus = TierSet(.cumulus)
  public static let nimbus = TierSet(.nimbus)
  public static let stratus = TierSet(.stratus)
  public static let all: TierSet = [.cumulus, .nimbus, .stratus]

  @inlinable public func contains(_ tier: Tier) -> Bool { rawValue & (1 << UInt8(tier.index)) != 0 }
  /// The same by tier index (0 ..< 3), for loops over tiers that must not build
  /// `Tier.allCases`, an array, on every pass.
  @inlinable public init(index: Int) { self.rawValue = 1 << UInt8(index) }
  @inlinable public func contains(index: Int) -> Bool { rawValue & (1 << UInt8(index)) != 0 }
}

/// Who receives a block's subsidy. `tiers + miner + devFund == subsidy` always.
public struct BlockReward: Sendable, Equatable {
  public var subsidy: Amount
  /// What each tier's payee receives (zero for a tier without a payee).
  public var tiers: TierValues<Amount>
  /// PoW miner (block producer before PoN), including any missing tier's share.
  public var miner: Amount
  /// PoN dev fund: the remainder after the tier amounts, including any missing tier's share.
  public var devFund: Amount

  public init(subsidy: Amount, tiers: TierValues<Amount>, miner: Amount, devFund: Amount) {
    self.subsidy = subsidy
    self.tiers = tiers
    self.miner = miner
    self.devFund = devFund
  }

  /// Total paid to node tiers.
  public var nodes: Amount { tiers.cumulus + tiers.nimbus + tiers.stratus }
}

/// Which rule divides the subsidy at a height, with the parameters it reads, so that a
/// split computed from it is the split of the era (and scheduled change) it came from.
public enum SplitEra: Sendable, Equatable {
  /// Before deterministic node payments: the miner takes everything.
  case minerOnly
  /// PoW with deterministic node payments: each tier gets its fraction × `multiplier`
  /// (1 before the FLUX upgrade, 2 from it) of the subsidy.
  case powNodes(fractions: TierValues<Double>, multiplier: Double)
  /// Proof of Node: weights over the fixed denominator, dev fund takes the remainder.
  case proofOfNode(weights: TierValues<Amount>, denominator: Amount)
}

extension ChainParams {
  /// The split rule in force at `height`, under the rules of the era `height` is in.
  public func splitEra(at height: Int) -> SplitEra {
    if let era = eraIndex(at: height) { return changes[era].params.splitEra(at: height) }
    if upgrades.isActive(.pon, at: height) {
      return .proofOfNode(weights: split.ponTierWeights, denominator: split.ponWeightDenominator)
    }
    if let start = split.nodePaymentsStartHeight, height >= start {
      return .powNodes(
        fractions: split.powTierFractions,
        multiplier: upgrades.isActive(.flux, at: height) ? split.fluxUpgradeMultiplier : 1.0)
    }
    return .minerOnly
  }

  /// The amount a tier's payee is owed for a block paying `subsidy` under `era`.
  @inlinable public static func tierAmount(_ tier: Tier, subsidy: Amount, era: SplitEra) -> Amount {
    switch era {
    case .minerOnly:
      return .zero
    case .powNodes(let fractions, let multiplier):
      return powTierAmount(subsidy: subsidy, fraction: fractions[tier], multiplier: multiplier)
    case .proofOfNode(let weights, let denominator):
      // subsidy × weight / (14 × COIN) with int64 truncation; full-width so that
      // what-if subsidies larger than the real ones cannot overflow.
      let product = subsidy.satoshi.multipliedFullWidth(by: weights[tier].satoshi)
      let (quotient, _) = denominator.satoshi.dividingFullWidth(product)
      return Amount(satoshi: quotient)
    }
  }

  /// fluxd's pre-PoN tier amount: `trunc(double(blockValue) * (pct * mult))`.
  ///
  /// This is the one place where the chain computes money in IEEE double; the product
  /// `pct * mult` is rounded first, exactly as in `GetFluxnodeSubsidy`, then the
  /// conversion back to satoshi truncates toward zero. For every real subsidy (150,
  /// 75, 37.5 FLUX) the result is exact.
  ///
  /// A rule set's shares are at most 100 % (`RuleSet` checks them), so the product is at
  /// most the subsidy as a `double`; it reaches 2^63, where the conversion would trap (and
  /// fluxd's is undefined), only for a what-if subsidy within 2^10 satoshi of the `Int64`
  /// range paid at a share of 100 %, and then the tier gets the whole subsidy.
  @inlinable public static func powTierAmount(subsidy: Amount, fraction: Double, multiplier: Double) -> Amount {
    let share = fraction * multiplier
    let amount = Double(subsidy.satoshi) * share
    return amount < 0x1p63 ? Amount(satoshi: Int64(amount)) : subsidy
  }

  /// The reward split of block `height` when the tiers in `payees` have a payee.
  ///
  /// A tier without a payee forfeits its amount: to the miner before PoN (it stays in
  /// coinbase output 0), to the dev fund under PoN (the validator requires the
  /// remainder to go there). Under PoN the dev fund always receives at least
  /// `subsidy − Σ tier amounts`, which is not `subsidy / 28` from reduction year 8 on.
  public func reward(at height: Int, mode: SupplyMode = .code, payees: TierSet = .all) -> BlockReward {
    reward(subsidy: subsidy(at: height, mode: mode), era: splitEra(at: height), payees: payees)
  }

  /// The split of `subsidy` under `era` when the tiers in `payees` have a payee.
  @inlinable public func reward(subsidy: Amount, era: SplitEra, payees: TierSet = .all) -> BlockReward {
    var tiers = TierValues(cumulus: Amount.zero, nimbus: .zero, stratus: .zero)
    for tier in Tier.allCases where payees.contains(tier) {
      tiers[tier] = Self.tierAmount(tier, subsidy: subsidy, era: era)
    }
    let remainder = subsidy - tiers.cumulus - tiers.nimbus - tiers.stratus
    if case .proofOfNode = era {
      return BlockReward(subsidy: subsidy, tiers: tiers, miner: .zero, devFund: remainder)
    }
    return BlockReward(subsidy: subsidy, tiers: tiers, miner: remainder, devFund: .zero)
  }
}
