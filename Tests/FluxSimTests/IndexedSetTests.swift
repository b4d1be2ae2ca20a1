import FluxCore
import Testing

@testable import FluxSim

/// The set the engine draws random nodes from, checked against `Set<Int>`.
@Suite struct IndexedSetTests {
  func members(_ set: IndexedSet) -> [Int] { (0..<set.count).map { set[$0] } }

  @Test func emptySetHoldsNothing() {
    let set = IndexedSet()
    #expect(set.count == 0)
    #expect(!set.contains(0) && !set.contains(1_000_000))
  }

  @Test func insertingTwiceAndRemovingAbsentValuesChangeNothing() {
    var set = IndexedSet()
    set.insert(5)
    set.insert(5)
    set.remove(3)
    set.remove(1_000)
    #expect(members(set) == [5])
  }

  @Test func removingTheLastMemberAndTheOnlyOne() {
    var set = IndexedSet()
    for value in [4, 9, 2] { set.insert(value) }
    set.remove(2)
    #expect(members(set) == [4, 9])
    set.remove(4)
    #expect(members(set) == [9])
    set.remove(9)
    #expect(set.count == 0 && !set.contains(9))
    set.insert(9)
    #expect(members(set) == [9])
  }

  @Test func removingFromTheMiddleMovesTheLastIntoItsPlace() {
    var set = IndexedSet()
    for value in [10, 20, 30, 40] { set.insert(value) }
    set.remove(20)
    #expect(members(set) == [10, 40, 30])
    #expect(set.contains(40) && !set.contains(20))
  }

  /// Random inserts and removes: the same members as a `Set<Int>`, and the same order for
  /// the same sequence of operations (random choice depends on it).
  @Test(arguments: [1, 2, 3] as [UInt64])
  func matchesASet(seed: UInt64) {
    func run() -> (IndexedSet, Set<Int>) {
      var state = seed
      var set = IndexedSet()
      var reference = Set<Int>()
      for _ in 0..<20_000 {
        let value = Int(splitMix64(&state) % 300)
        if splitMix64(&state) % 2 == 0 {
          set.insert(value)
          reference.insert(value)
        } else {
          set.remove(value)
          reference.remove(value)
        }
        #expect(set.count == reference.count)
        #expect(set.contains(value) == reference.contains(value))
      }
      return (set, reference)
    }
    let (set, reference) = run()
    #expect(Set(members(set)) == reference && members(set).count == reference.count)
    #expect((0..<400).allSatisfy { set.contains($0) == reference.contains($0) })
    #expect(members(run().0) == members(set))
  }
}
