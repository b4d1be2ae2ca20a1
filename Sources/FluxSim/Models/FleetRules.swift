import FluxCore

/// What the fleet's models read of the job, fixed from its start: the job's fleet
/// settings, the stream they draw from, the seed of the synthetic collateral outpoints
/// and the rules every node timer comes from (`book`, its node rules in
/// `RuleBook+NodeRules`).
///
/// The 1.3 KB `ChainParams` stays behind the `RuleBook` reference: `Fleet` is copied to
/// be handed to the app market, and per-block code keeps that value out of reach (see
/// `HotRules`). The rest is held in place: read through a class, every stream draw and
/// rule call retained and released what it read (measured with callgrind).
///
/// The stream is the job's own, shared with block production: the order of the draws is
/// part of a job's output, so each model draws where it always has (see `FleetChange`).
struct FleetRules {
  let config: FleetConfig
  let stream: RandomStream
  let seed: UInt64
  /// The first height at which a START may be mined (kamata; 0 when the rules have none).
  let firstStartHeight: Int
  /// The rules, read by out-of-line methods (`RuleBook+NodeRules`).
  let book: RuleBook

  init(config: JobConfig, stream: RandomStream) {
    self.config = config.fleet
    self.stream = stream
    self.seed = config.seed
    firstStartHeight = config.rules.params.upgrades.kamata ?? 0
    book = RuleBook(params: config.rules.params, mode: config.supplyMode)
  }
}
