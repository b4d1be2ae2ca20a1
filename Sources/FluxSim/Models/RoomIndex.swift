/// The open nodes with room for an instance, grouped — per index, one index per tier and
/// resource — by how much of that resource they have free, so that a host search looks
/// only at nodes with enough of it. A superset of the nodes that fit, never a subset: a
/// node is in bucket ⌊free / step⌋ and a need of n looks from bucket ⌊n / step⌋ up.
///
/// The bucket sizes of all indexes sit side by side in one small array: a search counts
/// its candidates in every index of its tiers, and reading a few hot cache lines there
/// (rather than each bucket's own header) is what made searches cheap (measured with
/// perf). One position per node and index, so memory does not grow with the buckets.
struct RoomIndex {
  private let steps: [Int32]
  /// Where each index's buckets start in `buckets` and `sizes`; the last entry is the total.
  private let starts: [Int]
  private var buckets: [[Int32]]
  private var sizes: [Int32]
  /// Per index, each node's position in its bucket, or −1.
  private var positions: [[Int32]]

  /// One index per entry of `maxValues` (free amounts up to it), each in about
  /// `resolution` buckets: coarse enough that most instances leave a node in its bucket
  /// (no index work at all), fine enough to leave out the nodes that are nearly full.
  init(maxValues: [Int], resolution: Int = 32) {
    steps = maxValues.map { Int32(max(1, ($0 + resolution - 1) / resolution)) }
    var starts = [0]
    for (maxValue, step) in zip(maxValues, steps) {
      starts.append(starts.last! + Int(Int32(max(0, maxValue)) / step) + 1)
    }
    self.starts = starts
    buckets = Array(repeating: [], count: starts.last!)
    sizes = Array(repeating: 0, count: starts.last!)
    positions = Array(repeating: [], count: maxValues.count)
  }

  /// The bucket of `value` in index `index` (a position in `buckets`).
  @inline(__always) func bucket(_ index: Int, _ value: Int32) -> Int {
    starts[index] + min(Int(max(0, value) / steps[index]), starts[index + 1] - starts[index] - 1)
  }

  /// Adds `node`, which has `value` free, to index `index`.
  mutating func insert(_ index: Int, _ node: Int, value: Int32) {
    if node >= positions[index].count {
      positions[index].append(contentsOf: repeatElement(-1, count: node + 1 - positions[index].count))
    }
    guard positions[index][node] < 0 else { return }
    let b = bucket(index, value)
    positions[index][node] = Int32(buckets[b].count)
    buckets[b].append(Int32(node))
    sizes[b] += 1
  }

  /// Removes `node`, which was inserted with `value` free, from index `index`.
  mutating func remove(_ index: Int, _ node: Int, value: Int32) {
    guard contains(index, node) else { return }
    let b = bucket(index, value)
    let position = Int(positions[index][node])
    let moved = buckets[b].removeLast()
    if position < buckets[b].count {
      buckets[b][position] = moved
      positions[index][Int(moved)] = Int32(position)
    }
    positions[index][node] = -1
    sizes[b] -= 1
  }

  func contains(_ index: Int, _ node: Int) -> Bool {
    node < positions[index].count && positions[index][node] >= 0
  }

  /// Nodes of index `index` that may have `need` free (all that do, and some of its own
  /// bucket that do not).
  func count(_ index: Int, atLeast need: Int32) -> Int {
    let range = bucket(index, need)..<starts[index + 1]
    return sizes.withUnsafeBufferPointer { sizes in
      var total: Int32 = 0
      for b in range { total &+= sizes[b] }
      return Int(total)
    }
  }

  /// The `rank`-th of those nodes, or nil past the last (a count taken before nodes
  /// left may be larger than the count now).
  func node(_ index: Int, _ rank: Int, atLeast need: Int32) -> Int? {
    var rest = rank
    for b in bucket(index, need)..<starts[index + 1] {
      if rest < Int(sizes[b]) { return Int(buckets[b][rest]) }
      rest -= Int(sizes[b])
    }
    return nil
  }

  /// Calls `body` with each of those nodes.
  func forEach(_ index: Int, atLeast need: Int32, _ body: (Int) -> Void) {
    for b in bucket(index, need)..<starts[index + 1] {
      for node in buckets[b] { body(Int(node)) }
    }
  }
}
