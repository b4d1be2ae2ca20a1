/// A multiset of integers kept as value → count.
///
/// For the incomes of nodes gone from the fleet (`Fleet.formerIncomes`): a node's income
/// is a number of payments of its tier's reward, which stays the same for a year or
/// more, so many former nodes share a value and the tally grows with the distinct
/// values rather than with the nodes (about two million in 20 years of heavy churn).
///
/// An open-addressing table of its own rather than a `Dictionary`: `Dictionary` hashes
/// every key with seeded SipHash, about 220 instructions a former node in the heavy-churn
/// model (callgrind), where one multiplication spreads these keys well (Fibonacci
/// hashing: the top bits of the value times 2^64/φ) and linear probing finds them. Only
/// `runs()` and `sum` read the table, and neither depends on its order.
struct Tally {
  /// Slots: a value and its count; a count of 0 marks an empty slot. A power of two at
  /// most three quarters full, so a probe always ends.
  private var values: [Int64] = []
  private var counts: [Int] = []
  /// 64 − log2(slots): the home slot of a value is its hash's top bits.
  private var shift: UInt64 = 64
  /// Slots in use (distinct values).
  private var distinct = 0
  /// Values counted, repeats included.
  private(set) var count = 0

  /// Counts `value` once more.
  mutating func add(_ value: Int64) {
    if (distinct + 1) * 4 > values.count * 3 { grow() }
    let mask = values.count - 1
    var slot = home(of: value)
    while counts[slot] != 0, values[slot] != value { slot = (slot + 1) & mask }
    if counts[slot] == 0 {
      values[slot] = value
      distinct += 1
    }
    counts[slot] += 1
    count += 1
  }

  /// The sum of the values counted (wrapping, as the ledger's own sums do).
  var sum: Int64 {
    zip(values, counts).reduce(0) { $0 &+ $1.0 &* Int64($1.1) }
  }

  /// The distinct values in ascending order, each with its count.
  func runs() -> [(value: Int64, count: Int)] {
    zip(values, counts).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }.map { (value: $0.0, count: $0.1) }
  }

  /// The slot a probe for `value` starts at.
  @inline(__always) private func home(of value: Int64) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: value) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Doubles the slots (16 at first) and places every value again.
  private mutating func grow() {
    let old = zip(values, counts).filter { $0.1 > 0 }
    let slots = Swift.max(16, values.count * 2)
    values = Array(repeating: 0, count: slots)
    counts = Array(repeating: 0, count: slots)
    shift = UInt64(64 - slots.trailingZeroBitCount)
    let mask = slots - 1
    for (value, count) in old {
      var slot = home(of: value)
      while counts[slot] != 0 { slot = (slot + 1) & mask }
      values[slot] = value
      counts[slot] = count
    }
  }
}
