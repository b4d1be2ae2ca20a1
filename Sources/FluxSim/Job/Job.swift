/// Runs one job to its horizon, reporting how far it is to `progress` (when given) every
/// `Simulation.progressBlocks` blocks and once at the end.
///
/// Pure in the sense that matters: the result depends only on `config` (its seed
/// included), so jobs may run on any worker, in any order, and give the same bytes;
/// watching their progress changes nothing.
public func runJob(_ config: JobConfig, progress: ((JobProgress) -> Void)? = nil) -> JobResult {
  var simulation = Simulation(config: config)
  return simulation.run(progress: progress)
}

/// How far a running job is, so that a long job shows progress before it ends.
public struct JobProgress: Sendable, Equatable {
  /// Blocks connected since the job started.
  public var blocks: Int
  /// The share of the job done, 0 … 1: the larger of the share of its heights and the
  /// share of its simulated time (a job ends at whichever it reaches first).
  public var fraction: Double

  public init(blocks: Int, fraction: Double) {
    self.blocks = blocks
    self.fraction = fraction
  }
}
