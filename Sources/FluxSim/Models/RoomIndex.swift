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
///
/// Every bucket's entries live in one flat array (`entries`), each bucket in a region of
/// its own, and every node's positions in another: a bucket as an array of its own, and
/// the positions as one array per index, cost two uniqueness checks of nested arrays on
/// each write (about 190 instructions a move between buckets, which almost every
/// instance placed or stopped makes). A bucket that outgrows its region moves to a larger
/// one at the end, and the array is rebuilt tight when it holds more than twice the
/// entries in use (`compact`), so memory follows the nodes indexed, not the moves made.
/// Within a bucket the order is what it always was (a removed entry's place taken by the
/// bucket's last, a new one appended): `entry(_:_:atLeast:)` ranks by it, and a host
/// search's draws with it.
struct RoomIndex {
  /// A node in a bucket and its room as last set (`HostIndex.room`), in five 32-bit
  /// words with no padding: as a vector and a number the entry took 32 bytes (a vector's
  /// 16-byte alignment), so a search read half again as many cache lines and the room
  /// and the number of an entry often lay in two (callgrind's cache simulation: most of a
  /// placement's misses were these loads).
  struct Entry {
    private var cpu, ram, hdd, slots: Int32
    var node: Int32

    init(room: SIMD4<Int32>, node: Int32) {
      (cpu, ram, hdd, slots, self.node) = (room[0], room[1], room[2], room[3], node)
    }

    var room: SIMD4<Int32> {
      get { SIMD4(cpu, ram, hdd, slots) }
      set { (cpu, ram, hdd, slots) = (newValue[0], newValue[1], newValue[2], newValue[3]) }
    }
  }

  private let steps: [Int32]
  /// Per index, the lane of the room it sorts by.
  private let lanes: [Int]
  /// Where each index's buckets start in `offsets`, `capacities` and `sizes`; the last
  /// entry is the total.
  private let starts: [Int]
  private let indexCount: Int
  /// The entries of every bucket: bucket b's are `entries[offsets[b] ..< offsets[b] +
  /// sizes[b]]`, in a region of `capacities[b]`.
  private var entries: [Entry] = []
  private var offsets: [Int]
  private var capacities: [Int32]
  private var sizes: [Int32]
  /// Each node's position in its bucket, index by index (`node × indexCount + index`), or −1.
  private var positions: [Int32] = []
  /// Entries in use, over all buckets.
  private var live = 0

  /// One index per entry of `maxValues` (free amounts up to it) sorting by the room lane
  /// of the same entry of `lanes`, each in about `resolution` buckets, fine enough to
  /// leave out the nodes that are nearly full. An instance rarely leaves a node in its
  /// bucket: a Cumulus gives apps 30 tenths of a core, so its buckets are a tenth wide,
  /// and a year of `bench forecast-apps` moves a node between buckets about 90 times for
  /// each update in place. The buckets' width also sets the order a search draws from,
  /// so a change of it changes runs.
  init(maxValues: [Int], lanes: [Int], resolution: Int = 32) {
    precondition(maxValues.count == lanes.count && lanes.allSatisfy { (0..<4).contains($0) })
    steps = maxValues.map { Int32(max(1, ($0 + resolution - 1) / resolution)) }
    self.lanes = lanes
    indexCount = lanes.count
    var starts = [0]
    for (maxValue, step) in zip(maxValues, steps) {
      starts.append(starts.last! + Int(Int32(max(0, maxValue)) / step) + 1)
    }
    self.starts = starts
    offsets = Array(repeating: 0, count: starts.last!)
    capacities = Array(repeating: 0, count: starts.last!)
    sizes = Array(repeating: 0, count: starts.last!)
  }

  /// The bucket of `value` in index `index` (a position in `sizes`).
  @inline(__always) func bucket(_ index: Int, _ value: Int32) -> Int {
    starts[index] + min(Int(max(0, value) / steps[index]), starts[index + 1] - starts[index] - 1)
  }

  /// The bucket of a node with `room` in index `index`.
  @inline(__always) func bucket(_ index: Int, room: SIMD4<Int32>) -> Int { bucket(index, room[lanes[index]]) }

  /// Adds `node`, which has `room` free, to index `index` in `b`, the bucket of `room`.
  mutating func insert(_ index: Int, _ node: Int, room: SIMD4<Int32>, bucket b: Int) {
    let slot = node * indexCount + index
    if slot >= positions.count {
      positions.append(contentsOf: repeatElement(-1, count: (node + 1) * indexCount - positions.count))
    }
    guard positions[slot] < 0 else { return }
    if sizes[b] == capacities[b] { enlarge(b) }
    positions[slot] = sizes[b]
    entries[offsets[b] + Int(sizes[b])] = Entry(room: room, node: Int32(node))
    sizes[b] += 1
    live += 1
  }

