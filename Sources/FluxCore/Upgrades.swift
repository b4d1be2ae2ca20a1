/// The network upgrades of Flux, each active from a fixed height on (no signalling).
///
/// Mirrors fluxd `src/consensus/upgrades.cpp` and `src/pon/pon-fork.cpp` `IsPONActive`
/// (flux-rules.md §1). Unlike fluxd's `IsPONActive`, which treats the "no activation"
/// height −1 as active everywhere, an upgrade whose height is `nil` here is never
/// active: that is what [R] does and what a what-if scenario ("no PoN") means.
public enum Upgrade: String, CaseIterable, Sendable {
  /// Difficulty: Digishield v3 → LWMA.
  case lwma
  /// PoW Equihash 200,9 → 144,5, with a difficulty reset.
  case equihash144x5 = "equihash_144_5"
  /// Sapling-equivalent upgrade; difficulty LWMA → LWMA3.
  case acadia
  /// PoW → ZelHash (Equihash 125,4), with a difficulty easing ramp.
  case kamiooka
  /// Deterministic FluxNode START/CONFIRM transactions.
  case kamata
  /// ZEL → FLUX rebrand: node share doubled, confirm expiry 60 → 80.
  case flux
  /// `UPGRADE_HALVING`: the collateral reduction ("collateral halving"), not a subsidy halving.
  case collateralHalving = "collateral_halving"
  /// Multisig (P2SH) node collateral.
  case p2shNodes = "p2sh_nodes"
  /// Proof of Node: 30 s blocks, reducing subsidy, dev fund, node timers ×4.
  case pon
}

/// Activation height of every upgrade; `nil` means never.
public struct UpgradeHeights: Sendable, Equatable {
  public var lwma: Int?
  public var equihash144x5: Int?
  public var acadia: Int?
  public var kamiooka: Int?
  public var kamata: Int?
  public var flux: Int?
  public var collateralHalving: Int?
  public var p2shNodes: Int?
  public var pon: Int?

  public init(
    lwma: Int?, equihash144x5: Int?, acadia: Int?, kamiooka: Int?, kamata: Int?,
    flux: Int?, collateralHalving: Int?, p2shNodes: Int?, pon: Int?
  ) {
    self.lwma = lwma
    self.equihash144x5 = equihash144x5
    self.acadia = acadia
    self.kamiooka = kamiooka
    self.kamata = kamata
    self.flux = flux
    self.collateralHalving = collateralHalving
    self.p2shNodes = p2shNodes
    self.pon = pon
  }

  /// The activation height of `upgrade`, or nil when it never activates.
  @inlinable public subscript(upgrade: Upgrade) -> Int? {
    get {
      switch upgrade {
      case .lwma: lwma
      case .equihash144x5: equihash144x5
      case .acadia: acadia
      case .kamiooka: kamiooka
      case .kamata: kamata
      case .flux: flux
      case .collateralHalving: collateralHalving
      case .p2shNodes: p2shNodes
      case .pon: pon
      }
    }
    set {
      switch upgrade {
      case .lwma: lwma = newValue
      case .equihash144x5: equihash144x5 = newValue
      case .acadia: acadia = newValue
      case .kamiooka: kamiooka = newValue
      case .kamata: kamata = newValue
      case .flux: flux = newValue
      case .collateralHalving: collateralHalving = newValue
      case .p2shNodes: p2shNodes = newValue
      case .pon: pon = newValue
      }
    }
  }

  /// Whether `upgrade` is active at `height` (`height >= activation`; never when nil).
  @inlinable public func isActive(_ upgrade: Upgrade, at height: Int) -> Bool {
    guard let activation = self[upgrade] else { return false }
    return height >= activation
  }
}
