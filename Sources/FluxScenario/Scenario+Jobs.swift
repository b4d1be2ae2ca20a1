import FluxCore
import FluxSim

extension Scenario {
  /// The engine configuration of one job of this scenario.
  ///
  /// - Parameters:
  ///   - jobIndex: the job's index in the whole run (sweep point × replications + replication).
  ///     The job's seed is a 32-bit value derived from the scenario's seed plus the index, so
  ///     the same index always gets the same stream, whatever worker runs it, and no two
  ///     jobs of a run share a stream (GSL's mt19937 takes 32 bits of seed).
  public func jobConfig(jobIndex: Int) -> JobConfig {
    // Validated scenarios only: RuleSet cannot fail here.
    let rules = (try? self.rules.ruleSet()) ?? RuleSet(self.rules.base)
    var config = JobConfig(rules: rules, supplyMode: self.rules.supplyMode)
    switch start {
    case .genesis: config.start = .genesis
    case .tip(let tip): config.start = .tip(tip)
    }
    switch horizon {
    case .duration(let duration): config.horizon = .seconds(Int64(duration.seconds.rounded()))
    case .height(let height): config.horizon = .height(height)
    }
    config.fleet = FleetConfig(
      initialNodes: fleet.nodes,
      uptime: fleet.uptime.map { UptimeModel(online: $0.online.distribution, offline: $0.offline.distribution) },
      churn: fleet.churn.map {
        ChurnModel(exitsPerMonth: $0.exits.map(\.perMonth), joinsPerMonth: $0.joins.map(\.perMonth))
      }
        ?? .none,
      startDelayBlocks: fleet.startDelay, confirmDelayBlocks: fleet.confirmDelay.distribution,
      collateralMigrationShare: fleet.collateralMigration.fraction)
    if let mining {
      config.mining = MiningConfig(
        pools: mining.pools.map { Pool(name: $0.name, share: $0.share.fraction) }, hashrate: mining.hashrate.path)
    }
    config.proofOfNode = pon.config
    switch sample {
    case .every(let duration): config.sampling = .seconds(max(1, Int64(duration.seconds.rounded())))
    case .blocks(let blocks): config.sampling = .blocks(blocks)
    }
    config.apps = apps?.config
    config.economics = economics?.config
    config.supplyMilestones = supplyMilestones
    config.seed = Self.jobSeed(runSeed: seed, jobIndex: jobIndex)
    return config
  }

  /// The seed of job `jobIndex` of a run seeded with `runSeed` (see `jobConfig`).
  public static func jobSeed(runSeed: UInt64, jobIndex: Int) -> UInt64 {
    var state = runSeed
    return UInt64(UInt32(truncatingIfNeeded: splitMix64(&state) &+ UInt64(jobIndex)))
  }
}
