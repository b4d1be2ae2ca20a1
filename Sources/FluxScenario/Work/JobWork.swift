import FluxSim

/// The work one job of a scenario asks for, estimated from the file before anything runs,
/// so that `validate` can state it and a scenario asking for more than the documented
/// limits (`ScenarioValidator`) is refused up front, naming the figure.
///
/// Figures are expectations (churn, arrivals and uptime are random) computed in floating
/// point and saturated at `Int.max`, so an absurd file gives a huge figure, never a trap.
public struct JobWork: Sendable, Equatable {
  /// Blocks from the start to the horizon (a duration at the eras' target spacings).
  public var blocks: Int
  /// Nodes the job creates: the initial fleet and the expected churn joins.
  public var nodes: Int
  /// Expected online/offline flips of all nodes over the horizon.
  public var uptimeFlips: Int
  /// Expected app registrations over the horizon.
  public var appArrivals: Int
  /// Expected instances those apps ask for.
  public var appInstances: Int
  /// Sampled rows (at most one per block).
  public var rows: Int

  public init(
    blocks: Int = 0, nodes: Int = 0, uptimeFlips: Int = 0, appArrivals: Int = 0,
    appInstances: Int = 0, rows: Int = 0
  ) {
    self.blocks = blocks
    self.nodes = nodes
    self.uptimeFlips = uptimeFlips
    self.appArrivals = appArrivals
    self.appInstances = appInstances
    self.rows = rows
  }

  /// The larger of each figure (the heaviest job of a sweep).
  func union(_ other: JobWork) -> JobWork {
    JobWork(
      blocks: max(blocks, other.blocks), nodes: max(nodes, other.nodes),
      uptimeFlips: max(uptimeFlips, other.uptimeFlips), appArrivals: max(appArrivals, other.appArrivals),
      appInstances: max(appInstances, other.appInstances), rows: max(rows, other.rows))
  }

  /// `value` as an Int, `Int.max` when it does not fit (and 0 for NaN or less).
  static func saturated(_ value: Double) -> Int {
    guard value > 0 else { return 0 }
    return value < 0x1p63 ? Int(value) : .max
  }
}

/// The work of a whole run: its jobs and the heaviest job among them.
public struct RunWork: Sendable, Equatable {
  public var points: Int
  public var replications: Int
  /// Sweep points × replications.
  public var jobs: Int
  /// Blocks over all jobs.
  public var totalBlocks: Int
  /// The heaviest job's figures (each the largest over the sweep's points).
  public var perJob: JobWork

  /// The run's work in a few lines, as `fluxsim validate` prints it.
  public var summary: [String] {
    let job = perJob
    var lines = [
      "\(points.grouped) point(s) × \(replications.grouped) replication(s) = \(jobs.grouped) job(s), "
        + "\(totalBlocks.grouped) blocks in all",
      "per job (at most): \(job.blocks.grouped) blocks, \(job.rows.grouped) sampled rows, "
        + "\(job.nodes.grouped) nodes, \(job.uptimeFlips.grouped) uptime flips",
    ]
    if job.appArrivals > 0 {
      lines.append(
        "apps per job (expected): \(job.appArrivals.grouped) arrivals, \(job.appInstances.grouped) instances")
    }
    return lines
  }
}
