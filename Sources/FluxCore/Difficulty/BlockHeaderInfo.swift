/// The fields of a block header that the difficulty rules read.
///
/// The rules take the most recent headers as any random-access collection in ascending
/// height order, ending at the parent (the tip) of the block being made, as fluxd walks
/// `pindexLast->pprev` and `GetAncestor` (flux-rules.md §5). `requiredHistoryCount(forHeight:)`
/// says how many each height needs; a shorter history stops with a precondition failure
/// unless it reaches back to genesis.
public struct BlockHeaderInfo: Sendable, Equatable {
  /// The block's height.
  public var height: Int
  /// The block's timestamp (`nTime`, Unix seconds).
  public var time: Int64
  /// The block's compact target (`nBits`).
  public var bits: UInt32

  public init(height: Int, time: Int64, bits: UInt32) {
    self.height = height
    self.time = time
    self.bits = bits
  }

  /// The block's target, decoded from `bits` as the rules do (flags ignored).
  public var target: UInt256 { UInt256(compact: bits) }
}

extension RandomAccessCollection where Element == BlockHeaderInfo {
  /// The header at `height`, found by its distance from the last header (the tip).
  ///
  /// - Precondition: the collection holds `height` and its heights are consecutive.
  func header(at height: Int) -> BlockHeaderInfo {
    guard let tip = last else { preconditionFailure("empty difficulty history") }
    let distance = tip.height - height
    precondition(distance >= 0 && distance < count, "difficulty history lacks height \(height)")
    let header = self[index(endIndex, offsetBy: -1 - distance)]
    precondition(header.height == height, "difficulty history heights are not consecutive")
    return header
  }
}

extension ChainParams {
  /// The median time past of block `height`: the median of the times of the
  /// `medianTimeSpan` (11) blocks ending at it, or of all blocks down to genesis when
  /// there are fewer (`CBlockIndex::GetMedianTimePast`: element `count / 2` of the sorted times).
  ///
  /// - Parameters:
  ///   - height: the block whose median time past is wanted.
  ///   - history: headers in ascending order holding `height` and the blocks before it.
  public func medianTimePast(at height: Int, history: some RandomAccessCollection<BlockHeaderInfo>) -> Int64 {
    let first = max(0, height - difficulty.medianTimeSpan + 1)
    let times = (first...height).map { history.header(at: $0).time }.sorted()
    return times[times.count / 2]
  }
}
