/// The open nodes of one tier with room for an instance, grouped by how much of one
/// resource (CPU, RAM or disk) they have free, so that a host search looks only at
/// nodes with enough of it. A superset of the nodes that fit, never a subset: a node
/// is in bucket ⌊free / step⌋ and a need of n looks from bucket ⌊n / step⌋ up.
///
/// One position per node (a node is in at most one bucket), so the index costs a few
/// bytes per node whatever the number of buckets.
struct RoomIndex {
  private var buckets: [[Int32]]
  /// The buckets' sizes side by side: counting reads these few cache lines instead of
  /// every bucket's header (measured: the counts were most of a search's time).
  private var sizes: [Int32]
  private let step: Int32
  /// Each node's position in its bucket, or −1.
  private var positions: [Int32] = []
  private(set) var count = 0

  /// An index of free amounts up to `maxValue` in about `resolution` buckets: coarse
  /// enough that most instances leave a node in its bucket (no index work at all),
  /// fine enough to leave out the nodes that are nearly full.
  init(maxValue: Int, resolution: Int = 32) {
    step = Int32(max(1, (maxValue + resolution - 1) / resolution))
    buckets = Array(repeating: [], count: Int(Int32(max(0, maxValue)) / step) + 1)
    sizes = Array(repeating: 0, count: buckets.count)
  }

  @inline(__always) func bucket(_ value: Int32) -> Int { min(Int(max(0, value) / step), buckets.count - 1) }

  /// Adds `node`, which has `value` free.
  mutating func insert(_ node: Int, value: Int32) {
    if node >= positions.count { positions.append(contentsOf: repeatElement(-1, count: node + 1 - positions.count)) }
    guard positions[node] < 0 else { return }
    let b = bucket(value)
    positions[node] = Int32(buckets[b].count)
    buckets[b].append(Int32(node))
    sizes[b] += 1
    count += 1
  }

  /// Removes `node`, which was inserted with `value` free.
  mutating func remove(_ node: Int, value: Int32) {
    guard contains(node) else { return }
    let b = bucket(value)
    let position = Int(positions[node])
    let moved = buckets[b].removeLast()
    if position < buckets[b].count {
      buckets[b][position] = moved
      positions[Int(moved)] = Int32(position)
    }
    positions[node] = -1
    sizes[b] -= 1
    count -= 1
  }

  func contains(_ node: Int) -> Bool { node < positions.count && positions[node] >= 0 }

  /// Nodes that may have `need` free (all that do, and some of its own bucket that do not).
  func count(atLeast need: Int32) -> Int {
    var total = 0
    for b in bucket(need)..<sizes.count { total += Int(sizes[b]) }
    return total
  }

  /// The `index`-th node of those, or nil past the last (a count taken before nodes
  /// left may be larger than the count now).
  func node(_ index: Int, atLeast need: Int32) -> Int? {
    var rest = index
    for b in bucket(need)..<sizes.count {
      if rest < Int(sizes[b]) { return Int(buckets[b][rest]) }
      rest -= Int(sizes[b])
    }
    return nil
  }

  /// Calls `body` with each of those nodes.
  func forEach(atLeast need: Int32, _ body: (Int) -> Void) {
    for b in bucket(need)..<buckets.count {
      for node in buckets[b] { body(Int(node)) }
    }
  }
}
