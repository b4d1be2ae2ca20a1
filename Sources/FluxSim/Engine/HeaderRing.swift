import FluxCore

/// The last few block headers, oldest first, in a fixed ring: what the difficulty rules
/// read (at most 61 headers for LWMA, 30 for PoN) without allocating per block.
///
/// The ring is stored inline (`InlineArray`), not in an `Array`: a block's header went
/// through the array's uniqueness check (a runtime call) and bounds checks every block.
/// Inline storage is copied whenever the ring is read as a value, so the per-block read,
/// `back`, is `mutating`: called on the simulation's own ring, it reads in place (as a
/// plain method on the stored property it copied all 1.5 KB every block). Callgrind,
/// `bench forecast --years 0.5`: 546.4 M → 533.9 M instructions.
struct HeaderRing: RandomAccessCollection {
  static let capacity = DifficultyParams.maxHistory
  /// Slots in `storage`: a power of two at or above `capacity`, a literal so that
  /// positions wrap with a constant mask (`capacity` is FluxCore's, opaque here: `%` by
  /// it compiled to a division on every append and read).
  private static let slots = 64
  private static let mask = slots - 1
  private var storage = InlineArray<64, BlockHeaderInfo>(repeating: BlockHeaderInfo(height: 0, time: 0, bits: 0))

  init() {
    precondition(Self.capacity <= Self.slots, "header ring of \(Self.slots) slots for \(Self.capacity) headers")
    precondition(storage.count == Self.slots, "header ring storage of \(storage.count) slots, masked as \(Self.slots)")
  }
  private var newest = -1
  private(set) var count = 0

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  /// The `index`-th header from the oldest kept.
  subscript(index: Int) -> BlockHeaderInfo {
    storage[(newest - count + 1 + index) & Self.mask]
  }

  mutating func append(_ header: BlockHeaderInfo) {
    newest = (newest + 1) & Self.mask
    storage[newest] = header
    count = Swift.min(count + 1, Self.capacity)
  }

  /// The header `distance` blocks below the tip (0 is the tip). `mutating` only so that
  /// it reads in place (see the type's comment); it changes nothing.
  mutating func back(_ distance: Int) -> BlockHeaderInfo {
    precondition(distance < count, "header ring holds \(count) headers, asked for \(distance) back")
    return storage[(newest - distance) & Self.mask]
  }
}
