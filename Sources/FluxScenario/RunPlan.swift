import FluxCore
import FluxSim

/// The jobs of a run of one scenario file: sweep points × replications, each with its
/// seed, in a fixed order (point-major: job = point × replications + replication).
public struct RunPlan: Sendable {
  public let file: ScenarioFile
  public let replications: Int
  public let seed: UInt64
  public let jobs: [PlannedJob]
  /// Whether the jobs advance block by block rather than in batches (`JobConfig.blockByBlock`).
  public let blockByBlock: Bool

  /// The plan with the file's replications and seed, or the command line's.
  public init(file: ScenarioFile, replications: Int? = nil, seed: UInt64? = nil, blockByBlock: Bool = false) {
    self.file = file
    self.blockByBlock = blockByBlock
    self.replications = replications ?? file.scenario.replications
    self.seed = seed ?? file.scenario.seed
    var jobs: [PlannedJob] = []
    for pointIndex in file.points.indices {
      for replication in 0..<self.replications {
        let index = jobs.count
        jobs.append(
          PlannedJob(
            index: index, point: pointIndex, replication: replication,
            seed: Scenario.jobSeed(runSeed: self.seed, jobIndex: index)))
      }
    }
    self.jobs = jobs
  }

  /// The engine configuration of job `index`, built when needed: a plan of many jobs
  /// holds only their seeds (a `JobConfig` carries the whole rule set).
  public func config(_ index: Int) -> JobConfig {
    var scenario = file.points[jobs[index].point].scenario
    scenario.seed = seed
    var config = scenario.jobConfig(jobIndex: index)
    config.blockByBlock = blockByBlock
    return config
  }

  /// "key=value, …" for a sweep point, or "" without a sweep.
  public func label(ofPoint point: Int) -> String {
    file.points[point].assignments.map { "\($0.keyPath)=\($0.value)" }.joined(separator: ", ")
  }

  public var pointCount: Int { file.points.count }
}

/// One job: where it sits in the grid and its seed (`RunPlan.config` gives the rest).
public struct PlannedJob: Sendable {
  public let index: Int
  public let point: Int
  public let replication: Int
  public let seed: UInt64
}
