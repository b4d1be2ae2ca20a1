/// A priority queue of scheduled items, earliest first, ties broken by scheduling order.
///
/// A binary min-heap on `(key, seq)`: `seq` increases with every `schedule`, so two
/// items due at the same moment come out in the order they were scheduled, which keeps
/// runs deterministic (a bare heap's order among equal keys is unspecified). Used with
/// simulated time (seconds) for events and with block heights for per-block actions.
///
/// - Complexity: `schedule` and `pop` O(log n); `peekKey` O(1).
struct EventQueue<Item> {
  struct Entry {
    var key: Int64
    var seq: UInt64
    var item: Item

    @inline(__always) func precedes(_ other: Entry) -> Bool {
      key < other.key || (key == other.key && seq < other.seq)
    }
  }

  private(set) var entries: [Entry] = []
  private var nextSeq: UInt64 = 0

  var isEmpty: Bool { entries.isEmpty }
  var count: Int { entries.count }

  /// The key of the earliest item, or nil when empty.
  var peekKey: Int64? { entries.first?.key }

  mutating func schedule(_ item: Item, at key: Int64) {
    entries.append(Entry(key: key, seq: nextSeq, item: item))
    nextSeq += 1
    var child = entries.count - 1
    let entry = entries[child]
    while child > 0 {
      let parent = (child - 1) / 2
      guard entry.precedes(entries[parent]) else { break }
      entries[child] = entries[parent]
      child = parent
    }
    entries[child] = entry
  }

  /// Removes and returns the earliest item with its key.
  mutating func pop() -> (key: Int64, item: Item)? {
    guard let first = entries.first else { return nil }
    let last = entries.removeLast()
    if !entries.isEmpty {
      var parent = 0
      let count = entries.count
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count, entries[child + 1].precedes(entries[child]) { child += 1 }
        guard entries[child].precedes(last) else { break }
        entries[parent] = entries[child]
        parent = child
      }
      entries[parent] = last
    }
    return (first.key, first.item)
  }
}
