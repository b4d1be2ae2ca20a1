import FluxCore

/// Everything measured while a job runs: running totals per block, the sampled series,
/// milestones, the calendar years, and at the end the payout statistics.
///
/// Per block it only adds a few integers and compares two heights; rows are built at
/// sample points (every N blocks or at the first block of each simulated period), and a
/// year at its last second (`Simulation.endYear`), whatever the sampling.
struct Metrics {
  let sampling: Sampling
  let params: ChainParams
  let supplyMode: SupplyMode
  let startTime: Int64
  let seed: UInt64
  private(set) var rows: [SampleRow] = []
  private(set) var milestones: [Milestone] = []
  private var paidCumulus: Int64 = 0
  private var paidNimbus: Int64 = 0
  private var paidStratus: Int64 = 0
  private var devFund: Int64 = 0
  private var miner: Int64 = 0
  private var funds: Int64 = 0
  /// Per tier (lanes 0 … 2), the sum over blocks of the confirmed nodes after each.
  private var nodeBlocks = SIMD4<Int64>()
  private var blocks = 0
  private(set) var yearEnds: [YearEnd] = []
  /// The calendar year being measured.
  private(set) var openYear = OpenYear(year: 0, coveredFrom: 0, blocks: 0, nodeBlocks: SIMD4(), firstTime: nil)
  private var lastSample: (height: Int, time: Int64) = (0, 0)
  /// When the next sample is due: the height (sampling by blocks) or the time (by
  /// seconds), the other `.max`, so that the per-block check is two comparisons.
  private var nextSampleHeight = Int.max
  private var nextSampleTime: Int64 = .max
  /// Rule-change heights ahead, ascending, with their labels.
  private var ruleEvents: [EmissionEvent]
  private var nextRuleEvent = 0
  /// The next height at which `didConnect` leaves its fast path: the next rule change,
  /// or the first block of the open year while it has none.
  private var watchHeight = Int.max
  private var supplyLevels: [Amount]
  private var nextSupplyLevel = 0
  /// `supplyLevels[nextSupplyLevel]`, or the largest amount once all are reached.
  private var nextSupplyLevelAmount = Amount(satoshi: .max)

  /// The year being measured: where its figures start (the totals when it opened) and
  /// its first block's time once connected.
  struct OpenYear {
    var year: Int
    /// The first second it covers: 1 January 00:00:00, or the job's start.
    var coveredFrom: Int64
    var blocks: Int
    var nodeBlocks: SIMD4<Int64>
    var firstTime: Int64?

    /// 1 January 00:00:00 UTC of the next year.
    var end: Int64 { UTCTime.seconds(UTCTime.Components(year: year + 1, month: 1, day: 1)) }
  }

  init(config: JobConfig, schedule: SupplySchedule, startTime: Int64) {
    sampling = config.sampling
    params = config.rules.params
    supplyMode = config.supplyMode
    self.startTime = startTime
    seed = config.seed
    let startHeight: Int
    if case .tip(let tip) = config.start { startHeight = tip.height } else { startHeight = 0 }
    var byHeight: [Int: [String]] = [:]
    for event in schedule.ruleChangeEvents(through: Int.max) where event.height > startHeight {
      byHeight[event.height, default: []].append(event.label)
    }
    ruleEvents = byHeight.keys.sorted().map { EmissionEvent(height: $0, label: byHeight[$0]!.joined(separator: "; ")) }
    supplyLevels = config.supplyMilestones.sorted()
    nextSupplyLevelAmount = supplyLevels.first ?? Amount(satoshi: .max)
    if case .blocks(let every) = sampling { nextSampleHeight = Self.height(every, after: 0) }
  }

  /// Called after each block is connected, with its fund outputs and the confirmed nodes
  /// per tier after it; returns whether a sample is due. Takes plain values so the
  /// per-block call copies nothing large.
  mutating func didConnect(
    height: Int, time: Int64, supply: Amount, reward: BlockReward, funds blockFunds: Amount,
    confirmed: SIMD4<Int64>
  ) -> Bool {
    add(blocks: 1, reward: reward, confirmed: confirmed)
    add(funds: blockFunds)
    return checkpoint(height: height, time: time, supply: supply)
  }

