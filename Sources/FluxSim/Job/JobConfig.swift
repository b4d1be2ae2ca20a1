import FluxCore

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Everything one simulation job needs: the rules, where it starts, how long it runs, the
/// models' parameters and its seed. A value; the scenario layer builds one per job.
///
/// Durations are seconds of simulated time; rates are per node per 30.4375-day month
/// (a Gregorian year / 12).
public struct JobConfig: Sendable {
  public var rules: RuleSet
  public var supplyMode: SupplyMode
  public var start: StartState
  public var horizon: Horizon
  public var fleet: FleetConfig
  public var mining: MiningConfig
  public var proofOfNode: ProofOfNodeConfig
  public var sampling: Sampling
  /// FluxOS app demand; nil: no apps.
  public var apps: AppMarketConfig?
  /// FLUX price, node costs and ROI-driven churn; nil: no USD figures.
  public var economics: EconomicsConfig?
  /// Supply levels whose first crossing is recorded as a milestone.
  public var supplyMilestones: [Amount]
  /// The job's seed: the only source of its randomness.
  public var seed: UInt64
  /// How blocks are advanced: in batches between the things that change what a block
  /// does (the default), or one at a time by the event loop, as before batching existed
  /// (for checking). The two draw differently, so the same seed gives different runs
  /// from the same distribution: the mode is part of a run's identity.
  public var blockByBlock: Bool

  /// The standard forecast: mainnet rules from the measured 2026-09-03 tip, 20 years,
  /// with uptime and churn on.
  public init(
    rules: RuleSet = RuleSet(.mainnet), supplyMode: SupplyMode = .observed, start: StartState = .tip(.measured2026),
    horizon: Horizon = .seconds(20 * Self.secondsPerYear), fleet: FleetConfig = FleetConfig(),
    mining: MiningConfig = MiningConfig(), proofOfNode: ProofOfNodeConfig = ProofOfNodeConfig(),
    sampling: Sampling = .seconds(86_400), apps: AppMarketConfig? = nil, economics: EconomicsConfig? = nil,
    supplyMilestones: [Amount] = [], seed: UInt64 = 20_261_127, blockByBlock: Bool = false
  ) {
    self.rules = rules
    self.supplyMode = supplyMode
    self.start = start
    self.horizon = horizon
    self.fleet = fleet
    self.mining = mining
    self.proofOfNode = proofOfNode
    self.sampling = sampling
    self.apps = apps
    self.economics = economics
    self.supplyMilestones = supplyMilestones
    self.seed = seed
    self.blockByBlock = blockByBlock
  }

  /// The most nodes a job creates (initial ones and every join): node identifiers are
  /// 32-bit and memory grows with every node ever created (`Simulation.addNode`).
  public static let maxNodes = 5_000_000
  /// 9999-12-31T23:59:59Z, the last time a date prints as: a job never runs past it.
  public static let lastTime: Int64 = 253_402_300_799

  /// A Gregorian year in seconds (365.2425 days).
  public static let secondsPerYear: Int64 = 31_556_952
  /// A twelfth of a Gregorian year in seconds.
  public static let secondsPerMonth: Double = 31_556_952 / 12
}

/// Where a job begins.
public enum StartState: Sendable, Equatable {
  /// Block 0 at the network's genesis time, empty supply, the full upgrade timeline ahead.
  case genesis
  /// A measured chain tip; the fleet's initial nodes are all confirmed there.
  case tip(TipState)
}

/// A measured chain state to start from.
public struct TipState: Sendable, Equatable {
  public var height: Int
  /// Unix seconds of the tip block.
  public var time: Int64
  /// The PoN difficulty reported by the node's RPC, D = powLimit / target.
  public var difficulty: Double

  public init(height: Int, time: Int64, difficulty: Double) {
    self.height = height
    self.time = time
    self.difficulty = difficulty
  }

  /// Height 2,917,115 retrieved 2026-09-03T01:32:00Z, difficulty ≈ 0.07 (flux-rules.md §5.2, §9).
  public static let measured2026 = TipState(height: 2_917_115, time: 1_788_399_120, difficulty: 0.07)
}

/// When a job stops: after a block height, or after an amount of simulated time.
public enum Horizon: Sendable, Equatable {
  case height(Int)
  case seconds(Int64)

