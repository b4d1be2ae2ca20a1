import FluxCore
import Testing

@testable import FluxSim

/// The last headers the difficulty rules read, checked against the suffix of a plain list.
@Suite struct HeaderRingTests {
  func header(_ height: Int) -> BlockHeaderInfo {
    BlockHeaderInfo(height: height, time: 1_000 + Int64(height) * 30, bits: UInt32(truncatingIfNeeded: height))
  }

  @Test func emptyRingHoldsNothing() {
    let ring = HeaderRing()
    #expect(ring.isEmpty && ring.count == 0 && ring.startIndex == ring.endIndex)
    #expect(Array(ring) == [])
  }

  @Test func aFewHeadersOldestFirst() {
    var ring = HeaderRing()
    for height in 0..<3 { ring.append(header(height)) }
    #expect(Array(ring) == [header(0), header(1), header(2)])
    #expect(ring.back(0) == header(2) && ring.back(2) == header(0))
  }

  /// Every length from empty to past several wrap-arounds: the ring holds the last
  /// `capacity` headers, oldest first, and `back(d)` is `d` below the tip.
  @Test func keepsTheLastCapacityHeadersThroughWrapArounds() {
    var ring = HeaderRing()
    var all: [BlockHeaderInfo] = []
    for height in 0..<(HeaderRing.capacity * 3 + 5) {
      ring.append(header(height))
      all.append(header(height))
      let kept = Array(all.suffix(HeaderRing.capacity))
      #expect(Array(ring) == kept, "after \(all.count) headers")
      #expect(ring.count == kept.count)
      #expect((0..<ring.count).allSatisfy { ring.back($0) == kept[kept.count - 1 - $0] })
    }
  }
}
