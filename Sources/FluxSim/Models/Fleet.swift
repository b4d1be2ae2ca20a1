import FluxCore

/// Where a node is in its lifecycle (fluxd `fluxnode.h` states, flux-rules.md §4.1, plus
/// the simulator's own "waiting" and "gone" states).
public enum NodeState: Int, CaseIterable, Sendable, CustomStringConvertible {
  /// Ready to START when online and its collateral is mature.
  case pending = 0
  /// START mined, INITIAL_CONFIRM not yet.
  case started = 1
  /// In its tier's payee list.
  case confirmed = 2
  /// Its START was not confirmed in time; waiting for the DoS entry to drop.
  case dosListed = 3
  /// Removed for a lapsed confirm or a wrong collateral; restarts when back online.
  case expired = 4
  /// Left the network (collateral spent).
  case exited = 5

  /// Whether a node in this state has its collateral locked in the network: STARTed,
  /// awaiting confirmation or confirmed (the collateral the tables count as locked).
  public var locksCollateral: Bool { self == .started || self == .confirmed }

  public var description: String {
    switch self {
    case .pending: "pending"
    case .started: "started"
    case .confirmed: "confirmed"
    case .dosListed: "dos"
    case .expired: "expired"
    case .exited: "exited"
    }
  }
}

/// One FluxNode as the simulator tracks it.
struct Node {
  var tier: Tier
  var state: NodeState = .pending
  var online = true
  var collateral: Outpoint
  /// The amount locked in `collateral`, fixed when it was locked: a later change of what
  /// new STARTs lock (the 2022 reduction, a scheduled `collateral.start_amount`) leaves it.
  var collateralAmount: Amount
  /// First height at which a START may be mined (collateral age, DoS release, kamata).
  var earliestStart = 0
  var startHeight = 0
  var confirmedHeight = 0
  /// A height at which the node confirmed; it re-confirms every `minConfirmInterval + 1` blocks while online.
  var confirmAnchor = 0
  /// Bumped by every new START, so actions of an older START are ignored.
  var generation: UInt32 = 0
  /// Bumped by every uptime flip, so a stale flip or expiry is ignored.
  var uptimeGeneration: UInt32 = 0
  /// Whether it was ever confirmed during the job (counts it in income statistics).
  var everConfirmed = false
}

/// The fleet: its nodes, per-tier payee queues and the index sets the models draw from,
/// and the models that move them, each in a file of its own: the node lifecycle
/// (`+Lifecycle`: START, confirm, DoS list, expiry, spent and changed collateral, the
/// confirms realigned at an era's start), uptime (`+Uptime`) and churn (`+Churn`: the
/// initial fleet, joins and exits, those of the ROI response included). Each model draws
/// from the fleet's stream (`FleetRules`) and schedules into the queues the simulation
/// hands it, and returns what the other models must react to (`FleetChange`); its
/// invariants are checked by `+Invariants`.
///
/// Memory follows the live fleet, not the job's history: the slot of an exited node is
/// given to the next node added, so every per-node table (here, in the payee queues, the
/// index sets and the app market) is bounded by the largest fleet alive at once rather
/// than by the nodes ever created (a 20-year run with heavy churn creates hundreds of
/// times its fleet). Events and actions that name a slot carry its node's generations,
/// and a reused slot continues them (`add`), so those of its former node are stale. What
/// an output needs of a former node is kept apart (`formerIncomes`).
struct Fleet {
  /// The job's fleet settings, the fleet's stream and the node timers its models read.
  let rules: FleetRules
  /// Per slot: the node there now, or an exited node whose slot is free.
  var nodes: [Node] = []
  /// The payee queues, one stored property per tier: mutating one in place then needs
  /// no uniqueness check of an enclosing array (see `withQueue`).
  private var cumulusQueue = PayeeQueue()
  private var nimbusQueue = PayeeQueue()
  private var stratusQueue = PayeeQueue()
  /// Payments per node, kept apart from `nodes` so that paying touches three small
  /// arrays rather than a node record of a hundred bytes.
  var ledger: [LedgerEntry] = []
  /// Per slot, its node's tier index: what every block reads of its producer, a byte
  /// here rather than a cache miss into the node record (which `tier` also holds).
  private(set) var tiers: [UInt8] = []
  /// Online confirmed nodes: the PoN producers.
  var producers = IndexedSet()
  /// Nodes not exited, per tier: the candidates for churn exits.
  var alive = [IndexedSet(), IndexedSet(), IndexedSet()]
  /// Nodes per tier per state, `[tier.index, state.rawValue]`.
  var counts = StateCounts()
  /// Confirmed nodes that are offline (paid, but not producing), per tier.
  var offlineConfirmed = [0, 0, 0]
  /// Per tier, the collateral of the nodes whose state locks it (`locksCollateral`),
  /// satoshi: kept as states change, so a sample reads it without a pass over the fleet.
  var lockedCollateral: [Int64] = [0, 0, 0]
  private var nextOutpoint: UInt64 = 0
  /// Slots of exited nodes, the last freed reused first.
  private var freeSlots: [Int32] = []
  /// Whether exited nodes' slots are reused. Off, every node keeps its own slot and
  /// memory grows with the nodes ever created; `SlotReuseTests` runs jobs both ways and
  /// finds the same results.
  var reusesSlots = true
  /// Nodes created during the job, those in reused slots included (`JobConfig.maxNodes`
  /// bounds this, not the slots in use).
  private(set) var created = 0
  /// Per tier: the incomes (satoshi) of the nodes that were ever confirmed and whose
  /// slots have been reused. The income statistics cover every node ever confirmed; this
  /// is the one figure kept of a node once it is gone, tallied (many are equal).
  private(set) var formerIncomes = [Tally(), Tally(), Tally()]

