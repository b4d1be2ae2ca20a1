/// One tier's payee list in payment order, as the simulator needs it: who is paid next,
/// pay and move to the back, add a newly confirmed node, drop an expired one.
///
/// The order is `PayeeKey`'s (flux-rules.md §4.4). Because every key added during
/// block h is `(h, …)` and every key already in the list has a height ≤ h, new keys
/// almost always belong at the back; the queue therefore is a sorted array with a
/// moving head, appending in O(1) and falling back to a binary-search insert only for
/// an out-of-order key. Removal is lazy, as in fluxd's `GetNextPayment`, which pops
/// stale entries when it meets them: an entry is live while its generation matches the
/// node's. Node identifiers are small dense integers (indexes into the simulator's
/// node table).
///
/// Entries are 24 bytes: the key's height and paid flag, the node, its generation and
/// the first 8 bytes of its collateral txid. Ties beyond those (two outpoints sharing
/// their first 8 txid bytes) are broken with the full outpoint from a per-node table.
///
/// - Complexity: `next`, `payNext`, `remove` are amortised O(1); `insert` is O(1) for an
///   in-order key and O(n) otherwise.
public struct PayeeQueue: Sendable {
  @usableFromInline struct Entry: Sendable {
    @usableFromInline var txidPrefix: UInt64
    @usableFromInline var height: Int32
    @usableFromInline var node: Int32
    @usableFromInline var generation: UInt32
    @usableFromInline var paid: Bool

    @usableFromInline init(key: PayeeKey, node: Int32, generation: UInt32) {
      self.txidPrefix = key.collateral.txidWords.0
      self.height = Int32(key.comparisonHeight)
      self.node = node
      self.generation = generation
      self.paid = key.hasBeenPaid
    }
  }

  @usableFromInline var entries: [Entry] = []
  @usableFromInline var head = 0
  /// Generation of each node's live entry, 0 when it has none.
  @usableFromInline var liveGeneration: [UInt32] = []
  /// Each node's collateral, for the key of its live entry.
  @usableFromInline var collaterals: [Outpoint] = []
  @usableFromInline var nextGeneration: UInt32 = 1
  @usableFromInline var liveCount = 0
  /// Scratch space of `payInTurn`: the entries a stretch paid, before they go to the back.
  @usableFromInline var paidEntries: [Entry] = []

  /// Number of live entries.
  public var count: Int { liveCount }

  public init() {}

  /// Whether `node` has a live entry.
  @inlinable public func contains(node: Int) -> Bool {
    node < liveGeneration.count && liveGeneration[node] != 0
  }

  /// The full key of `entry`.
  @inlinable func key(of entry: Entry) -> PayeeKey {
    PayeeKey(comparisonHeight: Int(entry.height), hasBeenPaid: entry.paid, collateral: collaterals[Int(entry.node)])
  }

  /// Whether `entry` sorts at or before `key` (the full `PayeeKey` order).
  @inlinable func entry(_ entry: Entry, isAtOrBefore key: PayeeKey) -> Bool {
    if Int(entry.height) != key.comparisonHeight { return Int(entry.height) < key.comparisonHeight }
    if entry.paid != key.hasBeenPaid { return !entry.paid }
    if entry.txidPrefix != key.collateral.txidWords.0 { return entry.txidPrefix < key.collateral.txidWords.0 }
    return self.key(of: entry) <= key
  }

  /// Adds `node` with `key`; a node already present is moved to its new place.
  public mutating func insert(node: Int, key: PayeeKey) {
    precondition(key.comparisonHeight <= ChainParams.maxHeight, "payee key height beyond the queue's 32-bit range")
    if contains(node: node) { remove(node: node) }
    if node == liveGeneration.count {
      // The usual growth, by one node: plain appends, cheaper than appending a repeated
      // element.
      liveGeneration.append(0)
      collaterals.append(key.collateral)
    } else if node > liveGeneration.count {
      liveGeneration.append(contentsOf: repeatElement(0, count: node + 1 - liveGeneration.count))
      collaterals.append(contentsOf: repeatElement(key.collateral, count: node + 1 - collaterals.count))
    }
    collaterals[node] = key.collateral
    let generation = nextGeneration
    nextGeneration = nextGeneration == .max ? 1 : nextGeneration + 1
    liveGeneration[node] = generation
    liveCount += 1
    append(Entry(key: key, node: Int32(node), generation: generation), key: key)
  }

