/// Where an override key may be given: in the top-level overrides (from genesis), in a
/// scheduled change and at which activations, or only in a change.
///
/// A change holds from its activation on, so a key may appear in one only where its rule
/// still acts at that height and changing it there leaves every earlier block as it was
/// (FluxCore/README.md, "Scheduled changes", says why for each refused key).
public enum ChangeScope: Sendable {
  /// Refused in a change; the text says why the rule cannot change mid-chain.
  case genesisOnly(String)
  /// Allowed in the top-level overrides and in a change activating in `era`.
  case anywhere(ActivationEra)
  /// Only in a change activating in `era`: a one-off instruction at the activation. The
  /// text says what to write in the top-level overrides instead.
  case changeOnly(ActivationEra, atGenesis: String)
}

/// The activations at which a key of a change acts.
public enum ActivationEra: Sendable {
  /// Any height.
  case any
  /// At or after PoN start: the key sets a PoN rule.
  case proofOfNode
  /// Before PoN start: the key sets a PoW rule, without effect under PoN.
  case proofOfWork
  /// Inside the era whose node timers the key sets: from `upgrade`'s height (genesis for
  /// nil, the original timers) to the next upgrade that changes timers.
  case timers(Upgrade?)
  /// A block spacing: PoN's (`pon` true) or PoW's era, and after the clock's anchor.
  case spacing(pon: Bool)
  /// After the 2022 collateral transition: until its windows and forced-expiry check end,
  /// they decide which amounts are valid.
  case afterCollateralTransition

  /// Why a change activating at `activation` may not set the key, under the rules
  /// `params` as they stand before the change; nil when it may.
  func refusal(at activation: Int, in params: ChainParams) -> String? {
    switch self {
    case .any:
      return nil
    case .proofOfNode:
      guard let pon = params.upgrades.pon else { return "has no effect while upgrades.pon is never" }
      return activation >= pon
        ? nil
        : "sets a PoN rule: the change must activate at or after PoN start (block \(pon)), found \(activation)"
    case .proofOfWork:
      guard let pon = params.upgrades.pon, activation >= pon else { return nil }
      return "sets a PoW rule, which has no effect from PoN start (block \(pon)): the change activates at \(activation)"
    case .timers(let upgrade):
      let eras: [Upgrade] = [.flux, .collateralHalving, .pon]
      var start = 0
      if let upgrade {
        guard let height = params.upgrades[upgrade] else {
          return "has no effect while upgrades.\(upgrade.rawValue) is never"
        }
        start = height
      }
      let end = eras.compactMap { params.upgrades[$0] }.filter { $0 > start }.min() ?? Int.max
      guard !(start..<end).contains(activation) else { return nil }
      let era = upgrade.map { "\($0.rawValue) era" } ?? "original era"
      let range = end == Int.max ? "from block \(start)" : "blocks \(start) … \(end - 1)"
      return "sets the node timers of the \(era) (\(range)): the change must activate inside it, found \(activation)"
    case .spacing(let pon):
      if let refusal = (pon ? ActivationEra.proofOfNode : .proofOfWork).refusal(at: activation, in: params) {
        return refusal
      }
      let anchor = params.timeAnchor.height
      return activation > anchor
        ? nil
        : "the clock is anchored at block \(anchor) (its known time): a spacing change must activate after it, "
          + "or it would move the dates of the blocks before the change; found \(activation)"
    case .afterCollateralTransition:
      let ends =
        [params.collateral.forcedExpiryCheck?.upperBound]
        + Tier.allCases.map { params.collateral.transitionWindows?[$0].upperBound }
      let end = ends.compactMap { $0 }.max() ?? 0
      return activation >= end
        ? nil
        : "the 2022 collateral transition decides which amounts are valid until block \(end - 1): "
          + "the change must activate at or after \(end), found \(activation)"
    }
  }
}

/// A one-off instruction of a change at its activation (not a parameter that holds on).
public enum ChangeInstruction: Sendable, Equatable {
  /// `subsidy.pon_factor`: the PoN subsidy becomes ⌊S × factor⌋ at the activation.
  case ponFactor(Ratio)
  /// `subsidy.pon_further_reductions`: reductions at or after the activation, then flat.
  case ponFurtherReductions(Int)
}