  /// An empty fleet whose models follow `rules`.
  init(rules: FleetRules) { self.rules = rules }

  /// Adds a node in the pending state, in the slot of an exited node if there is one;
  /// returns its identifier.
  mutating func add(tier: Tier, collateral: Amount, online: Bool) -> Int {
    created += 1
    nextOutpoint += 1
    var node = Node(
      tier: tier, online: online, collateral: Outpoint(synthetic: rules.seed ^ nextOutpoint),
      collateralAmount: collateral)
    let id: Int
    if let slot = freeSlots.popLast() {
      id = Int(slot)
      let former = nodes[id]
      if former.everConfirmed { formerIncomes[former.tier.index].add(ledger[id].income) }
      counts[former.tier.index, NodeState.exited.rawValue] -= 1
      // Every generation the former node handed out is below these: its pending uptime
      // flips, expiries and lifecycle actions find the slot's node newer and do nothing.
      node.generation = former.generation &+ 1
      node.uptimeGeneration = former.uptimeGeneration &+ 1
      nodes[id] = node
      ledger[id] = LedgerEntry()
      tiers[id] = UInt8(tier.index)
    } else {
      id = nodes.count
      nodes.append(node)
      ledger.append(LedgerEntry())
      tiers.append(UInt8(tier.index))
    }
    counts[tier.index, NodeState.pending.rawValue] += 1
    alive[tier.index].insert(id)
    return id
  }

  /// Makes room for `count` nodes in the per-node tables at once, rather than through
  /// doublings that each copy the node records so far (the initial fleet's setup).
  mutating func reserve(nodes count: Int) {
    nodes.reserveCapacity(count)
    ledger.reserveCapacity(count)
    tiers.reserveCapacity(count)
  }

  /// Moves `node` to `state`, keeping the counts, the producer set and the payee queue right.
  mutating func setState(_ node: Int, _ state: NodeState) {
    let old = nodes[node].state
    guard old != state else { return }
    let tier = nodes[node].tier.index
    counts[tier, old.rawValue] -= 1
    counts[tier, state.rawValue] += 1
    if old == .confirmed {
      withQueue(tier) { $0.remove(node: node) }
      producers.remove(node)
      if !nodes[node].online { offlineConfirmed[tier] -= 1 }
    }
    if state == .confirmed {
      producers.insert(node)
      if !nodes[node].online {
        producers.remove(node)
        offlineConfirmed[tier] += 1
      }
    }
    if old.locksCollateral != state.locksCollateral {
      let amount = nodes[node].collateralAmount.satoshi
      lockedCollateral[tier] += state.locksCollateral ? amount : -amount
    }
    nodes[node].state = state
    if state == .exited {
      alive[tier].remove(node)
      if reusesSlots { freeSlots.append(Int32(node)) }
    }
  }

  /// Flips `node` online or offline, keeping the producer set right.
  mutating func setOnline(_ node: Int, _ online: Bool) {
    guard nodes[node].online != online else { return }
    nodes[node].online = online
    nodes[node].uptimeGeneration &+= 1
    guard nodes[node].state == .confirmed else { return }
    let tier = nodes[node].tier.index
    if online {
      producers.insert(node)
      offlineConfirmed[tier] -= 1
    } else {
      producers.remove(node)
      offlineConfirmed[tier] += 1
    }
  }

