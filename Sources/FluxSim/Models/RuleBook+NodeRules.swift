import FluxCore

/// The node rules the fleet's models read (`FleetRules.book`), each an out-of-line method
/// on the rules held in place: a FluxCore rule called on `ChainParams` read through a
/// second reference made the optimizer copy the whole value and retain its arrays
/// (about 1,000 instructions a call, measured with callgrind). `expiryHeight` answers
/// its common case inline, from a value cached at the start (`steadyExpiry`).
extension RuleBook {
  /// Blocks between two confirms of an online node in block `height`'s era: the confirm
  /// interval M plus one (it re-confirms as soon as M allows).
  @inline(never) func confirmPeriod(at height: Int) -> Int { params.nodeTimers(at: height).minConfirmInterval + 1 }

  /// Blocks after a START mined in `height` within which its INITIAL_CONFIRM must come.
  @inline(never) func startConfirmWindow(at height: Int) -> Int { params.nodeTimers(at: height).startConfirmWindow }

  /// The block whose DoS phase lists a START of `startHeight` still unconfirmed.
  @inline(never) func initialConfirmDeadline(startHeight: Int) -> Int {
    params.initialConfirmDeadline(startHeight: startHeight)
  }

  /// The block in which the DoS entry of a START of `startHeight` drops.
  @inline(never) func dosReleaseHeight(startHeight: Int) -> Int { params.dosReleaseHeight(startHeight: startHeight) }

  /// The block in which a node last confirmed at `lastConfirm` is removed unless it confirms again.
  ///
  /// Past every height at which the timers may change (`steadyExpiry`), FluxCore's walk
  /// over the eras ends in its first step with `lastConfirm + expiry + 1`: that is
  /// returned without the call, which copied the parameters (about 170 bytes) for each
  /// node going offline (2 % of the forecast, callgrind).
  @inline(__always) func expiryHeight(lastConfirm: Int) -> Int {
    if lastConfirm >= steadyExpiry.from { return lastConfirm + max(steadyExpiry.blocks, 0) + 1 }
    return params.expiryHeight(lastConfirm: lastConfirm)
  }

  /// The reduced collateral of `tier` (the 2022 change, flux-rules.md §3.1).
  @inline(never) func reducedCollateral(_ tier: Tier) -> Amount { params.collateral.v2[tier] }

  /// The blocks in which nodes of `tier` on the original collateral move to the reduced
  /// one (nil: the rules have no such window).
  @inline(never) func transitionWindow(_ tier: Tier) -> Range<Int>? { params.collateral.transitionWindows?[tier] }

  /// Whether a confirmed node of `tier` locking `amount` must expire in block `height`.
  @inline(never) func mustExpireForCollateral(tier: Tier, amount: Amount, at height: Int) -> Bool {
    params.mustExpireForCollateral(tier: tier, amount: amount, at: height)
  }
}
