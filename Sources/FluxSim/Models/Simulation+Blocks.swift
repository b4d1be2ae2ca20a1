import FluxCore

/// Connecting a block: fluxd's `ConnectBlock` order applied to the simulated fleet
/// (flux-rules.md §4.3): payees from the list as of the previous block, then node
/// transactions, then removals, then payments, then the DoS list.
///
/// A scheduled change (`ChainParams.changes`) holds from its activation block on, as every
/// fluxd upgrade does (flux-rules.md §1; fluxd `src/consensus/upgrades.cpp`
/// `NetworkUpgradeState`: "the block at height ACTIVATION_HEIGHT - 1 is subject to the
/// pre-upgrade consensus rules"): that block is the first paid, timed and targeted by the
/// new rules. Its reward comes from `ChainState`'s caches, cut at every activation; its
/// target and PoN slot from `hot`, switched when the block before it is connected; the
/// node timers of its era from its transactions on (`followSchedule`).
extension Simulation {
  /// The block due now: by the drawn producer, then the next one scheduled.
  mutating func produceBlock() {
    let height = chain.height + 1
    let isPoN = height >= hot.ponStart
    var producer: Int?
    if isPoN {
      guard let node = drawPoNProducer() else {
        proofOfNode.stalled = true
        return
      }
      producer = node
    } else {
      producer = mining.drawPool(stream)
    }
    connectBlock(height: height, time: chain.now, producer: producer, isPoN: isPoN)
    scheduleNextBlock()
  }

  /// Sets the next block's target and schedules its production by the era's model.
  mutating func scheduleNextBlock() {
    let next = chain.height + 1
    if next >= hot.ponStart {
      if proofOfNode.tipSlotStart == nil { beginProofOfNode() }
      scheduleNextPoNBlock()
    } else {
      scheduleNextPoWBlock()
    }
  }

  private mutating func connectBlock(height: Int, time: Int64, producer: Int?, isPoN: Bool) {
    // 1. Payees from the lists as of the end of the previous block.
    var payees = (cumulus: -1, nimbus: -1, stratus: -1)
    var present = TierSet()
    if height >= hot.nodePaymentsStart {
      payees = (nextPayee(.cumulus), nextPayee(.nimbus), nextPayee(.stratus))
      present = TierSet(
        rawValue: (payees.cumulus >= 0 ? 1 : 0) | (payees.nimbus >= 0 ? 2 : 0) | (payees.stratus >= 0 ? 4 : 0))
    }
    // 2–3. Node transactions, then expiries and spent collateral.
    runActions(height: height, through: .removals)
    endAppPeriods(height: height)
    // 4. Payments: each payee moves to the back of its list (or stays out if it was removed).
    let reward = chain.reward(at: height, payees: present)
    if payees.cumulus >= 0 { pay(payees.cumulus, tier: 0, reward.tiers.cumulus, at: height) }
    if payees.nimbus >= 0 { pay(payees.nimbus, tier: 1, reward.tiers.nimbus, at: height) }
    if payees.stratus >= 0 { pay(payees.stratus, tier: 2, reward.tiers.stratus, at: height) }
    if isPoN {
      if let producer { proofOfNode.produced[Int(fleet.tiers[producer])] += 1 }
    } else if let producer {
      mining.poolIncome[producer] += reward.miner.satoshi
    }
    // 5. Unconfirmed STARTs go to the DoS list; old DoS entries drop.
    runActions(height: height, through: .dos)
    let funds = chain.funds(at: height)
    chain.supply += reward.subsidy + funds
    chain.height = height
    chain.time = time
    chain.headers.append(BlockHeaderInfo(height: height, time: time, bits: chain.nextBits))
    if metrics.didConnect(
      height: height, time: time, supply: chain.supply, reward: reward, funds: funds, confirmed: fleet.confirmedByTier)
    {
      sample()
    }
    if height >= hot.nextSwitch { followSchedule(after: height) }
    chain.nextBits = height + 1 >= hot.ponStart ? nextPoNBits(by: hot.ponDifficulty) : nextPoWBits()
  }

  /// After block `height`, at a scheduled change: the first block of an era realigns the
  /// confirms to its timers (nothing in a block reads them, so after it is the same as
  /// before its transactions), and the block before an activation hands the next block
  /// to the new era's spacing and difficulty rule.
  private mutating func followSchedule(after height: Int) {
    if height == hot.eraStart { fleet.realignConfirms(at: height) }
    hot.advance(after: height, of: params)
  }

  /// The node at the front of `tier`'s list, or −1.
  private mutating func nextPayee(_ tier: Tier) -> Int { fleet.withQueue(tier.index) { $0.nextNode() ?? -1 } }

  /// Credits `node` of tier index `tier` with `amount` for block `height` and moves it to
  /// the back of its list (unless it was removed in this block: it is paid all the same).
  private mutating func pay(_ node: Int, tier: Int, _ amount: Amount, at height: Int) {
    fleet.ledger[node].income += amount.satoshi
    fleet.ledger[node].payments += 1
    fleet.ledger[node].lastPaid = Int32(height)
    fleet.withQueue(tier) { queue in
      // The payee came from `next()` in step 1; nothing can have been put in front of it.
      guard queue.contains(node: node) else { return }
      let paid = queue.payFront(at: height)
      precondition(paid == node, "the payee left the front of its list within the block")
    }
  }
}