  /// Adds `count` blocks that share `reward` and the confirmed nodes after each to the
  /// totals: the batched mode adds a stretch's blocks at once, before anything reads them
  /// (wrapping sums, so the same totals as adding block by block).
  @inline(__always) mutating func add(blocks count: Int, reward: BlockReward, confirmed: SIMD4<Int64>) {
    let times = Int64(count)
    paidCumulus &+= reward.tiers.cumulus.satoshi &* times
    paidNimbus &+= reward.tiers.nimbus.satoshi &* times
    paidStratus &+= reward.tiers.stratus.satoshi &* times
    devFund &+= reward.devFund.satoshi &* times
    miner &+= reward.miner.satoshi &* times
    nodeBlocks &+= confirmed &* SIMD4(repeating: times)
    blocks += count
  }

  /// Adds a block's fund outputs to the totals.
  @inline(__always) mutating func add(funds blockFunds: Amount) { funds &+= blockFunds.satoshi }

  /// What block `height` records apart from the totals: milestones at their exact
  /// heights, and whether a sample is due after it. Reads none of the totals, so the
  /// batched mode calls it on every block and adds the totals later (`add(blocks:…)`).
  @inline(__always) mutating func checkpoint(height: Int, time: Int64, supply: Amount) -> Bool {
    if height >= watchHeight || supply >= nextSupplyLevelAmount {
      recordMilestones(height: height, time: time, supply: supply)
    }
    return height >= nextSampleHeight || time >= nextSampleTime
  }

  /// `every` blocks after `height`, or `Int.max` when that does not fit.
  private static func height(_ every: Int, after height: Int) -> Int {
    let (sum, overflow) = height.addingReportingOverflow(every)
    return overflow ? .max : sum
  }

  /// Opens the job's first calendar year at the start state (its blocks are the ones
  /// after the start block).
  mutating func begin(height: Int, time: Int64) {
    openYear = OpenYear(
      year: UTCTime.components(time).year, coveredFrom: time, blocks: blocks, nodeBlocks: nodeBlocks, firstTime: nil)
    watchHeight = min(nextRuleHeight, height + 1)
  }

  /// Records the open year as it stands after the tip: the last block at or before
  /// `until`, the job having covered the year's seconds up to `until` (exclusive), and
  /// opens the next year when the job reached this one's end.
  mutating func closeYear(
    chain: ChainState, fleet: Fleet, appShare: [Int64], until: Int64, reachedEnd: Bool, meanFluxUSD: Double?
  ) {
    let open = openYear
    let state = (confirmed: NodeState.confirmed.rawValue, started: NodeState.started.rawValue)
    let counts = fleet.counts
    let yearNodeBlocks = nodeBlocks &- open.nodeBlocks
    yearEnds.append(
      YearEnd(
        year: open.year, height: chain.height, time: chain.time, supply: chain.supply, paid: paid,
        devFund: Amount(satoshi: devFund), miner: Amount(satoshi: miner), funds: Amount(satoshi: funds),
        appShare: TierValues { Amount(satoshi: appShare[$0.index]) }, blocks: blocks - open.blocks,
        firstTime: open.firstTime, nodeBlocks: TierValues { Int(yearNodeBlocks[$0.index]) },
        confirmed: TierValues { counts[$0.index, state.confirmed] },
        locked: TierValues { Amount(satoshi: fleet.lockedCollateral[$0.index]) },
        lockingNodes: TierValues { counts[$0.index, state.confirmed] + counts[$0.index, state.started] },
        seconds: max(0, min(until, open.end) - open.coveredFrom), reachedEnd: reachedEnd, meanFluxUSD: meanFluxUSD))
    guard reachedEnd else { return }
    openYear = OpenYear(
      year: open.year + 1, coveredFrom: open.end, blocks: blocks, nodeBlocks: nodeBlocks, firstTime: nil)
    watchHeight = min(nextRuleHeight, chain.height + 1)
  }

  /// Whether the open year has anything to record when the job ends at the tip,
  /// having covered simulated time up to `until`: a block, or a second of it.
  func openYearCovered(until: Int64) -> Bool { blocks > openYear.blocks || until > openYear.coveredFrom }

  /// Paid amounts per tier so far.
  private var paid: TierValues<Amount> {
    TierValues(
      cumulus: Amount(satoshi: paidCumulus), nimbus: Amount(satoshi: paidNimbus), stratus: Amount(satoshi: paidStratus))
  }

  /// The height of the next rule change and the next supply level, so that the
  /// per-block check is two comparisons (`watchHeight` also stops at a year's first block).
  private var nextRuleHeight: Int { nextRuleEvent < ruleEvents.count ? ruleEvents[nextRuleEvent].height : .max }

