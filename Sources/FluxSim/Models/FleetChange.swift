import FluxCore

/// What a step of the fleet's models asks of the other models, returned by the fleet
/// rather than done by it, so that the fleet reaches into no other model:
/// `Simulation.react(to:)` hands it to the app market and to block production.
///
/// The job's outputs depend on the order of its draws, so the simulation reacts at the
/// point in a step where those models always acted. Where the fleet's own next draw
/// must follow the reaction, the step is two calls: `Fleet.flipUptime` then
/// `Fleet.scheduleUptime` (a producer back online resumes a stalled chain, which draws
/// its next block first), `Fleet.removeRandomNode` then `Fleet.scheduleExit` (the
/// leaving node's apps may schedule a retry first).
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
