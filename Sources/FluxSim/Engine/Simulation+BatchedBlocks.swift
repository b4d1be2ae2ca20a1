import FluxCore

/// Blocks advanced in batches between the things that change what a block does.
///
/// A batch runs from the next block to the next event (uptime flips, churn, market days,
/// a year's end), the job's end or the next scheduled rule change, in stretches: within a
/// stretch no node joins or leaves a payee list or the producers and every block has the
/// same reward, so each PoN block needs only
/// - its producer's tier, the one thing `proofOfNode.produced` keeps of it: the producer
///   is uniform among the online confirmed nodes, so its tier is tier t with probability
///   (confirmed − offline confirmed)_t / producers: one integer draw compared with the
///   per-tier counts (`RandomStream.integerWithoutDivision`), never a read of the node
///   tables;
/// - its time: the slot gap as before (`scheduleNextPoNBlock`, outages included, exact)
///   and the mint delay from its exact discrete law (`MintDelayTable`), mostly from the
///   slot's own uniform (`SlotFill.reusableShare`);
/// - its nBits, by the PoN rule on the last 30 times, exactly as block by block;
/// - supply and funds, and the metrics' checkpoint, at every height (samples, milestones
///   and years at their exact heights and times); the metrics' totals, which only sums
///   read, are added a stretch at a time when it is paid.
/// A stretch's payments are made when it ends, in one pass per tier (`Fleet.payInTurn`):
/// each tier pays its next K live entries in order, leaving the ledger and lists as
/// block-by-block payment does. A stretch ends with a block with node actions that may
/// change a payee list or the producers (confirms, expiries, exits, the DoS list), whose
/// payments are made before its actions (`connectActions`, which says why that is the
/// same); STARTs, DoS releases and app period ends run within it (`runQuietActions`),
/// and lapsed actions are dropped (`Fleet.isLapsed`). It also ends before a block with
/// another reward, which is connected block by block (`produceBlock`), and at a sample,
/// which then reads the lists and ledger of its height. A batch that ends at an event
/// leaves its stretch's blocks unpaid (`unpaid`); when that event is an uptime flip, a
/// join or an exit (`Event.leavesPaymentsAlone`; `advance` pays them before any other),
/// which change no payee list and no confirmed count, the next batch's stretch takes
/// them on, so a stretch spans such events. PoW blocks and a stalled chain are left to
/// the event loop's block-by-block path.
extension Simulation {
  /// Connects the PoN blocks due up to `endHeight`, at times up to `endTime` and not after
  /// the next event (at equal times the block comes first, as in `advance`), and before
  /// the next scheduled switch; returns false, having done nothing, when the next block
  /// is not one it may take.
  ///
  /// A block with actions or an app period end does not end the batch: quiet ones run in
  /// the stretch (`runQuietActions`); any other closes it (`connectActions`) and a new
  /// one starts after it from the fleet as the actions left it. A block with a new reward is connected block by block
  /// (`produceBlock`) after the stretch's payments, and a new stretch starts after it.
  mutating func connectBatch(toHeight endHeight: Int, orTime endTime: Int64) -> Bool {
    let first = chain.height + 1
    let last = min(endHeight, hot.nextSwitch == .max ? .max : hot.nextSwitch - 1)
    guard first >= hot.ponStart, first >= hot.nodePaymentsStart, first <= last, !proofOfNode.stalled,
      proofOfNode.tipSlotStart != nil, fleet.producers.count > 0, isDue(nextBlockTime, by: endTime)
    else { return false }
    var stretch = openStretch(at: first)
    // Blocks left unpaid before the events since join this stretch when they share its
    // reward (its lists and counts are theirs: only events that leave them came between).
    if let blocks = unpaid, blocks.reward == stretch.reward, blocks.confirmed == stretch.confirmed {
      stretch.first = blocks.first
      unpaid = nil
    } else {
      payUnpaid()
    }
    // Blocks per tier, added to `proofOfNode.produced` once at the end: no uniqueness
    // check of that array per block (nothing reads it before the job ends). Three
    // scalars: a vector indexed by the tier went through the stack every block.
    var (cumulus, nimbus, stratus) = (0, 0, 0)
    // Read once a batch (`nextPoNBits(by:)` says why); no block of the batch changes it.
    let ponRule = hot.ponDifficulty
    repeat {
      chain.now = nextBlockTime!
      nextBlockTime = nil
      let height = chain.height + 1
      var withActions = false
      if height >= stretch.watchHeight {
        if chain.reward(at: height, payees: stretch.present) != stretch.reward {
          pay(&stretch)
          produceBlock()
          reopen(&stretch, at: height + 1)
          continue
        }
        withActions = hasActions(at: height)
        if !withActions { stretch.watchHeight = watchHeight() }
      }
      // The producer is drawn before the block's actions, from the producers they leave
      // after the block before (as `produceBlock` draws it).
      // Counted without a branch: the tier is random, so a branch on it was mispredicted
      // on about every other block (the compiler kept branches for `? 1 : 0`). A count
      // below a bound is 1, else 0: the sign bit of their difference (counts of nodes,
      // which cannot overflow).
      let drawn = stream.integerWithoutDivision(below: stretch.producers)
      let isCumulus = Int(bitPattern: UInt(bitPattern: drawn &- stretch.cumulusBelow) &>> 63)
      let belowStratus = Int(bitPattern: UInt(bitPattern: drawn &- stretch.nimbusBelow) &>> 63)
      cumulus &+= isCumulus
      nimbus &+= belowStratus &- isCumulus
      stratus &+= 1 &- belowStratus
      // The block's subsidy, of the stretch it closes when it has actions.
      let subsidy = stretch.reward.subsidy
      if withActions {
        if runQuietActions(at: height) {
          connectActions(at: height, closing: &stretch)
        } else {
          stretch.watchHeight = watchHeight()
        }
      }
      let funds = chain.funds(at: height)
      chain.supply += subsidy + funds
      chain.height = height
      chain.time = chain.now
      chain.headers.append(BlockHeaderInfo(height: height, time: chain.now, bits: chain.nextBits))
      if funds.satoshi != 0 { metrics.add(funds: funds) }
      // The totals of the stretch's blocks are added when it is paid (`pay`).
      if metrics.checkpoint(height: height, time: chain.now, supply: chain.supply) {
        // The sample reads the totals, the lists and the ledger of this height.
        pay(&stretch)
        stretch.first = height + 1
        sample()
        stretch.watchHeight = watchHeight()
      }
      chain.nextBits = nextPoNBits(by: ponRule)
      scheduleNextPoNBlock()
    } while chain.height < last && isDue(nextBlockTime, by: endTime)
    if stretch.first <= chain.height {
      unpaid = UnpaidBlocks(first: stretch.first, reward: stretch.reward, confirmed: stretch.confirmed)
    }
    proofOfNode.produced[0] += cumulus
    proofOfNode.produced[1] += nimbus
    proofOfNode.produced[2] += stratus
    return true
  }

