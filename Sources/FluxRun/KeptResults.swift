import FluxSim
import Foundation

/// The results of the jobs a run ran itself, kept as they were delivered (up to a budget of
/// their job files' bytes), so that writing the outputs needs neither to read those files
/// back nor to decode them: they are the values the workers produced. Filled from any
/// worker, behind one lock.
public final class KeptResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Int: JobResult] = [:]
  private var bytes = 0
  private let budget: Int

  public init(budget: Int = DirectoryResults.heldBytes) { self.budget = budget }

  /// Keeps job `index`'s result, stored in a file of `size` bytes, if the budget allows.
  public func keep(_ index: Int, _ result: JobResult, size: Int) {
    lock.withLock {
      guard bytes + size <= budget else { return }
      bytes += size
      results[index] = result
    }
  }

  /// The results kept, and what the budget has left for results read from files.
  public var contents: (results: [Int: JobResult], remaining: Int) {
    lock.withLock { (results, budget - bytes) }
  }
}
