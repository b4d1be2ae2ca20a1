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
    // Storing a result cannot fail, so neither can the run.
    try? stream(
      Array(configs.indices), configs: { configs[$0] }, workers: workers, deliver: store.put, progress: progress)
    return store.results()
  }

  /// Runs the jobs `indices` of `configs` and hands each result to `deliver` as it is
  /// done, keeping none: a run of any number of jobs needs memory for `workers` jobs.
  /// The first error `deliver` throws stops the run (jobs already started finish) and is
  /// rethrown.
  public static func stream(
    _ indices: [Int], configs: @Sendable (Int) -> JobConfig, workers: Int,
    deliver: @Sendable (Int, JobResult) throws -> Void, progress: (@Sendable (Progress) -> Void)? = nil
  ) throws {
    let queue = StreamState(total: indices.count)
    let started = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, indices.count))) { _ in
      while let position = queue.claim() {
        let index = indices[position]
        let result = runJob(configs(index))
        do {
          try deliver(index, result)
        } catch {
          queue.fail(error)
          return
        }
        let (done, blocks) = queue.finished(blocks: result.blocks)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        progress?(Progress(done: done, total: indices.count, blocks: blocks, elapsed: elapsed))
      }
    }
    if let error = queue.error { throw error }
  }
}

/// The shared counter of a streamed run and its first error.
private final class StreamState: @unchecked Sendable {
  private let lock = NSLock()
  private let total: Int
  private var next = 0
  private var done = 0
  private var blocks = 0
  private(set) var error: Error?

  init(total: Int) { self.total = total }

  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < total, error == nil else { return nil }
    next += 1
    return next - 1
  }

  func finished(blocks jobBlocks: Int) -> (Int, Int) {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    blocks += jobBlocks
    return (done, blocks)
  }

  func fail(_ error: Error) {
    lock.lock()
    defer { lock.unlock() }
    if self.error == nil { self.error = error }
  }
}

/// Result slots filled by index from any worker, behind one lock.
private final class ResultStore: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [JobResult?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func put(_ index: Int, _ result: JobResult) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = result
  }

  func results() -> [JobResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