  /// What the blocks of a stretch share: no node joins or leaves a list or the producers
  /// within it, and the reward stays the same.
  ///
  /// 136 bytes: the functions that read it take it `inout` and `reopen` rewrites it in
  /// place, because passed or returned by value each stretch copied it through `memcpy`
  /// two or three times, and the heavy-churn model's stretches are one or two blocks long.
  struct Stretch {
    /// The first block whose payments are not made yet.
    var first: Int
    /// Online confirmed nodes, and those of cumulus, and of cumulus and nimbus.
    var producers: Int
    var cumulusBelow: Int
    var nimbusBelow: Int
    /// The tiers with a payee, and the reward of a block with those.
    var present: TierSet
    var reward: BlockReward
    var confirmed: SIMD4<Int64>
    /// Below this height no block has actions or app period ends, and the reward holds
    /// (`watchHeight()`): one comparison a block instead of the checks themselves.
    var watchHeight: Int
  }

  /// Blocks a batch connected and did not pay: from `first` to the tip, each with
  /// `reward`, while the tiers held `confirmed` nodes. Only events that change no payee
  /// list may come after them (`Event.leavesPaymentsAlone`; `advance` pays them before
  /// any other), so they are paid from the lists as they are.
  struct UnpaidBlocks {
    var first: Int
    var reward: BlockReward
    var confirmed: SIMD4<Int64>
  }

