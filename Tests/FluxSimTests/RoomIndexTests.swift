import FluxCore
import Testing

@testable import FluxSim

/// The room index against plain lists: counts and ranks of the nodes with at least a
/// given amount free, and the nodes whose whole room holds a need, in two indexes side
/// by side (sorting by different lanes), through random inserts, removes and updates
/// made as `HostIndex.setRoom` makes them; and the order within each bucket against a
/// list per bucket (a removed node's place taken by the bucket's last, a new one
/// appended), the order a host search's draws depend on, through the moves and
/// rebuilds of the flat storage, which stays within twice the entries in use.
@Suite struct RoomIndexTests {
  @Test func countsRanksAndFitsMatchPlainLists() {
    let lanes = [0, 1]
    let maxValues: [UInt64] = [150, 5_000]
    var index = RoomIndex(maxValues: maxValues.map(Int.init), lanes: lanes, resolution: 32)
    var rooms: [[Int: SIMD4<Int32>]] = [[:], [:]]
    // Per index, per bucket: its nodes in order, as a list of its own would hold them.
    var lists: [[Int: [Int]]] = [[:], [:]]
    func listRemove(_ which: Int, _ node: Int, _ room: SIMD4<Int32>) {
      let b = index.bucket(which, room[lanes[which]])
      let position = lists[which][b]!.firstIndex(of: node)!
      let last = lists[which][b]!.removeLast()
      if position < lists[which][b]!.count { lists[which][b]![position] = last }
    }
    func listInsert(_ which: Int, _ node: Int, _ room: SIMD4<Int32>) {
      lists[which][index.bucket(which, room[lanes[which]]), default: []].append(node)
    }
    var (peakLive, shrinks, stored) = (0, 0, 0)
    var state: UInt64 = 7
    func draw() -> SIMD4<Int32> {
      SIMD4(
        Int32(splitMix64(&state) % (maxValues[0] + 1)), Int32(splitMix64(&state) % (maxValues[1] + 1)),
        Int32(splitMix64(&state) % 100), Int32(splitMix64(&state) % 10))
    }
    for _ in 0..<3_000 {
      let which = Int(splitMix64(&state) % 2)
      let lane = lanes[which]
      let node = Int(splitMix64(&state) % 200)
      if let old = rooms[which][node] {
        if splitMix64(&state) % 2 == 0 {
          index.remove(which, node, bucket: index.bucket(which, room: old))
          listRemove(which, node, old)
          rooms[which][node] = nil
        } else {
          // A new room: kept in place when its lane stays in the bucket, else moved.
          let new = draw()
          if index.bucket(which, old[lane]) == index.bucket(which, new[lane]) {
            index.update(which, node, room: new, bucket: index.bucket(which, room: new))
          } else {
            index.remove(which, node, bucket: index.bucket(which, room: old))
            index.insert(which, node, room: new, bucket: index.bucket(which, room: new))
            listRemove(which, node, old)
            listInsert(which, node, new)
          }
          rooms[which][node] = new
        }
      } else {
        let room = draw()
        index.insert(which, node, room: room, bucket: index.bucket(which, room: room))
        listInsert(which, node, room)
        rooms[which][node] = room
      }
      peakLive = max(peakLive, index.liveEntries)
      #expect(index.liveEntries == rooms[0].count + rooms[1].count)
      // Twice the peak in use plus 8 a bucket: ⌊maxValue / ⌈maxValue / 32⌉⌋ + 1 buckets
      // an index, ⌊150 / 5⌋ + 1 = 31 and ⌊5,000 / 157⌋ + 1 = 32.
      #expect(index.storedEntries <= 2 * peakLive + 8 * (31 + 32))
      if index.storedEntries < stored { shrinks += 1 }
      stored = index.storedEntries
      let need = draw()
      // The index may include nodes of the need's own bucket that have less (a
      // superset), never leave out one that has enough.
      let count = index.count(which, atLeast: need[lane])
      let ranked = (0..<count).compactMap { index.entry(which, $0, atLeast: need[lane]).map { Int($0.node) } }
      #expect(ranked.count == count && Set(ranked).count == count)
      // Each entry carries its node's room as last set.
      #expect(
        ranked.indices.allSatisfy { index.entry(which, $0, atLeast: need[lane])?.room == rooms[which][ranked[$0]] })
      let needBucket = index.bucket(which, need[lane])
      #expect(ranked == lists[which].keys.sorted().filter { $0 >= needBucket }.flatMap { lists[which][$0]! })
      #expect(index.entry(which, count, atLeast: need[lane]) == nil)
      let enough = Set(rooms[which].filter { $0.value[lane] >= need[lane] }.map(\.key))
      #expect(enough.isSubset(of: Set(ranked)))
      #expect(ranked.allSatisfy { index.bucket(which, rooms[which][$0]![lane]) >= index.bucket(which, need[lane]) })
      // The nodes whose room holds the need in every lane, in rank order.
      var fitting: [Int] = []
      index.forEach(which, fitting: need) { fitting.append($0) }
      #expect(fitting == ranked.filter { all(rooms[which][$0]! .>= need) })
      #expect(rooms[which].allSatisfy { index.storedRoom(which, $0.key, bucketOf: $0.value) == $0.value })
    }
    // The storage was rebuilt tighter at least once (buckets outgrew their regions).
    #expect(shrinks > 0)
  }

  /// An entry is its room's four lanes and its node's number in 20 bytes (five 32-bit
  /// words, no padding), and reads back what it was given, each lane in its place.
  @Test func entriesArePackedAndKeepEveryLane() {
    #expect(MemoryLayout<RoomIndex.Entry>.stride == 5 * MemoryLayout<Int32>.size)
    var entry = RoomIndex.Entry(room: SIMD4(1, -2, Int32.max, Int32.min), node: 7)
    #expect(entry.room == SIMD4(1, -2, Int32.max, Int32.min) && entry.node == 7)
    entry.room = SIMD4(-1, 30, 40, 200)
    #expect(entry.room == SIMD4(-1, 30, 40, 200) && entry.node == 7)
  }
}
