import FluxCore
import Testing

@testable import FluxSim

/// The engine's priority queue: earliest key first, equal keys in the order they were
/// scheduled, checked against a plain sorted list.
@Suite struct EventQueueTests {
  @Test func emptyQueueHasNothingToPop() {
    var queue = EventQueue<Int>()
    #expect(queue.isEmpty && queue.count == 0 && queue.peekKey == nil)
    #expect(queue.pop() == nil)
    queue.schedule(1, at: 5)
    #expect(queue.pop()! == (5, 1))
    #expect(queue.pop() == nil && queue.isEmpty)
  }

  @Test func equalKeysPopInSchedulingOrder() {
    var queue = EventQueue<String>()
    for (item, key) in [("a", 7), ("b", 3), ("c", 7), ("d", 3), ("e", 7), ("f", -1), ("g", 3)] {
      queue.schedule(item, at: Int64(key))
    }
    var popped: [String] = []
    while let (_, item) = queue.pop() { popped.append(item) }
    #expect(popped == ["f", "b", "d", "g", "a", "c", "e"])
  }

  @Test func extremeKeysOrderLikeAnyOther() {
    var queue = EventQueue<Int>()
    for (item, key) in [Int64.max, 0, .min, .max, .min].enumerated() { queue.schedule(item, at: key) }
    var popped: [Int] = []
    while let (_, item) = queue.pop() { popped.append(item) }
    #expect(popped == [2, 4, 1, 0, 3])
  }

  /// Random schedules and pops, keys from a small range so that ties are common: every
  /// pop gives what a list sorted by (key, order of scheduling) gives.
  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func matchesASortedList(seed: UInt64) {
    var state = seed
    var queue = EventQueue<Int>()
    var reference: [(key: Int64, item: Int)] = []
    var scheduled = 0
    for _ in 0..<20_000 {
      if splitMix64(&state) % 3 != 0 || reference.isEmpty {
        let key = Int64(splitMix64(&state) % 50)
        queue.schedule(scheduled, at: key)
        // After the last entry with a key ≤ this one: stable, so ties keep scheduling order.
        let place = reference.lastIndex { $0.key <= key }.map { $0 + 1 } ?? 0
        reference.insert((key, scheduled), at: place)
        scheduled += 1
      } else {
        let expected = reference.removeFirst()
        #expect(queue.peekKey == expected.key)
        let popped = queue.pop()
        #expect(popped?.key == expected.key && popped?.item == expected.item, "seed \(seed)")
      }
      #expect(queue.count == reference.count)
    }
    while let popped = queue.pop() {
      let expected = reference.removeFirst()
      #expect(popped.key == expected.key && popped.item == expected.item)
    }
    #expect(reference.isEmpty)
  }
}
