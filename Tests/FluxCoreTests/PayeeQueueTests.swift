import Testing

@testable import FluxCore

/// The per-tier payee queue: FIFO rotation, fluxd's ordering for newly confirmed
/// nodes, lazy removal, and agreement with a plain sort by `PayeeKey`.
@Suite struct PayeeQueueTests {
  func outpoint(_ n: Int) -> Outpoint { Outpoint(synthetic: UInt64(n)) }

  @Test func rotatesRoundRobin() {
    var queue = PayeeQueue()
    for node in 0..<5 {
      queue.insert(node: node, key: PayeeKey(confirmedHeight: node, lastPaid: 0, collateral: outpoint(node)))
    }
    var paid: [Int] = []
    for height in 100..<115 { paid.append(queue.payNext(at: height)!) }
    #expect(paid == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
  }

  @Test func newlyConfirmedNodeSortsJustAheadOfThatBlocksPayee() {
    var queue = PayeeQueue()
    for node in 0..<3 {
      queue.insert(node: node, key: PayeeKey(confirmedHeight: 10, lastPaid: 0, collateral: outpoint(node)))
    }
    let order = queue.orderedNodes()
    // Block 50: node 3 confirms (key (50, unpaid)), then the front node is paid (50, paid).
    queue.insert(node: 3, key: PayeeKey(confirmedHeight: 50, lastPaid: 0, collateral: outpoint(3)))
    let paid = queue.payNext(at: 50)!
    #expect(paid == order[0])
    #expect(queue.orderedNodes() == [order[1], order[2], 3, paid])
  }

  @Test func removedNodesAreSkippedAndCanRejoinAtTheBack() {
    var queue = PayeeQueue()
    for node in 0..<4 {
      queue.insert(node: node, key: PayeeKey(confirmedHeight: node, lastPaid: 0, collateral: outpoint(node)))
    }
    queue.remove(node: 0)
    queue.remove(node: 2)
    #expect(queue.count == 2)
    #expect(queue.next()?.node == 1)
    queue.insert(node: 0, key: PayeeKey(confirmedHeight: 20, lastPaid: 0, collateral: outpoint(0)))
    #expect(queue.orderedNodes() == [1, 3, 0])
    #expect(queue.payNext(at: 21) == 1)
    #expect(queue.payNext(at: 22) == 3)
    #expect(queue.payNext(at: 23) == 0)
    #expect(queue.payNext(at: 24) == 1)
  }

  @Test func payingInTurnIsPayingBlockByBlock() {
    // Six nodes confirmed at heights 10 … 15, two of them removed (stale entries left in
    // the list), then 9 blocks from height 40: more blocks than the 4 live nodes, so the
    // stretch comes round to the first it paid. By hand: 1, 3, 4, 5, then 1, 3, 4, 5, 1.
    var inTurn = PayeeQueue()
    for node in 0..<6 {
      inTurn.insert(node: node, key: PayeeKey(confirmedHeight: 10 + node, lastPaid: 0, collateral: outpoint(node)))
    }
    inTurn.remove(node: 0)
    inTurn.remove(node: 2)
    var single = inTurn
    var calls: [(node: Int, height: Int)] = []
    inTurn.payInTurn(blocks: 9, from: 40) { calls.append(($0, $1)) }
    let expected = (40..<49).map { ($0, single.payNext(at: $0)!) }
    #expect(calls.map(\.node) == [1, 3, 4, 5, 1, 3, 4, 5, 1])
    #expect(calls.map(\.node) == expected.map(\.1))
    #expect(calls.map(\.height) == Array(40..<49))
    #expect(inTurn.orderedNodes() == single.orderedNodes())
    #expect(inTurn.orderedNodes() == [3, 4, 5, 1])
    // Both lists continue alike.
    #expect(inTurn.payNext(at: 49) == single.payNext(at: 49))
    var empty = PayeeQueue()
    empty.payInTurn(blocks: 3, from: 1) { _, _ in Issue.record("an empty list pays nobody") }
  }

