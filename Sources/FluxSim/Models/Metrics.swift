import FluxCore

/// Everything measured while a job runs: running totals per block, the sampled series,
/// milestones, and at the end the payout statistics.
///
/// Per block it only adds a few integers and compares two heights; rows are built at
/// sample points (every N blocks or at the first block of each simulated period).
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
  private var blocks = 0
  private(set) var yearEnds: [YearEnd] = []
  /// Start of the next calendar year (UTC), and the state after the previous block, so the
  /// last block of each year can be recorded when the first block of the next one arrives.
  private var nextYearStart: Int64 = .max
  private var previousBlock = YearEnd(
    year: 0, height: 0, time: 0, supply: .zero, paid: TierValues { _ in .zero }, devFund: .zero)
  private var lastSample: (height: Int, time: Int64) = (0, 0)
  private var nextSampleTime: Int64 = .max
  /// Rule-change heights ahead, ascending, with their labels.
  private var ruleEvents: [EmissionEvent]
  private var nextRuleEvent = 0
  private var supplyLevels: [Amount]
  private var nextSupplyLevel = 0

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
  }

  /// Called after each block is connected; returns whether a sample is due. Takes plain
  /// values so the per-block call copies nothing large.
  mutating func didConnect(height: Int, time: Int64, supply: Amount, reward: BlockReward) -> Bool {
    if time >= nextYearStart { recordYearEnd(at: time) }
    paidCumulus &+= reward.tiers.cumulus.satoshi
    paidNimbus &+= reward.tiers.nimbus.satoshi
    paidStratus &+= reward.tiers.stratus.satoshi
    devFund &+= reward.devFund.satoshi
    miner &+= reward.miner.satoshi
    blocks += 1
    if height >= nextRuleHeight || supply >= nextSupplyLevelAmount {
      recordMilestones(height: height, time: time, supply: supply)
    }
    previousBlock.height = height
    previousBlock.time = time
    previousBlock.supply = supply
    switch sampling {
    case .blocks(let every): return height - lastSample.height >= every
    case .seconds: return time >= nextSampleTime
    }
  }

  /// Records the block before the first one at or after `nextYearStart` as that year's last.
  private mutating func recordYearEnd(at time: Int64) {
    var end = previousBlock
    end.year = UTCTime.components(nextYearStart).year - 1
    end.paid = TierValues(
      cumulus: Amount(satoshi: paidCumulus), nimbus: Amount(satoshi: paidNimbus), stratus: Amount(satoshi: paidStratus))
    end.devFund = Amount(satoshi: devFund)
    yearEnds.append(end)
    let year = UTCTime.components(time).year + 1
    nextYearStart = UTCTime.seconds(UTCTime.Components(year: year, month: 1, day: 1))
  }

  /// Sets the year-end tracking from the start state.
  mutating func begin(height: Int, time: Int64, supply: Amount) {
    previousBlock.height = height
    previousBlock.time = time
    previousBlock.supply = supply
    nextYearStart = UTCTime.seconds(UTCTime.Components(year: UTCTime.components(time).year + 1, month: 1, day: 1))
  }

  /// The height of the next rule change and the next supply level, so that the
  /// per-block check is two comparisons.
  private var nextRuleHeight: Int { nextRuleEvent < ruleEvents.count ? ruleEvents[nextRuleEvent].height : .max }
  private var nextSupplyLevelAmount: Amount {
    nextSupplyLevel < supplyLevels.count ? supplyLevels[nextSupplyLevel] : Amount(satoshi: .max)
  }

  private mutating func recordMilestones(height: Int, time: Int64, supply: Amount) {
    if nextRuleEvent < ruleEvents.count, ruleEvents[nextRuleEvent].height == height {
      milestones.append(Milestone(label: ruleEvents[nextRuleEvent].label, height: height, time: time))
      nextRuleEvent += 1
    }
    while nextSupplyLevel < supplyLevels.count, supply >= supplyLevels[nextSupplyLevel] {
      milestones.append(
        Milestone(label: Milestone.supplyLabel(supplyLevels[nextSupplyLevel]), height: height, time: time))
      nextSupplyLevel += 1
    }
  }

  /// What each tier's payees received so far, satoshi.
  var paidTotals: [Int64] { [paidCumulus, paidNimbus, paidStratus] }

  /// Whether the last block still needs a row at the end of the job.
  func needsFinalSample(chain: ChainState) -> Bool { rows.last?.height != chain.height || rows.count == 1 }

  /// Appends a row for the current tip, with the market and economics figures the
  /// simulation measured for it (nil when the job has none).
  mutating func sample(
    chain: ChainState, fleet: Fleet, fluxUSD: Double?, apps: AppSample?, economics: TierValues<TierEconomics>?
  ) {
    func counts(_ tier: Tier) -> NodeCounts {
      let c = fleet.counts[tier.index]
      return NodeCounts(
        confirmed: c[NodeState.confirmed.rawValue], offline: fleet.offlineConfirmed[tier.index],
        starting: c[NodeState.pending.rawValue] + c[NodeState.started.rawValue],
        dosListed: c[NodeState.dosListed.rawValue], expired: c[NodeState.expired.rawValue])
    }
    let confirmed = fleet.confirmedTotal
    let elapsedBlocks = chain.height - lastSample.height
    rows.append(
      SampleRow(
        height: chain.height, time: chain.time, supply: chain.supply,
        subsidy: params.subsidy(at: max(chain.height, 1), mode: supplyMode),
        paid: TierValues(
          cumulus: Amount(satoshi: paidCumulus), nimbus: Amount(satoshi: paidNimbus),
          stratus: Amount(satoshi: paidStratus)),
        devFund: Amount(satoshi: devFund), miner: Amount(satoshi: miner),
        nodes: TierValues(counts),
        onlineShare: confirmed == 0 ? 0 : Double(fleet.producers.count) / Double(confirmed),
        meanBlockInterval: rows.isEmpty || elapsedBlocks == 0
          ? 0 : Double(chain.time - lastSample.time) / Double(elapsedBlocks),
        difficulty: params.rpcDifficulty(target: UInt256(compact: chain.nextBits)), fluxUSD: fluxUSD, apps: apps,
        economics: economics))
    lastSample = (chain.height, chain.time)
    if case .seconds(let period) = sampling {
      let elapsed = chain.time - startTime
      nextSampleTime = startTime + (elapsed / period + 1) * period
    }
  }

  /// The job's result, with a final row for the last block if it was not sampled.
  mutating func finish(chain: ChainState, fleet: Fleet, mining: MiningState, proofOfNode: ProofOfNodeState)
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
