import Dispatch
import Foundation

/// Runs many jobs on parallel Dispatch workers and returns their results in job order.
///
/// Workers take the next job index from a shared counter; each result is stored at its
/// index, so the output never depends on which worker ran what or in which order jobs
/// finished. A job's result depends only on its `JobConfig` (seed included).
public enum JobRunner {
  /// How far a run is: reported after each finished job and while jobs run (every
  /// `Simulation.progressBlocks` blocks of any job), so a run of a few long jobs shows
  /// progress too.
  public struct Progress: Sendable, Equatable {
    /// Jobs finished.
    public var done: Int
    public var total: Int
    /// Blocks simulated so far, by finished and running jobs.
    public var blocks: Int
    /// The share of the run done, 0 … 1: finished jobs whole, running ones by how far
    /// each is (`JobProgress.fraction`).
    public var fraction: Double
    /// Wall-clock seconds since the start.
    public var elapsed: Double

    public init(done: Int, total: Int, blocks: Int, fraction: Double, elapsed: Double) {
      self.done = done
      self.total = total
      self.blocks = blocks
      self.fraction = fraction
      self.elapsed = elapsed
    }
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
  /// rethrown. `progress` is called one call at a time, in order, from the workers.
  public static func stream(
    _ indices: [Int], configs: @Sendable (Int) -> JobConfig, workers: Int,
    deliver: @Sendable (Int, JobResult) throws -> Void, progress: (@Sendable (Progress) -> Void)? = nil
  ) throws {
    let queue = StreamState(total: indices.count, progress: progress)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, indices.count))) { _ in
      while let position = queue.claim() {
        let index = indices[position]
        let result = runJob(configs(index)) { queue.running(position, $0) }
        do {
          try deliver(index, result)
        } catch {
          queue.fail(error)
          return
        }
        queue.finished(position, blocks: result.blocks)
      }
    }
    if let error = queue.error { throw error }
  }
}

/// The shared counter of a streamed run, its first error, and the progress of its jobs.
private final class StreamState: @unchecked Sendable {
  private let lock = NSLock()
  private let total: Int
  private let progress: (@Sendable (JobRunner.Progress) -> Void)?
  private let started = DispatchTime.now().uptimeNanoseconds
  private var next = 0
  private var done = 0
  /// Blocks of the finished jobs.
  private var blocks = 0
  /// The latest report of each running job, by position.
  private var running: [Int: JobProgress] = [:]
  private(set) var error: Error?

  init(total: Int, progress: (@Sendable (JobRunner.Progress) -> Void)?) {
    self.total = total
    self.progress = progress
  }

  func claim() -> Int? {
    lock.withLock {
      guard next < total, error == nil else { return nil }
      next += 1
      return next - 1
    }
  }

  /// A running job's report.
  func running(_ position: Int, _ job: JobProgress) {
    guard progress != nil else { return }
    lock.withLock {
      running[position] = job
      report()
    }
  }

  func finished(_ position: Int, blocks jobBlocks: Int) {
    lock.withLock {
      running[position] = nil
      done += 1
      blocks += jobBlocks
      report()
    }
  }

  /// Hands the run's progress to `progress`, under the lock so that reports arrive in order.
  private func report() {
    guard let progress else { return }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let partial = running.values.reduce(0.0) { $0 + $1.fraction }
    progress(
      JobRunner.Progress(
        done: done, total: total, blocks: blocks + running.values.reduce(0) { $0 + $1.blocks },
        fraction: total == 0 ? 1 : min(1, (Double(done) + partial) / Double(total)), elapsed: elapsed))
  }

  func fail(_ error: Error) {
    lock.withLock {
      if self.error == nil { self.error = error }
    }
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
