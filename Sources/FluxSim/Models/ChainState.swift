import FluxCore

/// The chain as the simulation has built it: tip, time, supply, recent headers and the
/// target of the next block, plus caches of per-block rule results that stay constant
/// over long stretches (the split of a reduction year is the same for a million blocks).
///
/// The caches are cut at every height where the subsidy or the split may change, which
/// with scheduled changes includes each activation and each era's own reductions and
/// halvings (`SupplySchedule.subsidyChangeHeights` holds both), so the block that
/// activates a change is the first paid by its rules.
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
  /// The next height above the tip at which a fund pays (`Int.max`: none). Found one
  /// payment at a time: a fund may pay at a billion heights, too many to list.
  private var nextFundHeight = Int.max

  init(config: JobConfig) {
    let params = config.rules.params
    book = RuleBook(params: params, mode: config.supplyMode)
    let schedule = SupplySchedule(params: params, mode: config.supplyMode)
    // A change may alter the split alone; its activation is a subsidy change height too,
    // listed again here so that the split's cut does not rest on that.
    var changes = Set(schedule.subsidyChangeHeights + params.activationHeights)
    for height in [params.split.nodePaymentsStartHeight, params.upgrades.flux, params.upgrades.pon] {
      if let height { changes.insert(height) }
    }
    changeHeights = changes.sorted()
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
    nextFundHeight = book.nextFundHeight(after: height)
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

  /// The first height past the cached stretch of `reward(at:payees:)` (the tip's side of
  /// it: valid after a call for a height above the tip): below it, any height's reward
  /// for the same payees is the one cached, so a caller may compare heights instead.
  var rewardCachedBelow: Int { rewardsValid.upperBound }

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

  /// Fund outputs of block `height`, the block after the tip (inlined for the same
  /// reason as `reward`).
  @inline(__always) mutating func funds(at height: Int) -> Amount {
    guard height >= nextFundHeight else { return .zero }
    return fundAmount(at: height)
  }

  private mutating func fundAmount(at height: Int) -> Amount {
    nextFundHeight = book.nextFundHeight(after: height)
    return book.fundAmount(at: height)
  }

  /// The first block in which a collateral mined in block `coin` may START (for a join
  /// or a restart on a new collateral: rare, so the parameters stay behind `book`).
  func firstMatureHeight(coinHeight coin: Int) -> Int { book.firstMatureHeight(coinHeight: coin) }

  /// The collateral a new node of `tier` locks at `height` (see `RuleBook`).
  func lockedCollateral(_ tier: Tier, at height: Int) -> Amount { book.lockedCollateral(tier, at: height) }
}

/// The job's parameters behind a class reference, for the rare recomputations of
/// `ChainState`'s caches. `ChainParams` is about 1.3 KB; held inline, the optimizer
/// copied it on every block just in case a cache had to be refilled.
final class RuleBook {
  let params: ChainParams
  let mode: SupplyMode
  /// Each tier's collateral for a new node (`lockedCollateral`) as steps in height order.
  let collateralSteps: TierValues<[CollateralStep]>

  /// From block `from` on no node timer changes: every upgrade of the base rules and of
  /// the last era, and every scheduled activation, lies at or below it, and the expiry
  /// is `blocks` (`expiryHeight`).
  let steadyExpiry: (from: Int, blocks: Int)

  init(params: ChainParams, mode: SupplyMode) {
    self.params = params
    self.mode = mode
    collateralSteps = Self.collateralSteps(params)
    let last = params.changes.last?.params.upgrades ?? params.upgrades
    let cuts = [params.upgrades, last].flatMap { [$0.flux, $0.collateralHalving, $0.pon].compactMap { $0 } }
    let from = (cuts + params.changes.map(\.activation)).max() ?? 0
    steadyExpiry = (from, params.nodeTimers(at: from).expiry)
  }

  @inline(never) func reward(at height: Int, payees: TierSet) -> BlockReward {
    params.reward(subsidy: params.subsidy(at: height, mode: mode), era: params.splitEra(at: height), payees: payees)
  }

  @inline(never) func fundAmount(at height: Int) -> Amount { params.fundAmount(at: height) }

  @inline(never) func inSlowStart(_ height: Int) -> Bool { height <= params.subsidy.slowStartInterval }

  @inline(never) func firstMatureHeight(coinHeight coin: Int) -> Int { params.firstMatureHeight(coinHeight: coin) }

  /// The collateral a new node of `tier` locks at `height`: the reduced amount once it is
  /// valid, else the one valid amount (the original before the 2022 windows, from a
  /// scheduled `collateral.start_amount` that amount).
  ///
  /// Read from `collateralSteps`: asking FluxCore each time built the valid amounts (an
  /// array, and a copy of the era's `ChainParams`), about 630 instructions a join, 3.7 %
  /// of the heavy-churn model's (callgrind).
  func lockedCollateral(_ tier: Tier, at height: Int) -> Amount {
    let steps = collateralSteps[tier]
    return (steps.last { $0.from <= height } ?? steps[0]).amount
  }

  /// From height `from` on (to the next step), a new node locks `amount`.
  struct CollateralStep {
    let from: Int
    let amount: Amount
  }

  /// The steps of `lockedCollateral`: the valid amounts change only where an era starts
  /// (`collateral.start_amount`, new windows) and where a 2022 transition window of the
  /// era in force opens or closes (`ChainParams.validCollaterals`), so the amount at
  /// each of those heights holds until the next. Never empty: the first era starts at 0.
  private static func collateralSteps(_ params: ChainParams) -> TierValues<[CollateralStep]> {
    let eras = params.eras
    return TierValues { tier in
      var steps: [CollateralStep] = []
      for (index, era) in eras.enumerated() {
        let end = index + 1 < eras.count ? eras[index + 1].start : Int.max
        var starts = [era.start]
        if let window = era.params.collateral.transitionWindows?[tier] {
          starts += [window.lowerBound, window.upperBound].filter { $0 > era.start && $0 < end }
        }
        for start in starts.sorted() {
          let valid = params.validCollaterals(for: tier, at: start)
          let amount = valid.contains(params.collateral.v2[tier]) ? params.collateral.v2[tier] : valid[0]
          if steps.last?.amount != amount { steps.append(CollateralStep(from: start, amount: amount)) }
        }
      }
      return steps
    }
  }

  /// The first height above `height` at which any fund pays, or `Int.max` (`funds` lists
  /// every fund, those scheduled changes add included, each paying from its own height).
  @inline(never) func nextFundHeight(after height: Int) -> Int {
    var next = Int.max
    for fund in params.funds where fund.count > 0 {
      if height < fund.firstHeight {
        next = min(next, fund.firstHeight)
        continue
      }
      guard fund.count > 1, fund.interval > 0 else { continue }
      let payment = (height - fund.firstHeight) / fund.interval + 1
      guard payment < fund.count else { continue }
      let (offset, overflow) = payment.multipliedReportingOverflow(by: fund.interval)
      let (candidate, beyond) = fund.firstHeight.addingReportingOverflow(offset)
      if !overflow, !beyond { next = min(next, candidate) }
    }
    return next
  }
}
