/// Every constant the Flux rules use, for one network, as an immutable value.
///
/// The values are fluxd's `src/chainparams.cpp` `CMainParams` / `CTestNetParams` /
/// `CRegTestParams` (flux-rules.md §1–§5) and FluxOS's `ZelBack/config/default.js` for
/// app pricing (§7). Each rule is a pure function of a height and these parameters
/// (see the `ChainParams+…`-style extensions in `Subsidy.swift`, `RewardSplit.swift`, …).
/// A "what if" never mutates these: `RuleSet` copies them with overrides applied.
public struct ChainParams: Sendable, Equatable {
  public var network: Network
  public var upgrades: UpgradeHeights
  /// PoW target spacing in seconds (`nPowTargetSpacing`, 120 on mainnet).
  public var powTargetSpacing: Int64
  /// PoN target spacing in seconds (`nPonTargetSpacing`, 30).
  public var ponTargetSpacing: Int64
  /// Timestamp of the genesis block (mainnet 1516980000 = 2018-01-26T15:20:00Z), where
  /// simulations from genesis start their clock.
  public var genesisTime: Int64
  /// A block whose time is known, from which dates are projected with each era's spacing.
  public var timeAnchor: TimeAnchor
  public var subsidy: SubsidyParams
  public var funds: [FundOutput]
  public var split: RewardSplitParams
  public var collateral: CollateralParams
  public var timers: NodeTimerSchedule
  public var difficulty: DifficultyParams
  public var appPricing: AppPricingParams
  /// Unix times from which each of the rotating FluxBench signing keys is valid
  /// (`GetFluxnodeBenchmarkPublicKey`, flux-rules.md §4.2): a CONFIRM must be signed by the
  /// key active at its benchmark time.
  public var benchmarkKeyActivations: [Int64]
  /// Scheduled rule changes, in order of activation: from each one's height on, its era's
  /// parameters hold (see `ScheduledEra`). Empty for the networks; only `RuleSet` fills it,
  /// and every rule function of a height reads the era that height is in.
  public var changes: [ScheduledEra] = [] {
    didSet { firstActivation = changes.first?.activation ?? .max }
  }
  /// The first block under a scheduled change (`Int.max` without changes). A plain number
  /// beside `changes`, so that the rules of a height inline into per-block code reading
  /// plain fields only: code that touched the array made the optimizer copy all of
  /// `ChainParams` first (measured with callgrind in the simulator's per-node events).
  public private(set) var firstActivation = Int.max

  /// The highest block height any rule, table or run may reach (2,147,483,647).
  ///
  /// Heights are stored in 32 bits where they are hot (the payee queue's keys, the
  /// engine's per-node ledger), and at 30 s a block this is over 2,000 years of chain,
  /// so every height read from a file or an option is checked against it.
  public static let maxHeight = Int(Int32.max)

  /// The longest target spacing a rule set may give (one day, in seconds).
  ///
  /// 720 times mainnet's PoW spacing. Bounding it keeps every product of a spacing and a
  /// block count in 64 bits (2^31 blocks × 86,400 s < 2^48); whether the clock's dates
  /// stay printable is checked on the whole rule set (`RuleSet`).
  public static let maxTargetSpacing: Int64 = 86_400

  /// The index of the benchmark key valid at Unix `time` (0 for the first key).
  public func benchmarkKeyIndex(at time: Int64) -> Int {
    max(0, (benchmarkKeyActivations.lastIndex { $0 <= time } ?? 0))
  }

  /// The target spacing of blocks at `height`: PoN's from its activation, PoW's before,
  /// each as the era of `height` sets it.
  @inlinable public func targetSpacing(at height: Int) -> Int64 {
    guard height >= firstActivation else {
      return upgrades.isActive(.pon, at: height) ? ponTargetSpacing : powTargetSpacing
    }
    return Self.targetSpacing(in: changes, at: height)
  }

  /// `targetSpacing(at:)` from a height under a scheduled change, out of line and given
  /// only the changes (see `nodeTimers(in:at:)`).
  @inline(never) @usableFromInline static func targetSpacing(in changes: [ScheduledEra], at height: Int) -> Int64 {
    changes[changes.index(holding: height)].params.targetSpacing(at: height)
  }

  /// The parameters of a network.
  public static func of(_ network: Network) -> ChainParams {
    switch network {
    case .mainnet: .mainnet
    case .testnet: .testnet
    case .regtest: .regtest
    }
  }
}

/// The networks fluxd defines.
public enum Network: String, CaseIterable, Sendable {
  case mainnet, testnet, regtest
}

/// A block height with its timestamp (Unix seconds, UTC).
public struct TimeAnchor: Sendable, Equatable {
  public var height: Int
  public var time: Int64

  public init(height: Int, time: Int64) {
    self.height = height
    self.time = time
  }
}