  /// Pays the blocks connected and not paid yet (`unpaid`), one pass per tier.
  mutating func payUnpaid() {
    guard let blocks = unpaid else { return }
    unpaid = nil
    var stretch = Stretch(
      first: blocks.first, producers: 0, cumulusBelow: 0, nimbusBelow: 0, present: [], reward: blocks.reward,
      confirmed: blocks.confirmed, watchHeight: .max)
    pay(&stretch)
  }

  /// The stretch starting at block `height`, from the fleet as it is. A tier's payee list
  /// holds exactly its confirmed nodes, and its producers are those not offline
  /// (`invariantViolations`, `producerTierViolations`): counts, not the lists, say both.
  private mutating func openStretch(at height: Int) -> Stretch {
    let none = BlockReward(
      subsidy: .zero, tiers: TierValues(cumulus: .zero, nimbus: .zero, stratus: .zero), miner: .zero, devFund: .zero)
    var stretch = Stretch(
      first: height, producers: 0, cumulusBelow: 0, nimbusBelow: 0, present: [], reward: none, confirmed: .zero,
      watchHeight: height)
    reopen(&stretch, at: height)
    return stretch
  }

  /// Makes `stretch` the one starting at block `height`, field by field (see `Stretch`).
  private mutating func reopen(_ stretch: inout Stretch, at height: Int) {
    let confirmed = fleet.confirmedByTier
    let cumulus = Int(confirmed[0]) - fleet.offlineConfirmed[0]
    let nimbus = Int(confirmed[1]) - fleet.offlineConfirmed[1]
    // Bits, not a loop over `Tier.allCases` (an array built per call, measured).
    let present = TierSet(
      rawValue: (confirmed[0] > 0 ? 1 : 0) | (confirmed[1] > 0 ? 2 : 0) | (confirmed[2] > 0 ? 4 : 0))
    stretch.first = height
    stretch.producers = fleet.producers.count
    stretch.cumulusBelow = cumulus
    stretch.nimbusBelow = cumulus + nimbus
    stretch.present = present
    stretch.reward = chain.reward(at: height, payees: present)
    stretch.confirmed = confirmed
    stretch.watchHeight = watchHeight()
  }

  /// The first height above the tip that may have node actions or app period ends (the
  /// queues change only in blocks connected one by one and at events, both of which
  /// end a stretch, so it is read once a stretch), or another reward: the cached
  /// reward's stretch ends (`ChainState.rewardCachedBelow`, read after the reward of a
  /// height above the tip). Below it `hasActions` is false and the reward the same.
  ///
  /// Lapsed actions are dropped from the front of the actions first (`Fleet.isLapsed`):
  /// most outages end before their expiry (`UptimeModel.typical`) and most STARTs confirm
  /// before their DoS check, and each such action would close a stretch for a block
  /// whose actions do nothing.
  private mutating func watchHeight() -> Int {
    while let action = actions.peekItem, fleet.isLapsed(action) { _ = actions.pop() }
    var watch = chain.rewardCachedBelow
    if let key = actions.peekKey { watch = min(watch, BlockPhase.height(ofKey: key)) }
    if let key = appPeriodEnds.peekKey { watch = min(watch, Int(clamping: key)) }
    return watch
  }

  /// Whether a block at `time` comes before `endTime` and every event (an action block
  /// may schedule events, so the queue is read each time).
  @inline(__always) private func isDue(_ time: Int64?, by endTime: Int64) -> Bool {
    guard let time else { return false }
    return time <= endTime && time <= events.peekKey ?? .max
  }