  /// The last height, for a height horizon.
  public var height: Int? {
    if case .height(let height) = self { return height }
    return nil
  }

  /// The span in seconds, for a time horizon.
  public var seconds: Int64? {
    if case .seconds(let seconds) = self { return seconds }
    return nil
  }
}

/// How often the time series is sampled.
public enum Sampling: Sendable, Equatable {
  /// Every N blocks.
  case blocks(Int)
  /// At the first block at or after each multiple of N seconds since the start.
  case seconds(Int64)
}

/// The FluxNodes: initial counts, uptime, churn and lifecycle delays.
public struct FleetConfig: Sendable, Equatable {
  /// Nodes per tier at the start (the measured 2026-09-03 counts by default).
  public var initialNodes: TierValues<Int>
  /// Alternating online/offline periods; nil means always online.
  public var uptime: UptimeModel?
  /// Joins and exits.
  public var churn: ChurnModel
  /// Blocks from a node being ready (online, collateral mature) to its START being mined.
  public var startDelayBlocks: Int
  /// Blocks from START to INITIAL_CONFIRM; a draw beyond the era's confirm window sends
  /// the node to the DoS list.
  public var confirmDelayBlocks: Distribution
  /// Share of nodes holding the old collateral that move to the new one inside their
  /// tier's transition window (the rest are force-expired at its end and restart).
  public var collateralMigrationShare: Double

  public init(
    initialNodes: TierValues<Int> = TierValues(cumulus: 3_247, nimbus: 1_615, stratus: 1_627),
    uptime: UptimeModel? = .typical, churn: ChurnModel = .typical, startDelayBlocks: Int = 1,
    confirmDelayBlocks: Distribution = .exponential(mean: 3), collateralMigrationShare: Double = 0.9
  ) {
    self.initialNodes = initialNodes
    self.uptime = uptime
    self.churn = churn
    self.startDelayBlocks = startDelayBlocks
    self.confirmDelayBlocks = confirmDelayBlocks
    self.collateralMigrationShare = collateralMigrationShare
  }
}

/// An alternating renewal process: online for a draw of `online`, offline for a draw of
/// `offline`, repeat (seconds).
public struct UptimeModel: Sendable, Equatable {
  public var online: Distribution
  public var offline: Distribution

  public init(online: Distribution, offline: Distribution) {
    self.online = online
    self.offline = offline
  }

  /// Online for Weibull(0.8, 40 days) stretches (mean 45 days), offline for lognormal
  /// outages with a 4 h median and a long tail (mean 12.3 h): about 98.9 % availability,
  /// above the ~97 % the docs ask of operators (flux-rules.md §6.2). About 42 % of
  /// outages outlast the 640-block (5.3 h) PoN expiry, so a node restarts at the back of
  /// its queue every few months. An assumption to vary, not a measurement.
  public static let typical = UptimeModel(
    online: .weibull(shape: 0.8, scale: 40 * 86_400), offline: .lognormal(mu: log(4 * 3_600), sigma: 1.5))

  /// The long-run share of time online, E[online] / (E[online] + E[offline]).
  public var availability: Double { online.mean / (online.mean + offline.mean) }
}

/// Joins and exits per tier, as fractions of the tier's current size per month.
public struct ChurnModel: Sendable, Equatable {
  public var exitsPerMonth: TierValues<Double>
  public var joinsPerMonth: TierValues<Double>

  public init(exitsPerMonth: TierValues<Double>, joinsPerMonth: TierValues<Double>) {
    self.exitsPerMonth = exitsPerMonth
    self.joinsPerMonth = joinsPerMonth
  }

  /// No joins, no exits.
  public static let none = ChurnModel(
    exitsPerMonth: TierValues(cumulus: 0, nimbus: 0, stratus: 0),
    joinsPerMonth: TierValues(cumulus: 0, nimbus: 0, stratus: 0))
  /// 3 % of each tier leave and as many join each month.
  public static let typical = ChurnModel(
    exitsPerMonth: TierValues(cumulus: 0.03, nimbus: 0.03, stratus: 0.03),
    joinsPerMonth: TierValues(cumulus: 0.03, nimbus: 0.03, stratus: 0.03))
}