  /// Removes `node` from index `index`, where it is in bucket `b` (that of the room it
  /// was inserted or updated last with).
  mutating func remove(_ index: Int, _ node: Int, bucket b: Int) {
    guard contains(index, node) else { return }
    let slot = node * indexCount + index
    let (position, last) = (Int(positions[slot]), Int(sizes[b]) - 1)
    if position < last {
      let moved = entries[offsets[b] + last]
      entries[offsets[b] + position] = moved
      positions[Int(moved.node) * indexCount + index] = Int32(position)
    }
    positions[slot] = -1
    sizes[b] -= 1
    live -= 1
  }

  /// Records that `node` now has `room` free, in `b`, the bucket it is already in (the
  /// caller checked that the index's lane stays in it).
  mutating func update(_ index: Int, _ node: Int, room: SIMD4<Int32>, bucket b: Int) {
    guard contains(index, node) else { return }
    entries[offsets[b] + Int(positions[node * indexCount + index])].room = room
  }

  func contains(_ index: Int, _ node: Int) -> Bool {
    let slot = node * indexCount + index
    return slot < positions.count && positions[slot] >= 0
  }

  /// The room index `index` holds for `node` in the bucket of `room`, nil if it is not
  /// listed there (for the checks: a member is always in the bucket of its room).
  func storedRoom(_ index: Int, _ node: Int, bucketOf room: SIMD4<Int32>) -> SIMD4<Int32>? {
    guard contains(index, node) else { return nil }
    let (b, position) = (bucket(index, room: room), Int(positions[node * indexCount + index]))
    guard position < sizes[b], entries[offsets[b] + position].node == Int32(node) else { return nil }
    return entries[offsets[b] + position].room
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

  /// The entry of the `rank`-th of those nodes, or nil past the last (a count taken
  /// before nodes left may be larger than the count now). Its room is the node's
  /// (`HostIndex.room`), read here beside the number rather than from the node-indexed
  /// array, a load that missed the cache on most proposals of a host search (perf).
  func entry(_ index: Int, _ rank: Int, atLeast need: Int32) -> Entry? {
    var rest = rank
    for b in bucket(index, need)..<starts[index + 1] {
      if rest < Int(sizes[b]) { return entries[offsets[b] + rest] }
      rest -= Int(sizes[b])
    }
    return nil
  }

  /// Calls `body`, in the order `entry` ranks them, with each node of index `index` whose
  /// room holds `need` in every lane.
  func forEach(_ index: Int, fitting need: SIMD4<Int32>, _ body: (Int) -> Void) {
    entries.withUnsafeBufferPointer { entries in
      for b in bucket(index, room: need)..<starts[index + 1] where sizes[b] > 0 {
        for entry in entries[offsets[b]..<offsets[b] + Int(sizes[b])] where all(entry.room .>= need) {
          body(Int(entry.node))
        }
      }
    }
  }

  /// The entries stored, in use or not (for the checks: at most twice those in use, plus
  /// a few a bucket).
  var storedEntries: Int { entries.count }
  /// The entries in use.
  var liveEntries: Int { live }

  /// Gives full bucket `b` a region twice as large at the end of `entries`, or rebuilds
  /// `entries` with every bucket's region a little larger than its use when the regions
  /// given up would make the array more than twice what is in use.
  private mutating func enlarge(_ b: Int) {
    let (size, capacity) = (Int(sizes[b]), max(4, 2 * Int(capacities[b])))
    guard entries.count + capacity <= 2 * live + 8 * sizes.count else { return compact() }
    let old = offsets[b]
    offsets[b] = entries.count
    // One at a time: appending a slice of the array itself would copy the whole array.
    for position in old..<old + size { entries.append(entries[position]) }
    entries.append(contentsOf: repeatElement(Self.unused, count: capacity - size))
    capacities[b] = Int32(capacity)
  }

  /// Rebuilds `entries` with each bucket's entries in order in a region of 1.5 times its
  /// size plus 4 (so at least one free place in each).
  private mutating func compact() {
    var tight: [Entry] = []
    tight.reserveCapacity(live + live / 2 + 4 * sizes.count)
    for b in sizes.indices {
      let (size, capacity) = (Int(sizes[b]), Int(sizes[b]) + Int(sizes[b]) / 2 + 4)
      let start = tight.count
      tight.append(contentsOf: entries[offsets[b]..<offsets[b] + size])
      tight.append(contentsOf: repeatElement(Self.unused, count: capacity - size))
      (offsets[b], capacities[b]) = (start, Int32(capacity))
    }
    entries = tight
  }

  /// What fills a place no node holds.
  private static let unused = Entry(room: HostIndex.closed, node: -1)
}
