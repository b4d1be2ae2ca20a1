/// FluxNode lifecycle timers per era: confirm deadlines, DoS list, confirm interval, expiry.
///
/// Mirrors fluxd `fluxnode/fluxnode.h` (~20–50), `GetFluxnodeExpirationCount` (~1716),
/// `CheckConfirmationHeights` (~537), `CheckForExpiredStartTx` (~479) and the block
/// processing order of `ConnectBlock` (flux-rules.md §4.2, §4.3 and "Verified semantics").
/// Within block h fluxd first checks the payees against the list as of block h−1, then
/// applies node transactions, then expires, then records payments; the functions here
/// encode the consequences of that order so the simulator need not re-derive them.
public struct NodeTimers: Sendable, Equatable {
  /// A START must get its INITIAL_CONFIRM within this many blocks, else it goes to the DoS list.
  public var startConfirmWindow: Int
  /// Blocks, counted from the start height, that a DoS-listed collateral must wait.
  public var dosDuration: Int
  /// An UPDATE_CONFIRM is accepted only if `h − lastConfirm >` this.
  public var minConfirmInterval: Int
  /// A confirmed node expires when `lastConfirm < h − expiry`.
  public var expiry: Int
  /// An IP-change UPDATE_CONFIRM is allowed when `h − lastConfirm ≥` this (nil: not allowed).
  public var ipChangeMinInterval: Int?

  public init(
    startConfirmWindow: Int, dosDuration: Int, minConfirmInterval: Int, expiry: Int, ipChangeMinInterval: Int?
  ) {
    self.startConfirmWindow = startConfirmWindow
    self.dosDuration = dosDuration
    self.minConfirmInterval = minConfirmInterval
    self.expiry = expiry
    self.ipChangeMinInterval = ipChangeMinInterval
  }
}

/// The timers of each era; an era starts at its upgrade's height.
public struct NodeTimerSchedule: Sendable, Equatable {

  /// Before the FLUX upgrade: 60 / 180 / 40 / 60.
  public var original: NodeTimers
  /// From the FLUX upgrade: expiry 80, IP change after 5.
  public var flux: NodeTimers
  /// From the collateral halving: confirm interval 120, expiry 160.
  public var collateralHalving: NodeTimers
  /// Under PoN: 240 / 720 / 500 / 640 (the interval went 120 → 500, not ×4).
  public var pon: NodeTimers

  public init(original: NodeTimers, flux: NodeTimers, collateralHalving: NodeTimers, pon: NodeTimers) {
    self.original = original
    self.flux = flux
    self.collateralHalving = collateralHalving
    self.pon = pon
  }
}

extension NodeTimerSchedule {
  /// The timers in force in block `height` under the upgrade heights `upgrades`.
  @inlinable public func inForce(at height: Int, upgrades: UpgradeHeights) -> NodeTimers {
    if upgrades.isActive(.pon, at: height) { return pon }
    if upgrades.isActive(.collateralHalving, at: height) { return collateralHalving }
    if upgrades.isActive(.flux, at: height) { return flux }
    return original
  }
}

extension ChainParams {
  /// The timers in force in block `height`, under the rules of the era `height` is in.
  ///
  /// Before the first activation it reads plain fields only, so it inlines whole into
  /// the simulator's per-node code (see `ChainParams.firstActivation`).
  @inlinable public func nodeTimers(at height: Int) -> NodeTimers {
    guard height >= firstActivation else { return timers.inForce(at: height, upgrades: upgrades) }
    return Self.nodeTimers(in: changes, at: height)
  }

  /// `nodeTimers(at:)` from a height under a scheduled change, out of line and given only
  /// the changes, so that no caller copies the parameters to call it; the era's two
  /// fields are read in place (reading the array element whole copied it, 1.4 KB). Never
  /// inlined: inlined into the simulator, its body made the caller copy the parameters.
  @inline(never) @usableFromInline static func nodeTimers(in changes: [ScheduledEra], at height: Int)
    -> NodeTimers
  {
    let index = changes.index(holding: height)
    return changes.withUnsafeBufferPointer { eras in
      eras[index].params.timers.inForce(at: height, upgrades: eras[index].params.upgrades)
    }
  }

  /// The block in which a node last confirmed at `lastConfirm` is removed, unless it
  /// confirms again in or before that block: the first `h > lastConfirm` with
  /// `lastConfirm < h − expiry(h)`.
  ///
  /// The node is still paid in that block (payees come from the list as of h−1) and
  /// may still UPDATE_CONFIRM in it (transactions apply before expiry). When the expiry
  /// grows at an upgrade (80 → 160 → 640) a node that has not expired before the
  /// upgrade gets the longer expiry, which is how fluxd evaluates it per block; a
  /// scheduled change of `timers.*.expiry` acts the same way from its activation.
  public func expiryHeight(lastConfirm: Int) -> Int {
    // Walk the stretches of constant timers from the one holding lastConfirm + 1 (cut at
    // the upgrades that change timers and at the activations); the first in which the
    // expiry condition becomes true holds the answer.
    var eraStart = lastConfirm + 1
    while true {
      var nextEra = Int.max
      // One at a time, not a loop over an array of the three: that array was allocated
      // and released on every call (callgrind: a third of the call's cost).
      func cut(at height: Int?) { if let height, height > eraStart { nextEra = min(nextEra, height) } }
      cut(at: upgrades.flux)
      cut(at: upgrades.collateralHalving)
      cut(at: upgrades.pon)
      if eraStart < firstActivation {
        nextEra = min(nextEra, firstActivation)
      } else if case let next = changes.index(holding: eraStart) + 1, next < changes.count {
        nextEra = min(nextEra, changes[next].activation)
      }
      let candidate = max(eraStart, lastConfirm + nodeTimers(at: eraStart).expiry + 1)
      if candidate < nextEra { return candidate }
      eraStart = nextEra
    }
  }

  /// Whether a node last confirmed at `lastConfirm` is still in the confirmed list at the
  /// end of block `height` (i.e. was not removed in any block up to `height`).
  @inlinable public func isConfirmedThrough(_ height: Int, lastConfirm: Int) -> Bool {
    height < expiryHeight(lastConfirm: lastConfirm)
  }

  /// Whether a node last confirmed at `lastConfirm` can be paid in block `height`.
  public func isPayable(lastConfirm: Int, in height: Int) -> Bool {
    height <= expiryHeight(lastConfirm: lastConfirm)
  }

  /// The blocks in which an UPDATE_CONFIRM after `lastConfirm` is accepted:
  /// `[lastConfirm + M + 1, expiryHeight]` (PoN: `[L+501, L+641]`).
  public func updateConfirmWindow(lastConfirm: Int) -> ClosedRange<Int> {
    let earliest = lastConfirm + nodeTimers(at: lastConfirm + 1).minConfirmInterval + 1
    let latest = expiryHeight(lastConfirm: lastConfirm)
    return min(earliest, latest)...latest
  }

  /// The last block in which a START mined at `startHeight` may get its INITIAL_CONFIRM;
  /// if it has none by then it goes to the DoS list in that block.
  public func initialConfirmDeadline(startHeight: Int) -> Int {
    startHeight + nodeTimers(at: startHeight).startConfirmWindow
  }

  /// The first block in which the collateral of a DoS-listed START mined at `startHeight`
  /// may START again (the entry is dropped at `S + 180`, PoN `S + 720`).
  public func dosReleaseHeight(startHeight: Int) -> Int {
    startHeight + nodeTimers(at: startHeight).dosDuration + 1
  }
}
