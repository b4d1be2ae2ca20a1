/// `K/N`: a shard of a run, the jobs whose index ≡ K (mod N). Reading it from a command
/// line is the CLI's (`ShardSpec.parse`).
public struct ShardSpec: Equatable, Sendable {
  public let index: Int
  public let count: Int

  /// Shards a run may be split into: more than its jobs would leave shards empty, and a
  /// run has at most a million jobs.
  public static let maxCount = 1_000_000

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  public var text: String { "\(index)/\(count)" }

  public func contains(_ job: Int) -> Bool { job % count == index }
}
