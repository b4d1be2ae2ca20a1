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

  /// The earliest item, or nil when empty.
  var peekItem: Item? { entries.first?.item }

  mutating func schedule(_ item: Item, at key: Int64) {
    let entry = Entry(key: key, seq: nextSeq, item: item)
    nextSeq += 1
    entries.append(entry)
    entries.withUnsafeMutableBufferPointer { heap in
      var child = heap.count - 1
      while child > 0 {
        let parent = (child &- 1) &>> 1
        guard entry.precedes(heap[parent]) else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = entry
    }
  }

  /// Removes and returns the earliest item with its key.
  ///
  /// The hole left at the root goes down to a leaf along the earlier child, and the last
  /// entry, which belongs near the bottom, rises from there (Floyd's variant: about one
  /// comparison a level rather than two). `(key, seq)` is a strict total order, so the
  /// items come out in the same order whatever the heap's shape. Through the buffer and
  /// with wrapping index arithmetic (indexes stay below the count): no bounds,
  /// uniqueness or overflow check a level (measured with callgrind).
  mutating func pop() -> (key: Int64, item: Item)? {
    guard let first = entries.first else { return nil }
    let last = entries.removeLast()
    entries.withUnsafeMutableBufferPointer { heap in
      let count = heap.count
      guard count > 0 else { return }
      var hole = 0
      while true {
        var child = hole &<< 1 &+ 1
        if child >= count { break }
        if child &+ 1 < count, heap[child &+ 1].precedes(heap[child]) { child &+= 1 }
        heap[hole] = heap[child]
        hole = child
      }
      while hole > 0 {
        let parent = (hole &- 1) &>> 1
        guard last.precedes(heap[parent]) else { break }
        heap[hole] = heap[parent]
        hole = parent
      }
      heap[hole] = last
    }
    return (first.key, first.item)
  }
}
