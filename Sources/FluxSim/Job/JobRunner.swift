import Dispatch
import Foundation

/// Runs many jobs on parallel Dispatch workers and returns their results in job order.
///
/// Workers take the next job index from a shared counter; each result is stored at its
/// index, so the output never depends on which worker ran what or in which order jobs
/// finished. A job's result depends only on its `JobConfig` (seed included).
public enum JobRunner {
  /// Progress after each finished job.
  public struct Progress: Sendable {
    public var done: Int
    public var total: Int
    /// Blocks simulated by the finished jobs.
    public var blocks: Int
    /// Wall-clock seconds since the start.
    public var elapsed: Double
  }

  /// Runs `configs` on `workers` threads (at least 1) and returns the results by index.
  public static func run(
    _ configs: [JobConfig], workers: Int, progress: (@Sendable (Progress) -> Void)? = nil
  ) -> [JobResult] {
    let store = ResultStore(count: configs.count)
    let started = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, configs.count))) { _ in
      while let index = store.claim() {
        let result = runJob(configs[index])
        let (done, blocks) = store.put(result, at: index)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        progress?(Progress(done: done, total: configs.count, blocks: blocks, elapsed: elapsed))
      }
    }
    return store.results()
  }
}

/// The shared job counter and result slots, behind one lock.
private final class ResultStore: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [JobResult?]
  private var next = 0
  private var done = 0
  private var blocks = 0

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The next job index to run, or nil when all are taken.
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func put(_ result: JobResult, at index: Int) -> (done: Int, blocks: Int) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = result
    done += 1
    blocks += result.blocks
    return (done, blocks)
  }

  func results() -> [JobResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
