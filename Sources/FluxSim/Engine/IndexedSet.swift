/// A set of small non-negative integers with O(1) insert, remove, membership and
/// uniform random choice: a dense array plus each member's position in it.
///
/// Used for "online confirmed nodes" (a PoN producer is uniform among them) and for
/// "active nodes of a tier" (churn exits pick one at random).
struct IndexedSet {
  private(set) var members: [Int32] = []
  private var positions: [Int32] = []

  var count: Int { members.count }

  func contains(_ value: Int) -> Bool { value < positions.count && positions[value] >= 0 }

  mutating func insert(_ value: Int) {
    // One more slot is the usual growth (a new node): a plain append rather than
    // appending a repeated element (callgrind, four heavy-churn jobs: the inserts 20.3 M
    // → 14.8 M instructions).
    if value == positions.count {
      positions.append(-1)
    } else if value > positions.count {
      positions.append(contentsOf: repeatElement(-1, count: value + 1 - positions.count))
    }
    guard positions[value] < 0 else { return }
    positions[value] = Int32(members.count)
    members.append(Int32(value))
  }

  mutating func remove(_ value: Int) {
    guard contains(value) else { return }
    let position = Int(positions[value])
    let moved = members.removeLast()
    if position < members.count {
      members[position] = moved
      positions[Int(moved)] = Int32(position)
    }
    positions[value] = -1
  }

  /// The member at `index` (0 ..< count) in the set's internal order, which depends only
  /// on the sequence of inserts and removes (so random choice stays deterministic).
  subscript(index: Int) -> Int { Int(members[index]) }
}