  /// A fresh collateral outpoint of `amount` for `node` (a restart with a new collateral).
  mutating func renewCollateral(_ node: Int, amount: Amount) {
    nextOutpoint += 1
    nodes[node].collateral = Outpoint(synthetic: rules.seed ^ nextOutpoint)
    if nodes[node].state.locksCollateral {
      lockedCollateral[nodes[node].tier.index] += amount.satoshi - nodes[node].collateralAmount.satoshi
    }
    nodes[node].collateralAmount = amount
  }

  /// Runs `body` on the payee queue of tier index `tier` (0 cumulus, 1 nimbus, 2 stratus), in place.
  @inline(__always) mutating func withQueue<R>(_ tier: Int, _ body: (inout PayeeQueue) -> R) -> R {
    switch tier {
    case 0: body(&cumulusQueue)
    case 1: body(&nimbusQueue)
    default: body(&stratusQueue)
    }
  }

  /// Pays each tier's front node its amount in each block of `height ..< height +
  /// blocks`, in turn (`PayeeQueue.payInTurn`), for the tiers with a payee (those with
  /// confirmed nodes, lanes 0 … 2 of `confirmed`): the ledger and the lists end as
  /// block-by-block payment leaves them, when nothing else changes the lists meanwhile.
  mutating func payInTurn(blocks: Int, from height: Int, amounts: TierValues<Amount>, confirmed: SIMD4<Int64>) {
    Self.payInTurn(
      &cumulusQueue, &nimbusQueue, &stratusQueue, &ledger, blocks: blocks, from: height, amounts: amounts,
      confirmed: confirmed)
  }

  private static func payInTurn(
    _ cumulus: inout PayeeQueue, _ nimbus: inout PayeeQueue, _ stratus: inout PayeeQueue,
    _ ledger: inout [LedgerEntry], blocks: Int, from height: Int, amounts: TierValues<Amount>,
    confirmed: SIMD4<Int64>
  ) {
    // One uniqueness check of the ledger for the three tiers, not three a payment
    // (measured with callgrind); the lists hold only slots of this fleet, all within the
    // ledger. Wrapping sums and a truncating height: an income is below the supply
    // (< 2^63 satoshi), payments below the heights, and heights fit 32 bits
    // (`ChainParams.maxHeight`).
    precondition(height + blocks - 1 <= ChainParams.maxHeight, "payments past the 32-bit heights")
    ledger.withUnsafeMutableBufferPointer { ledger in
      @inline(__always) func pay(_ queue: inout PayeeQueue, _ amount: Amount) {
        queue.payInTurn(blocks: blocks, from: height) { node, block in
          ledger[node].income &+= amount.satoshi
          ledger[node].payments &+= 1
          ledger[node].lastPaid = Int32(truncatingIfNeeded: block)
        }
      }
      // A tier has a payee when it has confirmed nodes, read from the counts.
      if confirmed[0] > 0 { pay(&cumulus, amounts.cumulus) }
      if confirmed[1] > 0 { pay(&nimbus, amounts.nimbus) }
      if confirmed[2] > 0 { pay(&stratus, amounts.stratus) }
    }
  }

  /// The payee queue of tier index `tier`, for reading.
  func queue(_ tier: Int) -> PayeeQueue {
    switch tier {
    case 0: cumulusQueue
    case 1: nimbusQueue
    default: stratusQueue
    }
  }

  /// Confirmed nodes of all tiers.
  var confirmedTotal: Int {
    let state = NodeState.confirmed.rawValue
    return counts[0, state] + counts[1, state] + counts[2, state]
  }

  /// Confirmed nodes per tier, in lanes 0 … 2 (what `Metrics` adds up every block).
  /// Inlined: an out-of-line getter made every block copy the whole `Fleet` to pass it.
  @inline(__always) var confirmedByTier: SIMD4<Int64> {
    let state = NodeState.confirmed.rawValue
    return SIMD4(Int64(counts[0, state]), Int64(counts[1, state]), Int64(counts[2, state]), 0)
  }
}

/// What a node has been paid: income (satoshi), number of payments and the height of
/// the last one (0 = never).
struct LedgerEntry {
  var income: Int64 = 0
  var lastPaid: Int32 = 0
  var payments: Int32 = 0
}