  /// Random lists (nodes confirming, leaving and rejoining between stretches, so stale
  /// entries lie between the live ones) paid in stretches of random length, from one
  /// block to past the list's size (both of `payInTurn`'s paths, the one within the list
  /// with its scratch space growing as stretches lengthen): each stretch makes the same
  /// calls as `payNext` block after block and leaves the same order, with no invariant
  /// broken (the order compared every 25 stretches and at the end, to keep it fast).
  @Test(arguments: [1, 2, 3] as [UInt64]) func payingInTurnMatchesPayNextOnRandomLists(seed: UInt64) {
    var state = seed
    var inTurn = PayeeQueue()
    var height = 1
    for node in 0..<40 {
      inTurn.insert(node: node, key: PayeeKey(confirmedHeight: height, lastPaid: 0, collateral: outpoint(node)))
    }
    var single = inTurn
    var lengths = Set<Int>()
    for round in 0..<3_000 {
      // Between stretches, a node may leave or (re)confirm, in the same block in both lists.
      height += 1
      let node = Int(splitMix64(&state) % 60)
      if splitMix64(&state) % 2 == 0 {
        inTurn.remove(node: node)
        single.remove(node: node)
      } else {
        let key = PayeeKey(confirmedHeight: height, lastPaid: 0, collateral: outpoint(node))
        inTurn.insert(node: node, key: key)
        single.insert(node: node, key: key)
      }
      height += 1
      let blocks = 1 + Int(splitMix64(&state) % UInt64(inTurn.count + 5))
      lengths.insert(blocks <= inTurn.count ? 0 : 1)
      var calls: [(node: Int, height: Int)] = []
      inTurn.payInTurn(blocks: blocks, from: height) { calls.append(($0, $1)) }
      var expected: [(node: Int, height: Int)] = []
      for block in height..<height + blocks {
        guard let node = single.payNext(at: block) else { break }
        expected.append((node, block))
      }
      #expect(calls.map(\.node) == expected.map(\.node) && calls.map(\.height) == expected.map(\.height))
      #expect(inTurn.count == single.count)
      if round % 25 == 0 { #expect(inTurn.orderedNodes() == single.orderedNodes()) }
      height += blocks
    }
    #expect(inTurn.orderedNodes() == single.orderedNodes())
    #expect(inTurn.invariantViolations() == [] && single.invariantViolations() == [])
    // Both paths were taken: stretches within the list and stretches coming round.
    #expect(lengths == [0, 1])
  }

  /// The batched engine pays a block with node actions before its actions
  /// (`connectActions`), where fluxd's order (and `connectBlock`) takes the payee first,
  /// runs the removals and confirms, then moves the payee to the back unless it was
  /// removed. Both orders pay the same nodes and leave the same list, whichever nodes
  /// leave (the block's payee among them, a third of the time) or confirm in the block.
  @Test(arguments: [4, 5, 6] as [UInt64]) func payingBeforeTheBlocksActionsLeavesTheSameList(seed: UInt64) {
    var state = seed
    var first = PayeeQueue()
    for node in 0..<30 {
      first.insert(node: node, key: PayeeKey(confirmedHeight: 1, lastPaid: 0, collateral: outpoint(node)))
    }
    var fluxdOrder = first
    var height = 2
    var frontRemoved = 0
    for _ in 0..<2_000 {
      let blocks = 1 + Int(splitMix64(&state) % 6)
      let last = height + blocks - 1
      // The block's actions: up to two removals and up to two confirms of nodes not listed.
      var removals = (0..<Int(splitMix64(&state) % 3)).map { _ in Int(splitMix64(&state) % 45) }
      let confirms = (0..<Int(splitMix64(&state) % 3)).map { _ in Int(splitMix64(&state) % 45) }
        .filter { !fluxdOrder.contains(node: $0) && !removals.contains($0) }
      // Batched: the stretch and its last block paid in turn, then the actions.
      var paidFirst: [Int] = []
      first.payInTurn(blocks: blocks, from: height) { node, _ in paidFirst.append(node) }
      // fluxd's order: the earlier blocks, then the last block's payee, actions, payment.
      var paid: [Int] = []
      for block in height..<last { fluxdOrder.payNext(at: block).map { paid.append($0) } }
      let payee = fluxdOrder.next()?.node
      if let payee, splitMix64(&state) % 3 == 0 {
        removals.append(payee)
        frontRemoved += 1
      }
      for queue in [0, 1] {
        for node in removals { queue == 0 ? first.remove(node: node) : fluxdOrder.remove(node: node) }
        for node in Set(confirms) {
          let key = PayeeKey(confirmedHeight: last, lastPaid: 0, collateral: outpoint(node))
          queue == 0 ? first.insert(node: node, key: key) : fluxdOrder.insert(node: node, key: key)
        }
      }
      if let payee {
        paid.append(payee)
        if fluxdOrder.contains(node: payee) { #expect(fluxdOrder.payFront(at: last) == payee) }
      }
      #expect(paidFirst == paid)
      #expect(first.orderedNodes() == fluxdOrder.orderedNodes())
      height = last + 1
    }
    #expect(first.invariantViolations() == [] && fluxdOrder.invariantViolations() == [])
    #expect(frontRemoved > 100)
  }

  @Test func positionsReadTheLiveEntriesInPaymentOrder() {
    // Nodes 0 … 7 confirmed at heights 10 … 17; 2 and 5 leave, 3 rejoins at 30 (stale
    // entries in the storage), then two payments at 40 and 41.
    var queue = PayeeQueue()
    for node in 0..<8 {
      queue.insert(node: node, key: PayeeKey(confirmedHeight: 10 + node, lastPaid: 0, collateral: outpoint(node)))
    }
    queue.remove(node: 2)
    queue.remove(node: 5)
    queue.insert(node: 3, key: PayeeKey(confirmedHeight: 30, lastPaid: 0, collateral: outpoint(3)))
    #expect(queue.payNext(at: 40) == 0 && queue.payNext(at: 41) == 1)
    let order = queue.orderedNodes()
    #expect(order == [4, 6, 7, 3, 0, 1])
    // Positions 0 … 5: confirmed at 14, 16, 17, rejoined at 30, paid at 40 and 41; the
    // stale entries of 2, 3 and 5 are skipped, and a prefix stops early.
    #expect(queue.frontComparisonHeights(queue.count) == [14, 16, 17, 30, 40, 41])
    #expect(queue.frontComparisonHeights(3) == [14, 16, 17] && queue.frontComparisonHeights(0) == [])
    #expect(queue.orderedNodes() == order && queue.invariantViolations() == [])
    // Payments go on in the same order.
    #expect(queue.payNext(at: 42) == 4 && queue.payNext(at: 43) == 6)
  }

  @Test func emptyQueuePaysNobody() {
    var queue = PayeeQueue()
    #expect(queue.payNext(at: 1) == nil)
    queue.insert(node: 0, key: PayeeKey(confirmedHeight: 1, lastPaid: 0, collateral: outpoint(0)))
    queue.remove(node: 0)
    #expect(queue.next() == nil)
    #expect(queue.count == 0)
  }

  @Test func agreesWithSortingByKeyUnderRandomOperations() {
    // Model: a dictionary of live keys; the payee is always the minimum key.
    var state: UInt64 = 42
    var queue = PayeeQueue()
    var keys: [Int: PayeeKey] = [:]
    for height in 1...20_000 {
      let roll = splitMix64(&state) % 10
      let node = Int(splitMix64(&state) % 300)
      if roll < 3 {
        // Confirm (possibly at an older height: the queue must insert in order).
        let confirmed = roll == 0 ? max(1, height - Int(splitMix64(&state) % 50)) : height
        let key = PayeeKey(confirmedHeight: confirmed, lastPaid: 0, collateral: outpoint(node))
        queue.insert(node: node, key: key)
        keys[node] = key
      } else if roll < 5 {
        queue.remove(node: node)
        keys[node] = nil
      }
      let expected = keys.min { $0.value < $1.value }
      #expect(queue.next()?.node == expected?.key)
      if let expected {
        #expect(queue.payNext(at: height) == expected.key)
        keys[expected.key] = PayeeKey(
          comparisonHeight: height, hasBeenPaid: true, collateral: expected.value.collateral)
      }
      #expect(queue.count == keys.count)
    }
    #expect(queue.orderedNodes() == keys.sorted { $0.value < $1.value }.map(\.key))
  }
}
