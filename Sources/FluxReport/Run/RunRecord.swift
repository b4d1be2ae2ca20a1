import FluxCore
import FluxScenario
import FluxSim

/// Where a run's job results come from: memory, or files written as jobs finished (so a
/// run of many jobs never holds them all).
public protocol JobResultSource: Sendable {
  /// The result of job `index`.
  func result(_ index: Int) -> JobResult
}

/// Results held in an array, by job index.
public struct InMemoryResults: JobResultSource {
  public let results: [JobResult]

  public init(_ results: [JobResult]) { self.results = results }

  public func result(_ index: Int) -> JobResult { results[index] }
}

/// A finished run of one scenario file: the plan and its results by job index.
///
/// Everything built from it reads the results a job or a sweep point at a time, so with a
/// source on disk memory stays bounded by one point's replications.
public struct RunRecord: Sendable {
  public let plan: RunPlan
  public let source: JobResultSource
  /// The command that reproduces the run (shown in the report).
  public let command: String

  public init(plan: RunPlan, source: JobResultSource, command: String) {
    self.plan = plan
    self.source = source
    self.command = command
  }

  public init(plan: RunPlan, results: [JobResult], command: String) {
    precondition(plan.jobs.count == results.count, "one result per planned job")
    self.init(plan: plan, source: InMemoryResults(results), command: command)
  }

  public var name: String { plan.file.scenario.name }

  /// The result of job `index`.
  public func result(_ index: Int) -> JobResult { source.result(index) }

  /// Every result in job order, read one at a time.
  public var results: LazyMapSequence<Range<Int>, JobResult> { (0..<plan.jobs.count).lazy.map(source.result) }

  /// The results of one sweep point, by replication.
  public func results(ofPoint point: Int) -> [JobResult] {
    ((point * plan.replications)..<((point + 1) * plan.replications)).map(source.result)
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