  private mutating func recordMilestones(height: Int, time: Int64, supply: Amount) {
    if openYear.firstTime == nil { openYear.firstTime = time }
    if nextRuleEvent < ruleEvents.count, ruleEvents[nextRuleEvent].height == height {
      milestones.append(Milestone(label: ruleEvents[nextRuleEvent].label, height: height, time: time))
      nextRuleEvent += 1
    }
    watchHeight = nextRuleHeight
    while nextSupplyLevel < supplyLevels.count, supply >= supplyLevels[nextSupplyLevel] {
      milestones.append(
        Milestone(label: Milestone.supplyLabel(supplyLevels[nextSupplyLevel]), height: height, time: time))
      nextSupplyLevel += 1
    }
    nextSupplyLevelAmount =
      nextSupplyLevel < supplyLevels.count ? supplyLevels[nextSupplyLevel] : Amount(satoshi: .max)
  }

  /// What each tier's payees received so far, satoshi.
  var paidTotals: [Int64] { [paidCumulus, paidNimbus, paidStratus] }

  /// Whether the last block still needs a row at the end of the job.
  func needsFinalSample(chain: ChainState) -> Bool { rows.last?.height != chain.height || rows.count == 1 }

  /// Appends a row for the current tip, with the rotation, market and economics figures
  /// the simulation measured for it (market and economics nil when the job has none).
  mutating func sample(
    chain: ChainState, fleet: Fleet, sincePaid: TierValues<SincePaid?>, fluxUSD: Double?, apps: AppSample?,
    economics: TierValues<TierEconomics>?
  ) {
    func counts(_ tier: Tier) -> NodeCounts {
      func c(_ state: NodeState) -> Int { fleet.counts[tier.index, state.rawValue] }
      return NodeCounts(
        confirmed: c(.confirmed), offline: fleet.offlineConfirmed[tier.index], starting: c(.pending) + c(.started),
        dosListed: c(.dosListed), expired: c(.expired))
    }
    let confirmed = fleet.confirmedTotal
    let elapsedBlocks = chain.height - lastSample.height
    rows.append(
      SampleRow(
        height: chain.height, time: chain.time, supply: chain.supply,
        subsidy: params.subsidy(at: max(chain.height, 1), mode: supplyMode),
        paid: paid, devFund: Amount(satoshi: devFund), miner: Amount(satoshi: miner), funds: Amount(satoshi: funds),
        nodes: TierValues(counts),
        collateralLocked: Amount(satoshi: fleet.lockedCollateral.reduce(0, +)), sincePaid: sincePaid,
        onlineShare: confirmed == 0 ? 0 : Double(fleet.producers.count) / Double(confirmed),
        meanBlockInterval: rows.isEmpty || elapsedBlocks == 0
          ? 0 : Double(chain.time - lastSample.time) / Double(elapsedBlocks),
        difficulty: params.rpcDifficulty(target: UInt256(compact: chain.nextBits)), fluxUSD: fluxUSD, apps: apps,
        economics: economics))
    lastSample = (chain.height, chain.time)
    switch sampling {
    case .blocks(let every): nextSampleHeight = Self.height(every, after: chain.height)
    case .seconds(let period):
      let elapsed = chain.time - startTime
      nextSampleTime = startTime + (elapsed / period + 1) * period
    }
  }

  /// The job's result, with a final row for the last block if it was not sampled.
  mutating func finish(chain: ChainState, fleet: Fleet, mining: Mining, proofOfNode: ProofOfNode)
    -> JobResult
  {
    let height = chain.height
    var waits: [[Double]] = [[], [], []]
    // Every node ever confirmed: those still in a slot added to the tallies of the others.
    var incomes = fleet.formerIncomes
    for (id, node) in fleet.nodes.enumerated() {
      let tier = node.tier.index
      if node.state == .confirmed {
        let lastPaid = Int(fleet.ledger[id].lastPaid)
        waits[tier].append(Double(height - (lastPaid > 0 ? lastPaid : node.confirmedHeight)))
      }
      if node.everConfirmed { incomes[tier].add(fleet.ledger[id].income) }
    }
    let payouts = TierValues { tier in
      PayoutStats(
        blocksSincePaid: Summary(of: waits[tier.index]), incomePerNode: Summary(of: incomes[tier.index]),
        totalPaid: Amount(satoshi: [paidCumulus, paidNimbus, paidStratus][tier.index]))
    }
    return JobResult(
      seed: seed, series: rows, milestones: milestones, payouts: payouts,
      poolIncome: zip(mining.poolNames, mining.poolIncome).map { PoolIncome(name: $0, income: Amount(satoshi: $1)) },
      producedBlocks: TierValues { proofOfNode.produced[$0.index] }, blocks: blocks, yearEnds: yearEnds)
  }
}
