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
  /// The calendar years (UTC) the job covered, in order: each year it ran through, then
  /// the one it ended inside (`reachedEnd` false), if any. Recorded at the year
  /// boundaries themselves, whatever the sampling.
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
  /// Fund outputs (extra coinbase outputs, flux-rules.md §2.2) paid so far: with the
  /// subsidies above, what the supply grew by since the start.
  public var funds: Amount
  public var nodes: TierValues<NodeCounts>
  /// Collateral locked by the STARTed and confirmed nodes of all tiers, each counting the
  /// amount it locked.
  public var collateralLocked: Amount
  /// Per tier, blocks since each confirmed node was last paid (or confirmed, if not paid
  /// since); nil for a tier without confirmed nodes.
  public var sincePaid: TierValues<SincePaid?>
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

/// Order statistics of the blocks since each confirmed node of a tier was last paid, by
/// GSL's quantile definition (linear between order statistics), as `Summary` has them.
public struct SincePaid: Sendable, Equatable, Codable {
  public var p50: Double
  public var p95: Double
  public var max: Int

  public init(p50: Double, p95: Double, max: Int) {
    self.p50 = p50
    self.p95 = p95
    self.max = max
  }
}

/// One calendar year (UTC) of a job: its end state, the totals up to it (paid amounts
/// since the job's start) and what the year itself saw.
///
/// The engine records it at the year's last second (23:59:59 on 31 December), after
/// every block stamped in the year, so its figures never depend on when samples fall;
/// a job that ends inside a year records that year at its end.
public struct YearEnd: Sendable, Equatable, Codable {
  public var year: Int
  /// The last block at or before the year's end (the start block when the job connected
  /// none by then), and the totals after it.
  public var height: Int
  public var time: Int64
  public var supply: Amount
  public var paid: TierValues<Amount>
  public var devFund: Amount
  public var miner: Amount
  public var funds: Amount
  /// App revenue share paid to each tier's nodes so far (zero without a revenue share).
  public var appShare: TierValues<Amount>
  /// Blocks connected in the year: `height − blocks + 1` … `height`, the first stamped
  /// at `firstTime` (nil when there are none).
  public var blocks: Int
  public var firstTime: Int64?
  /// Per tier, the sum over the year's blocks of its confirmed nodes after each block:
  /// divided by `blocks`, the mean number of nodes a payment was shared among.
  public var nodeBlocks: TierValues<Int>
  /// Per tier at the year's end: confirmed nodes, the collateral locked by STARTed and
  /// confirmed nodes, and how many nodes lock it.
  public var confirmed: TierValues<Int>
  public var locked: TierValues<Amount>
  public var lockingNodes: TierValues<Int>
  /// Seconds of the year the job covered: from its start, or the year's, to the year's
  /// end, or the job's.
  public var seconds: Int64
  /// Whether the job ran to the year's end (false for the year it ended inside).
  public var reachedEnd: Bool
  /// The FLUX/USD price averaged over the covered seconds (jobs with economics).
  public var meanFluxUSD: Double?
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
