import FluxCore

/// What a step of the fleet's models asks of the other models, returned by the fleet
/// rather than done by it, so that the fleet reaches into no other model:
/// `Simulation.react(to:)` hands it to the app market and to block production.
///
/// The job's outputs depend on the order of its draws, and the simulation reacts at the
/// point in a step where those models always acted: the fleet draws only from its own
/// stream state up to there, and a step whose own next draw must follow the reaction (an
/// uptime flip, a churn exit) is two calls (`Fleet.flipUptime` then `Fleet.scheduleUptime`).
enum FleetChange {
  case none
  /// `node` became a producer (confirmed in block `height`, or back online while
  /// confirmed, `height` then the tip): it polls for apps, and a stalled chain resumes.
  case enteredService(node: Int, height: Int)
  /// `node` left the payee list (expired, DoS-listed, exited): its app instances stop
  /// and are placed elsewhere.
  case leftService(node: Int)
  /// A node of `tier` was created in slot `node`: the market's per-node state starts afresh.
  case added(node: Int, tier: Tier)
}
