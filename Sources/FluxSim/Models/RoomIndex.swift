/// The open nodes with room for an instance, grouped — per index, one index per tier and
/// resource — by how much of that resource they have free, so that a host search looks
/// only at nodes with enough of it. A superset of the nodes that fit, never a subset: a
/// node is in bucket ⌊free / step⌋ and a need of n looks from bucket ⌊n / step⌋ up.
///
/// The bucket sizes of all indexes sit side by side in one small array: a search counts
/// its candidates in every index of its tiers, and reading a few hot cache lines there
/// (rather than each bucket's own header) is what made searches cheap (measured with
/// perf). One position per node and index, so memory does not grow with the buckets.
///
/// Each entry keeps a copy of its node's whole room beside its number, so the exhaustive
/// host search filters a bucket by reading it in order instead of loading every node's
/// room from the node-indexed array (most candidates of a nearly full tier fail on
/// another resource than the index's; those loads were most of a placement's time).
struct RoomIndex {
  /// A node in a bucket and its room as last set (`HostIndex.room`).
  struct Entry {
    var room: SIMD4<Int32>
    var node: Int32
  }

  private let steps: [Int32]
  /// Per index, the lane of the room it sorts by.
  private let lanes: [Int]
  /// Where each index's buckets start in `buckets` and `sizes`; the last entry is the total.
  private let starts: [Int]
  private var buckets: [[Entry]]
  private var sizes: [Int32]
  /// Per index, each node's position in its bucket, or −1.
  private var positions: [[Int32]]

  /// One index per entry of `maxValues` (free amounts up to it) sorting by the room lane
  /// of the same entry of `lanes`, each in about `resolution` buckets: coarse enough that
  /// most instances leave a node in its bucket (no index work but the copy of its room),
  /// fine enough to leave out the nodes that are nearly full.
  init(maxValues: [Int], lanes: [Int], resolution: Int = 32) {
    precondition(maxValues.count == lanes.count && lanes.allSatisfy { (0..<4).contains($0) })
    steps = maxValues.map { Int32(max(1, ($0 + resolution - 1) / resolution)) }
    self.lanes = lanes
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

  /// The bucket of a node with `room` in index `index`.
  @inline(__always) func bucket(_ index: Int, room: SIMD4<Int32>) -> Int { bucket(index, room[lanes[index]]) }

  /// Adds `node`, which has `room` free, to index `index`.
  mutating func insert(_ index: Int, _ node: Int, room: SIMD4<Int32>) {
    if node >= positions[index].count {
      positions[index].append(contentsOf: repeatElement(-1, count: node + 1 - positions[index].count))
    }
    guard positions[index][node] < 0 else { return }
    let b = bucket(index, room: room)
    positions[index][node] = Int32(buckets[b].count)
    buckets[b].append(Entry(room: room, node: Int32(node)))
    sizes[b] += 1
  }

  /// Removes `node`, which was inserted or updated last with `room` free, from index `index`.
  mutating func remove(_ index: Int, _ node: Int, room: SIMD4<Int32>) {
    guard contains(index, node) else { return }
    let b = bucket(index, room: room)
    let position = Int(positions[index][node])
    let moved = buckets[b].removeLast()
    if position < buckets[b].count {
      buckets[b][position] = moved
      positions[index][Int(moved.node)] = Int32(position)
    }
    positions[index][node] = -1
    sizes[b] -= 1
  }

  /// Records that `node` now has `room` free, in the bucket it is already in (the caller
  /// checked that the index's lane stays in it).
  mutating func update(_ index: Int, _ node: Int, room: SIMD4<Int32>) {
    guard contains(index, node) else { return }
    buckets[bucket(index, room: room)][Int(positions[index][node])].room = room
  }

  func contains(_ index: Int, _ node: Int) -> Bool {
    node < positions[index].count && positions[index][node] >= 0
  }

  /// The room index `index` holds for `node` in the bucket of `room`, nil if it is not
  /// listed there (for the checks: a member is always in the bucket of its room).
  func storedRoom(_ index: Int, _ node: Int, bucketOf room: SIMD4<Int32>) -> SIMD4<Int32>? {
    guard contains(index, node) else { return nil }
    let (b, position) = (bucket(index, room: room), Int(positions[index][node]))
    guard position < buckets[b].count, buckets[b][position].node == Int32(node) else { return nil }
    return buckets[b][position].room
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
      if rest < Int(sizes[b]) { return Int(buckets[b][rest].node) }
      rest -= Int(sizes[b])
    }
    return nil
  }

  /// Calls `body`, in the order `node` ranks them, with each node of index `index` whose
  /// room holds `need` in every lane.
  func forEach(_ index: Int, fitting need: SIMD4<Int32>, _ body: (Int) -> Void) {
    // Empty buckets are passed on their size alone: their headers are a cache miss each.
    for b in bucket(index, room: need)..<starts[index + 1] where sizes[b] > 0 {
      buckets[b].withUnsafeBufferPointer { entries in
        for entry in entries where all(entry.room .>= need) { body(Int(entry.node)) }
      }
    }
  }
}