  /// Appends `entry`, or inserts it in key order if it belongs before the back.
  ///
  /// An out-of-order key nearly always belongs a place or two before the back: a node
  /// confirmed in block h, (h, unpaid), goes before the entries paid in h. The few
  /// entries before the back are looked at first, then the rest by binary search.
  @inlinable mutating func append(_ entry: Entry, key: PayeeKey) {
    if head == entries.count || self.entry(entries[entries.count - 1], isAtOrBefore: key) {
      entries.append(entry)
      return
    }
    // entries[high...] all sort after the key.
    var high = entries.count - 1
    var looked = 0
    while looked < 4, high > head, !self.entry(entries[high - 1], isAtOrBefore: key) {
      high -= 1
      looked += 1
    }
    if high == head || self.entry(entries[high - 1], isAtOrBefore: key) {
      entries.insert(entry, at: high)
      return
    }
    var low = head
    while low < high {
      let mid = (low + high) / 2
      if self.entry(entries[mid], isAtOrBefore: key) { low = mid + 1 } else { high = mid }
    }
    entries.insert(entry, at: low)
  }

  /// Drops `node`'s entry (lazily); does nothing if it has none.
  @inlinable public mutating func remove(node: Int) {
    guard contains(node: node) else { return }
    liveGeneration[node] = 0
    liveCount -= 1
  }

  /// The node that would be paid now and its key, or nil if the tier is empty.
  @inlinable public mutating func next() -> (node: Int, key: PayeeKey)? {
    guard let index = frontIndex() else { return nil }
    return (Int(entries[index].node), key(of: entries[index]))
  }

  /// The node that would be paid now, or nil if the tier is empty (`next()` without its key).
  @inlinable public mutating func nextNode() -> Int? {
    guard let index = frontIndex() else { return nil }
    return Int(entries[index].node)
  }

  /// The index of the first live entry, popping stale ones. The usual case, a live
  /// front, is inlined; popping is not.
  @inlinable @inline(__always) mutating func frontIndex() -> Int? {
    if head < entries.count, liveGeneration[Int(entries[head].node)] == entries[head].generation { return head }
    return frontIndexPoppingStale()
  }

  /// `frontIndex` past a stale front: pops entries until a live one or the end.
  @usableFromInline mutating func frontIndexPoppingStale() -> Int? {
    while head < entries.count {
      let entry = entries[head]
      if liveGeneration[Int(entry.node)] == entry.generation { return head }
      head += 1
      compactIfWorthwhile()
    }
    return nil
  }

  /// Pays the front node in block `height`: it moves to the back with key `(height, paid)`.
  /// Returns the node paid, or nil if the tier is empty.
  @inlinable public mutating func payNext(at height: Int) -> Int? {
    guard frontIndex() != nil else { return nil }
    return moveFront(paidAt: height)
  }

  /// `payNext` when the caller has just seen, with `next()`, that the front entry is live
  /// and has changed nothing in front of it since: skips looking for the front again.
  ///
  /// - Precondition: `next()` returned a node and that node has not been removed since.
  @inlinable public mutating func payFront(at height: Int) -> Int {
    precondition(
      liveGeneration[Int(entries[head].node)] == entries[head].generation, "payFront after the front node was removed")
    return moveFront(paidAt: height)
  }