/// PoW mining: pools sharing a network hashrate that follows a path.
public struct MiningConfig: Sendable, Equatable {
  public var pools: [Pool]
  /// Network hashrate in solutions per second over time since the job's start.
  public var hashrate: TimePath

  public init(pools: [Pool] = [Pool(name: "pool", share: 1)], hashrate: TimePath = .constant(1_000_000)) {
    self.pools = pools
    self.hashrate = hashrate
  }
}

/// A mining pool and its share of the network hashrate.
public struct Pool: Sendable, Equatable {
  public var name: String
  public var share: Double

  public init(name: String, share: Double) {
    self.name = name
    self.share = share
  }
}

/// Proof-of-Node block timing (flux-rules.md §1 "Block time facts", §5.2; the calibration
/// and its evidence: Sources/FluxSim/README.md, "Block timing calibration").
public struct ProofOfNodeConfig: Sendable, Equatable {
  /// Seconds into its 30 s slot at which the first eligible node's block is stamped,
  /// clamped to 1 … spacing − 1. The reference minter (fluxd `src/pon/pon-minter.cpp`
  /// `PONMinter`) stamps rank r at about 4r s (rank 2 when rank 1 does not mint, and so
  /// on); the default spreads the stamp uniformly over
  /// 1.5 … 6.5 s (whole seconds 2 … 6: mean 4 s, sd 1.4 s). The spread is what brings the
  /// PoN difficulty back after an outage (perfectly regular stamps would leave the target
  /// almost still), so it is a parameter to vary, not a measurement.
  public var mintDelay: Distribution
  /// Network-wide outages, in which no block is made; nil: none.
  public var outages: NetworkOutages?

  public init(mintDelay: Distribution = .uniform(low: 1.5, high: 6.5), outages: NetworkOutages? = .calibrated) {
    self.mintDelay = mintDelay
    self.outages = outages
  }
}

/// Stretches of time in which the whole network makes no PoN block (a daemon fault, a
/// coordinated restart, a partition): the slots that start inside one are lost, and the
/// PoN difficulty rule sees the gap as fluxd's would (flux-rules.md §5.2, fluxd
/// `src/pon/pon.cpp` `GetNextPONWorkRequired`: the window's span clamped to 1,087 s eases
/// the target at most 1.25-fold a block, up to the PoN limit).
///
/// Outages start as a Poisson process in the time between them (a mean of `every` from
/// the end of one to the start of the next) and last a draw of `duration`. Slots start
/// every 30 s whatever happens, so an outage of length L loses L / 30 slots on average and
/// the chain takes `extraSecondsPerBlock` longer per block than without outages.
public struct NetworkOutages: Sendable, Equatable {
  /// Mean seconds from the end of one outage to the start of the next.
  public var every: Double
  /// How long an outage lasts, seconds.
  public var duration: Distribution

  public init(every: Double, duration: Distribution) {
    self.every = every
    self.duration = duration
  }

  /// What outages add to the mean block interval, seconds: each block takes `spacing`
  /// seconds of time between outages, so there are `spacing / every` outages per block,
  /// each losing its duration's mean.
  public func extraSecondsPerBlock(spacing: Double) -> Double { spacing * duration.mean / every }

  /// Calibrated to the measured chain (Sources/FluxSim/README.md, "Block timing
  /// calibration"): from checkpoint block 2,029,000 (1761701944) to height 2,917,115 at
  /// 2026-09-03T01:32:00Z the chain took 30.0605 s a block, 0.06 s more than the slot
  /// model alone gives (its empty slots add under 0.001 s). Every 6 months (half a
  /// Gregorian year), lasting 8.8 h on average (exponential): 30 × 31,680 / 15,778,476 =
  /// 0.0602 s a block. The data fix only the product of how often and how long; rare and
  /// long rather than frequent and short because after each outage the difficulty falls
  /// to the PoN limit and takes about 7 months to climb back, and the chain's measured
  /// difficulty (0.07, at its usual level) says it had none in the months before the tip.
  public static let calibrated = NetworkOutages(
    every: Double(JobConfig.secondsPerYear) / 2, duration: .exponential(mean: 8.8 * 3_600))
}
