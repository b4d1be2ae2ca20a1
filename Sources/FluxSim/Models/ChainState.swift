import FluxCore

/// The chain as the simulation has built it: tip, time, supply, recent headers and the
/// target of the next block, plus caches of per-block rule results that stay constant
/// over long stretches (the split of a reduction year is the same for a million blocks).
struct ChainState {
  var height: Int
  /// Timestamp of the tip block.
  var time: Int64
  /// The current simulated time (the event being handled).
  var now: Int64
  /// Subsidies and fund outputs of blocks 1 … height.
  var supply: Amount
  var headers = HeaderRing()
  /// The nBits the next block must carry (its target is `UInt256(compact: nextBits)`).
  var nextBits: UInt32

  /// Consulted only when a cached value runs out (every few thousand blocks at most).
  private let book: RuleBook
  private var rewards = [BlockReward?](repeating: nil, count: 8)
  private var rewardsValid = 0..<0
  /// Heights where the subsidy or the split rule may change, ascending.
  private let changeHeights: [Int]
  private let fundHeights: [Int]
  private let lastFundHeight: Int

  init(config: JobConfig) {
    let params = config.rules.params
    book = RuleBook(params: params, mode: config.supplyMode)
    let schedule = SupplySchedule(params: params, mode: config.supplyMode)
    var changes = Set(schedule.subsidyChangeHeights)
    for height in [params.split.nodePaymentsStartHeight, params.upgrades.flux, params.upgrades.pon] {
      if let height { changes.insert(height) }
    }
    changeHeights = changes.sorted()
    fundHeights = Set(params.funds.flatMap(\.heights)).sorted()
    lastFundHeight = fundHeights.last ?? -1
    switch config.start {
    case .genesis:
      height = 0
      time = params.genesisTime
      supply = .zero
      headers.append(BlockHeaderInfo(height: 0, time: time, bits: params.difficulty.powLimit.compact()))
      nextBits = params.nextBits(forHeight: 1, history: headers)
    case .tip(let tip):
      height = tip.height
      time = tip.time
      supply = schedule.cumulativeSupply(through: tip.height)
      // The tip's history is not known: assume blocks exactly on schedule at the measured difficulty.
      let target = UInt256(approximating: Double(params.difficulty.powLimit) / tip.difficulty)
      let bits = target.compact()
      let spacing = params.targetSpacing(at: tip.height)
      for back in stride(from: min(HeaderRing.capacity, tip.height + 1) - 1, through: 0, by: -1) {
        headers.append(BlockHeaderInfo(height: tip.height - back, time: tip.time - Int64(back) * spacing, bits: bits))
      }
      nextBits = params.nextBits(forHeight: tip.height + 1, history: headers)
    }
    now = time
  }

  /// The split of block `height` when the tiers in `payees` have a payee, cached over
  /// the stretch in which subsidy and split rule are constant.
  ///
  /// Always inlined: an out-of-line call from the simulation's mutating code made the
  /// optimizer copy this whole struct first (seen in the disassembly).
  @inline(__always) mutating func reward(at height: Int, payees: TierSet) -> BlockReward {
    if rewardsValid.contains(height), let reward = rewards[Int(payees.rawValue)] { return reward }
    return computeReward(at: height, payees: payees)
  }

  private mutating func computeReward(at height: Int, payees: TierSet) -> BlockReward {
    if !rewardsValid.contains(height) {
      for index in rewards.indices { rewards[index] = nil }
      let next = changeHeights.first { $0 > height } ?? Int.max
      rewardsValid = height..<(book.inSlowStart(height) ? height + 1 : next)
    }
    let reward = book.reward(at: height, payees: payees)
    rewards[Int(payees.rawValue)] = reward
    return reward
  }

  /// Fund outputs of block `height` (inlined for the same reason as `reward`).
  @inline(__always) func funds(at height: Int) -> Amount {
    guard height <= lastFundHeight else { return .zero }
    return fundAmount(at: height)
  }

  private func fundAmount(at height: Int) -> Amount {
    fundHeights.contains(height) ? book.fundAmount(at: height) : .zero
  }
}

/// The job's parameters behind a class reference, for the rare recomputations of
/// `ChainState`'s caches. `ChainParams` is about 1.3 KB; held inline, the optimizer
/// copied it on every block just in case a cache had to be refilled.
final class RuleBook {
  let params: ChainParams
  let mode: SupplyMode

  init(params: ChainParams, mode: SupplyMode) {
    self.params = params
    self.mode = mode
  }

  @inline(never) func reward(at height: Int, payees: TierSet) -> BlockReward {
    params.reward(subsidy: params.subsidy(at: height, mode: mode), era: params.splitEra(at: height), payees: payees)
  }

  @inline(never) func fundAmount(at height: Int) -> Amount { params.fundAmount(at: height) }

  @inline(never) func inSlowStart(_ height: Int) -> Bool { height <= params.subsidy.slowStartInterval }
}
