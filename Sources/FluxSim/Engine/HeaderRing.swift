import FluxCore

/// The last few block headers, oldest first, in a fixed ring: what the difficulty rules
/// read (at most 61 headers for LWMA, 30 for PoN) without allocating per block.
struct HeaderRing: RandomAccessCollection {
  static let capacity = DifficultyParams.maxHistory
  private var storage = [BlockHeaderInfo](repeating: BlockHeaderInfo(height: 0, time: 0, bits: 0), count: capacity)
  private var newest = -1
  private(set) var count = 0

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  /// The `index`-th header from the oldest kept.
  subscript(index: Int) -> BlockHeaderInfo {
    storage[(newest - count + 1 + index + Self.capacity) % Self.capacity]
  }

  mutating func append(_ header: BlockHeaderInfo) {
    newest = (newest + 1) % Self.capacity
    storage[newest] = header
    count = Swift.min(count + 1, Self.capacity)
  }

  /// The header `distance` blocks below the tip (0 is the tip).
  func back(_ distance: Int) -> BlockHeaderInfo {
    precondition(distance < count, "header ring holds \(count) headers, asked for \(distance) back")
    return storage[(newest - distance + Self.capacity) % Self.capacity]
  }
}
