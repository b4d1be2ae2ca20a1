import FluxCore
import FluxScenario
import FluxSim

/// A finished run of one scenario file: the plan and the results in job order.
public struct RunRecord: Sendable {
  public let plan: RunPlan
  public let results: [JobResult]
  /// The command that reproduces the run (shown in the report).
  public let command: String

  public init(plan: RunPlan, results: [JobResult], command: String) {
    precondition(plan.jobs.count == results.count, "one result per planned job")
    self.plan = plan
    self.results = results
    self.command = command
  }

  public var name: String { plan.file.scenario.name }

  /// The results of one sweep point, by replication.
  public func results(ofPoint point: Int) -> [JobResult] {
    Array(results[(point * plan.replications)..<((point + 1) * plan.replications)])
  }

  /// A short name of a sweep point for tables and legends ("all" without a sweep).
  public func pointName(_ point: Int) -> String {
    let label = plan.label(ofPoint: point)
    return label.isEmpty ? name : label
  }
}

/// One output file of a run: its name in the run's folder and its contents.
public struct OutputFile: Sendable, Equatable {
  public let name: String
  public let contents: String

  public init(name: String, contents: String) {
    self.name = name
    self.contents = contents
  }
}

/// Quantiles across replications (GSL, through `Summary`).
enum Spread {
  static func of(_ values: [Double]) -> Summary { Summary(of: values) }
}
