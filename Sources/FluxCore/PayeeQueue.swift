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
/// - Complexity: `next`, `payNext`, `remove` are amortised O(1); `insert` is O(1) for an
///   in-order key and O(n) otherwise.
public struct PayeeQueue: Sendable {
  @usableFromInline struct Entry: Sendable {
    @usableFromInline var key: PayeeKey
    @usableFromInline var node: Int32
    @usableFromInline var generation: UInt32

    @usableFromInline init(key: PayeeKey, node: Int32, generation: UInt32) {
      self.key = key
      self.node = node
      self.generation = generation
    }
  }

  @usableFromInline var entries: [Entry] = []
  @usableFromInline var head = 0
  /// Generation of each node's live entry, 0 when it has none.
  @usableFromInline var liveGeneration: [UInt32] = []
  @usableFromInline var nextGeneration: UInt32 = 1
  @usableFromInline var liveCount = 0

  /// Number of live entries.
  public var count: Int { liveCount }

  public init() {}

  /// Whether `node` has a live entry.
  @inlinable public func contains(node: Int) -> Bool {
    node < liveGeneration.count && liveGeneration[node] != 0
  }

  /// Adds `node` with `key`; a node already present is moved to its new place.
  public mutating func insert(node: Int, key: PayeeKey) {
    if contains(node: node) { remove(node: node) }
    if node >= liveGeneration.count {
      liveGeneration.append(contentsOf: repeatElement(0, count: node + 1 - liveGeneration.count))
    }
    let generation = nextGeneration
    nextGeneration = nextGeneration == .max ? 1 : nextGeneration + 1
    liveGeneration[node] = generation
    liveCount += 1
    let entry = Entry(key: key, node: Int32(node), generation: generation)
    if head == entries.count || entries[entries.count - 1].key <= key {
      entries.append(entry)
      return
    }
    var low = head
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].key <= key { low = mid + 1 } else { high = mid }
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
    while head < entries.count {
      let entry = entries[head]
      if liveGeneration[Int(entry.node)] == entry.generation { return (Int(entry.node), entry.key) }
      head += 1
      compactIfWorthwhile()
    }
    return nil
  }

  /// Pays the front node in block `height`: it moves to the back with key `(height, paid)`.
  /// Returns the node paid, or nil if the tier is empty.
  @inlinable public mutating func payNext(at height: Int) -> Int? {
    guard let (node, key) = next() else { return nil }
    let generation = entries[head].generation
    head += 1
    let paidKey = PayeeKey(comparisonHeight: height, hasBeenPaid: true, collateral: key.collateral)
    let entry = Entry(key: paidKey, node: Int32(node), generation: generation)
    if head == entries.count || entries[entries.count - 1].key <= paidKey {
      entries.append(entry)
    } else {
      liveCount -= 1
      liveGeneration[node] = 0
      insert(node: node, key: paidKey)
    }
    compactIfWorthwhile()
    return node
  }

  /// The live nodes in payment order (O(n); for inspection and tests).
  public func orderedNodes() -> [Int] {
    entries[head...].filter { liveGeneration[Int($0.node)] == $0.generation }.map { Int($0.node) }
  }

  /// Reclaims the consumed prefix once it is at least half the storage.
  @inlinable mutating func compactIfWorthwhile() {
    if head >= 4096, head * 2 >= entries.count {
      entries.removeFirst(head)
      head = 0
    }
  }
}