  /// `payFront` once the front entry is known live (`frontIndex` just found it): without
  /// reading the node's generation a second time.
  @inlinable @inline(__always) mutating func moveFront(paidAt height: Int) -> Int {
    var entry = entries[head]
    head += 1
    entry.height = Int32(height)
    entry.paid = true
    // The common case without building a full key: the back entry is from an earlier
    // block, or a node confirmed in this block (unpaid sorts before paid).
    if let back = entries.last, Int(back.height) < height || (Int(back.height) == height && !back.paid) {
      entries.append(entry)
    } else {
      append(entry, key: key(of: entry))
    }
    compactIfWorthwhile()
    return Int(entry.node)
  }

  /// Pays the front node in each block of `height ..< height + blocks` in turn, calling
  /// `paid` with the node and the block: the same list and the same calls as `payNext(at:)`
  /// block after block, in one call per stretch rather than one per block. A stretch longer
  /// than the list comes round to the nodes it paid first, in the order it paid them.
  /// Does nothing if the list is empty.
  ///
  /// When the back entry sorts before `(height, paid)` (always, unless a node confirmed
  /// or was paid at `height` or later) and the stretch does not come round, every paid
  /// entry belongs at the back, each after the one before: the stretch moves entries
  /// without comparing keys or compacting in between (`payFront` does both for every
  /// payment). A single block goes through `payFront`: the scratch buffer and the bulk
  /// append cost more than they save for one entry (callgrind: −1.4 % of the heavy-churn
  /// model, whose stretches average 1.3 blocks).
  ///
  /// - Precondition: nothing else changes the list during those blocks.
  @inlinable public mutating func payInTurn(
    blocks: Int, from height: Int, _ paid: (_ node: Int, _ height: Int) -> Void
  ) {
    guard blocks > 0, liveCount > 0 else { return }
    guard blocks > 1, blocks <= liveCount, let back = entries.last,
      Int(back.height) < height || (Int(back.height) == height && !back.paid)
    else {
      for block in height..<height + blocks {
        guard frontIndex() != nil else { return }
        paid(moveFront(paidAt: block), block)
      }
      return
    }
    // Each block pays the next live entry, which goes to the back. At most `liveCount`
    // blocks, so every entry paid is read from before the back (each live node has one
    // live entry at or after `head`); the paid entries are written to `paidEntries`
    // through a buffer and appended in one copy, rather than one append (and uniqueness
    // and capacity check) a payment.
    // Heights fit the entries' 32 bits (`insert` holds keys to the same bound).
    precondition(height + blocks - 1 <= ChainParams.maxHeight, "payee key height beyond the queue's 32-bit range")
    if paidEntries.count < blocks {
      paidEntries = Array(repeating: entries[head], count: max(blocks, 2 * paidEntries.count))
    }
    var read = head
    entries.withUnsafeBufferPointer { entries in
      liveGeneration.withUnsafeBufferPointer { live in
        paidEntries.withUnsafeMutableBufferPointer { paidEntries in
          for offset in 0..<blocks {
            var entry = entries[read]
            read += 1
            while live[Int(entry.node)] != entry.generation {
              entry = entries[read]
              read += 1
            }
            let block = height &+ offset
            entry.height = Int32(truncatingIfNeeded: block)
            entry.paid = true
            paidEntries[offset] = entry
            paid(Int(entry.node), block)
          }
        }
      }
    }
    head = read
    paidEntries.withUnsafeBufferPointer { entries.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<blocks])) }
    compactIfWorthwhile()
  }

  /// The live nodes in payment order (O(n); for inspection and tests).
  public func orderedNodes() -> [Int] {
    entries[head...].filter { liveGeneration[Int($0.node)] == $0.generation }.map { Int($0.node) }
  }

  /// Reclaims the consumed prefix once it is at least three quarters of the storage.
  ///
  /// Each compaction moves the entries after the head, about one per node; waiting until
  /// the prefix is three times that moves a third of an entry per payment rather than
  /// one (the moves were 3 % of the heavy-churn model's instructions, callgrind), for
  /// storage of at most four entries a node.
  @inlinable mutating func compactIfWorthwhile() {
    if head >= 4096, head * 4 >= entries.count * 3 {
      entries.removeFirst(head)
      head = 0
    }
  }
}
