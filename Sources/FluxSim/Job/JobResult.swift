import FluxCore

/// What one job produced: a sampled time series, milestones, payout statistics per
/// tier and totals. A value, so results can be gathered by job index and compared.
public struct JobResult: Sendable, Equatable, Codable {
  public var seed: UInt64
  /// One row per sample, the first at the start and the last at the final block.
  public var series: [SampleRow]
  /// Rule changes reached and supply levels crossed, in the order they happened.
  public var milestones: [Milestone]
  /// Per tier: blocks since last paid (confirmed nodes at the end) and income per node.
  public var payouts: TierValues<PayoutStats>
  /// PoW miner income per pool, in the order of the job's pools.
  public var poolIncome: [PoolIncome]
  /// PoN blocks produced by nodes of each tier.
  public var producedBlocks: TierValues<Int>
  /// Blocks connected by the job.
  public var blocks: Int
  /// The last block of each calendar year the job completed (UTC).
  public var yearEnds: [YearEnd]

  /// The last sample: the state at the end of the job.
  public var final: SampleRow { series[series.count - 1] }
}

/// The network at one sampled block. Paid amounts are totals since the job's start.
public struct SampleRow: Sendable, Equatable, Codable {
  public var height: Int
  public var time: Int64
  public var supply: Amount
  /// The subsidy of this block.
  public var subsidy: Amount
  public var paid: TierValues<Amount>
  public var devFund: Amount
  public var miner: Amount
  public var nodes: TierValues<NodeCounts>
  /// Online share of the confirmed nodes.
  public var onlineShare: Double
  /// Mean seconds between blocks since the previous sample (0 for the first row).
  public var meanBlockInterval: Double
  /// Difficulty of the next block, powLimit / target, with the base rules' powLimit (one
  /// scale across scheduled changes, the one a node's RPC reports).
  public var difficulty: Double
  /// FLUX/USD at this block (jobs with economics).
  public var fluxUSD: Double?
  /// The app market (jobs with apps).
  public var apps: AppSample?
  /// Per tier, a node's economics over the period since the previous sample (jobs with
  /// economics; absent from the first row).
  public var economics: TierValues<TierEconomics>?
}

/// The last block of a calendar year and the totals up to it (paid amounts since the job's start).
public struct YearEnd: Sendable, Equatable, Codable {
  public var year: Int
  public var height: Int
  public var time: Int64
  public var supply: Amount
  public var paid: TierValues<Amount>
  public var devFund: Amount
}

/// Nodes of one tier by lifecycle state.
public struct NodeCounts: Sendable, Equatable, Codable {
  /// In the payee list.
  public var confirmed: Int
  /// Of the confirmed, offline now (paid, not producing).
  public var offline: Int
  /// Waiting to START or STARTed and awaiting confirmation.
  public var starting: Int
  public var dosListed: Int
  /// Removed after a lapsed confirm, waiting to come back.
  public var expired: Int
}

/// A moment the job passed: a rule change by height, or a supply level.
public struct Milestone: Sendable, Equatable, Codable {
  public var label: String
  public var height: Int
  public var time: Int64
}

/// Miner income of one pool.
public struct PoolIncome: Sendable, Equatable, Codable {
  public var name: String
  public var income: Amount
}

/// Payout statistics of one tier at the end of a job.
public struct PayoutStats: Sendable, Equatable, Codable {
  /// Blocks since each confirmed node was last paid (or confirmed, if never paid).
  public var blocksSincePaid: Summary
  /// Income of each node that was confirmed at some time during the job, satoshi.
  public var incomePerNode: Summary
  /// All that the tier's payees received.
  public var totalPaid: Amount
}

/// Order statistics of a sample (GSL's quantiles of the sorted data).
public struct Summary: Sendable, Equatable, Codable {
  public var count: Int
  public var mean: Double
  public var min: Double
  public var max: Double
  public var p5: Double
  public var p25: Double
  public var p50: Double
  public var p75: Double
  public var p95: Double

  public static let empty = Summary(count: 0, mean: 0, min: 0, max: 0, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0)
}
