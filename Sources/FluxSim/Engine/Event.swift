import FluxCore

/// What can happen at a moment of simulated time (the `events` queue, keyed by seconds).
/// (The next block is not an event: it has its own slot, `Simulation.nextBlockTime`.)
enum Event {
  /// A node's online/offline state flips (ignored if `generation` is stale).
  case uptime(node: Int32, generation: UInt32)
  /// A new node of the tier appears (churn).
  case join(Tier)
  /// A node of the tier leaves and spends its collateral (churn).
  case exit(Tier)
  /// The app market's daily tick: the day's arrivals, the ROI response.
  case marketDay
  /// An app registers.
  case appArrival
  /// A deferral of the app has passed: larger tiers may take it now.
  case appRetry(app: Int32, generation: UInt32)
  /// A node joins, or leaves, in response to profitability (`ROIChurnModel`).
  case roiJoin(Tier)
  case roiExit(Tier)
  /// The last second of a calendar year (UTC): the year's figures are recorded.
  case yearEnd

  /// Whether the event leaves every payee list, every confirmed count and the fleet's
  /// ledger as they are, and reads nothing that paying blocks changes, so that batched
  /// blocks connected before it may be paid after it, in one pass with those that follow
  /// (`Simulation.unpaid`).
  /// An uptime flip changes the producers only (`Fleet+Uptime`). A join adds a node that
  /// is not confirmed yet; a slot it reuses is that of an exited node, which left its list
  /// at its spend (an action: the stretch is paid before it) or was in none, so the income
  /// moved to `formerIncomes` is final. An exit takes a confirmed node offline, which
  /// leaves it in its list until its spend in the next block, or retires a node in no list
  /// (`Fleet+Churn`). ROI joins and exits are the same operations. An app's arrival and
  /// a retry after its deferral register, charge and place it: the app market's own
  /// registry, host index and revenue ledger, which payments never touch, read against
  /// the producers and the height, which payments never change. (`PaymentNeutralEventsTests`
  /// carries each out on a copy of a simulation mid-run.) The year's end records the
  /// totals and the market's day the tiers' incomes the operators respond to, so the
  /// blocks before them are paid first.
  var leavesPaymentsAlone: Bool {
    switch self {
    case .uptime, .join, .exit, .roiJoin, .roiExit, .appArrival, .appRetry: true
    case .marketDay, .yearEnd: false
    }
  }
}

/// What is due in a given block (the `actions` queue, keyed by height and phase), in
/// the order fluxd's `ConnectBlock` applies it (flux-rules.md §4.3).
enum HeightAction {
  /// A START transaction of the node's current collateral.
  case start(node: Int32, generation: UInt32)
  /// The INITIAL_CONFIRM of the START of `generation`.
  case confirm(node: Int32, generation: UInt32)
  /// Remove the node if it is still offline in outage `outage` (its confirm lapsed).
  case expireIfOffline(node: Int32, outage: UInt32)
  /// The node's collateral is spent (it left the network).
  case spend(node: Int32)
  /// The node moves to the reduced collateral (a new outpoint, so a new START).
  case migrateCollateral(node: Int32, generation: UInt32)
  /// Its tier's transition window ends: a node still on the old amount is force-expired.
  case collateralCheck(node: Int32, generation: UInt32)
  /// A START not confirmed within the window goes to the DoS list.
  case dosCheck(node: Int32, generation: UInt32)
  /// The DoS entry is dropped; the collateral may START again.
  case dosRelease(node: Int32, generation: UInt32)
}

/// The end of an app's paid period (the `appPeriodEnds` queue, keyed by height): kept
/// apart from the node actions, so that thousands of running apps do not deepen the
/// heap that every node action goes through.
struct AppPeriodEnd {
  var app: Int32
  var generation: UInt32
}

/// The three phases of a block, in fluxd's order: node transactions, then removals
/// (expiry, spent collateral), then — after payments — the DoS list.
enum BlockPhase: Int64 {
  case transactions = 0
  case removals = 1
  case dos = 2

  /// The `actions` key of `height` in this phase.
  @inline(__always) func key(_ height: Int) -> Int64 { Int64(height) * 4 + rawValue }

  /// The height of an `actions` key.
  @inline(__always) static func height(ofKey key: Int64) -> Int { Int(key >> 2) }
}