  /// Whether block `height` has node actions or app period ends due.
  private func hasActions(at height: Int) -> Bool {
    if let key = actions.peekKey, BlockPhase.height(ofKey: key) <= height { return true }
    if let key = appPeriodEnds.peekKey, key <= Int64(height) { return true }
    return false
  }

  /// Runs the actions of block `height` that leave the stretch as it is, in the block's
  /// order, and drops lapsed ones (`Fleet.isLapsed`, `Fleet.leavesPaymentsAlone`): its
  /// STARTs and DoS releases, and its app period ends once no node action comes before
  /// them (they touch the app market, never a payee list, a producer or the fleet's
  /// ledger). Stops at the first action that may change a list; returns whether one is
  /// left, to be run by `connectActions`, which then closes the stretch. Run where
  /// `connectActions` would run, after the block's producer is drawn: the START's
  /// confirm delay comes from the same stream, in the same order as block by block.
  private mutating func runQuietActions(at height: Int) -> Bool {
    let lastRemoval = BlockPhase.removals.key(height)
    while let key = actions.peekKey, key <= lastRemoval, let action = actions.peekItem {
      if fleet.isLapsed(action) {
        _ = actions.pop()
        continue
      }
      guard Fleet.leavesPaymentsAlone(action) else { return true }
      _ = actions.pop()
      handle(action, height: height)
    }
    endAppPeriods(height: height)
    let lastDoS = BlockPhase.dos.key(height)
    while let key = actions.peekKey, key <= lastDoS, let action = actions.peekItem {
      guard fleet.isLapsed(action) else { return true }
      _ = actions.pop()
    }
    return false
  }

  /// The node actions and app period ends of block `height`, the last of the stretch:
  /// its payments and those of the stretch's earlier blocks are made first, then the
  /// actions, and the next stretch opens after it from the fleet they leave.
  ///
  /// `connectBlock` takes the payees from the lists as of the block before, runs the
  /// removals and app period ends, then pays (a payee removed in the block is paid all the
  /// same and stays out) and then runs the DoS phase. Paying first leaves the same ledger
  /// and lists: the payees are the same fronts; a removal after the payment marks the
  /// moved entry stale, as one before it keeps the payee out; a node confirmed in the
  /// block is never a payee of it (it joins a list it was not in) and its key `(height,
  /// unpaid)` is inserted in key order before or after the paid ones alike; and no action
  /// reads the payments. The block's totals count the confirmed nodes after its actions,
  /// as `connectBlock` records them.
  private mutating func connectActions(at height: Int, closing stretch: inout Stretch) {
    metrics.add(blocks: height - stretch.first, reward: stretch.reward, confirmed: stretch.confirmed)
    payTiers(&stretch, blocks: height - stretch.first + 1)
    runActions(height: height, through: .removals)
    endAppPeriods(height: height)
    runActions(height: height, through: .dos)
    metrics.add(blocks: 1, reward: stretch.reward, confirmed: fleet.confirmedByTier)
    reopen(&stretch, at: height + 1)
  }

  /// Makes the payments of the stretch's blocks connected and not paid yet, one pass per
  /// tier, and adds those blocks to the metrics' totals.
  private mutating func pay(_ stretch: inout Stretch) {
    let blocks = chain.height - stretch.first + 1
    guard blocks > 0 else { return }
    metrics.add(blocks: blocks, reward: stretch.reward, confirmed: stretch.confirmed)
    payTiers(&stretch, blocks: blocks)
  }

  /// Pays each tier's next `blocks` live entries in turn, for the stretch's blocks from
  /// its first.
  private mutating func payTiers(_ stretch: inout Stretch, blocks: Int) {
    fleet.payInTurn(blocks: blocks, from: stretch.first, amounts: stretch.reward.tiers, confirmed: stretch.confirmed)
  }
}
