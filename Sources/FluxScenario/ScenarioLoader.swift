import FluxCore
import FluxSim
import Yams

/// A scenario file read, checked and expanded into its sweep points.
public struct ScenarioFile: Sendable {
  public let path: String
  /// The file's text, as read (hashed into the run manifest).
  public let text: String
  /// The scenario as written.
  public let scenario: Scenario
  /// One entry per point of the sweep grid (one when there is no sweep), first axis slowest.
  public let points: [SweepPoint]
  /// The other files the scenario names (price CSVs), as read; their contents shape the
  /// results as much as the scenario's text does.
  public let dataFiles: [DataFile]
  /// The work its run asks for, with the file's replications (`work(replications:)` for others).
  public let work: RunWork

  /// Jobs = points × replications.
  public var jobCount: Int { points.count * scenario.replications }

  /// The work of a run with `replications` per point, or why it is too much (a run's
  /// `--replications` may ask for more than the file does).
  public func work(replications: Int) -> Result<RunWork, Diagnostic> {
    let blocksPerPoint = work.replications > 0 ? work.totalBlocks / work.replications : 0
    var run = work
    run.replications = replications
    let (jobs, overflow) = points.count.multipliedReportingOverflow(by: replications)
    run.jobs = overflow ? .max : jobs
    let (blocks, past) = blocksPerPoint.multipliedReportingOverflow(by: replications)
    run.totalBlocks = past ? .max : blocks
    if let problem = ScenarioLoader.runLimitProblem(run) {
      return .failure(Diagnostic(file: path, message: problem))
    }
    // Each point's own limits on replications (results held in memory).
    for point in points {
      var scenario = point.scenario
      scenario.replications = replications
      if let problem = ScenarioValidator.problems(scenario).first(where: { $0.keyPath == "replications" }) {
        return .failure(Diagnostic(file: path, keyPath: "replications", message: problem.message))
      }
    }
    return .success(run)
  }
}

/// One point of a sweep: the values assigned and the scenario they give.
public struct SweepPoint: Sendable {
  public let assignments: [SweepAssignment]
  public let scenario: Scenario
}

/// A key path set to a value by a sweep.
public struct SweepAssignment: Sendable, Equatable {
  public let keyPath: String
  public let value: String
}

/// Reads scenario files: YAML through Yams into `Scenario`, every error located.
public enum ScenarioLoader {
  /// Parses, decodes, validates and expands `text` (the contents of `file`).
  ///
  /// - Parameter dataFrom: The file relative to whose folder the data files the scenario
  ///   names are read; `file` when nil. A run folder's copy of a scenario (`merge`) reads
  ///   the copies of its data files beside it while keeping its original path.
  public static func load(file: String, text: String, dataFrom: String? = nil) throws(Diagnostics) -> ScenarioFile {
    let tree: SourceTree
    do { tree = try SourceTree(file: file, text: text) } catch { throw Diagnostics(items: [error]) }
    var data = DataFileReader(scenarioFile: dataFrom ?? file)
    let scenario = try data.resolve(decode(tree.node, tree: tree), tree: tree)
    var problems = ScenarioValidator.problems(scenario).map { tree.diagnostic(at: $0.keyPath, $0.message) }
    guard problems.isEmpty else { throw Diagnostics(items: problems) }
    // The grid's size is known from the axes alone: refused before a point is built.
    var pointCount = 1
    for axis in scenario.sweep {
      let (product, overflow) = pointCount.multipliedReportingOverflow(by: axis.values.count)
      pointCount = overflow ? .max : product
    }
    if pointCount > ScenarioValidator.maxPoints {
      let sizes = scenario.sweep.map { $0.values.count.grouped }.joined(separator: " × ")
      throw Diagnostics(items: [
        tree.diagnostic(
          at: "sweep",
          "\(sizes) = \(ScenarioValidator.describe(pointCount)) sweep points; at most \(ScenarioValidator.maxPoints.grouped)"
        )
      ])
    }
    var points: [SweepPoint] = []
    var perJob = JobWork()
    var blocksPerReplication = 0
    for assignments in try grid(scenario.sweep, tree: tree) {
      let pointScenario: Scenario
      if assignments.isEmpty {
        // The one point of a scenario without a sweep is the scenario, decoded and resolved
        // above: decoding the same tree again cost 3.3 M instructions of a short run's start-up.
        pointScenario = scenario
      } else {
        var node = tree.node
        for assignment in assignments { node = replacing(assignment.keyPath, with: assignment.value, in: node) }
        pointScenario = try data.resolve(decode(node, tree: tree, sweep: assignments), tree: tree)
      }
      let (pointProblems, work) = ScenarioValidator.check(pointScenario)
      problems = pointProblems.map {
        tree.diagnostic(at: $0.keyPath, "\($0.message) (sweep point \(describe(assignments)))")
      }
      guard problems.isEmpty else { throw Diagnostics(items: problems) }
      perJob = perJob.union(work)
      blocksPerReplication =
        blocksPerReplication.addingReportingOverflow(work.blocks).overflow
        ? .max : blocksPerReplication + work.blocks
      points.append(SweepPoint(assignments: assignments, scenario: pointScenario))
    }
    let replications = scenario.replications
    let (totalBlocks, overflow) = blocksPerReplication.multipliedReportingOverflow(by: replications)
    let work = RunWork(
      points: points.count, replications: replications, jobs: points.count * replications,
      totalBlocks: overflow ? .max : totalBlocks, perJob: perJob)
    if let problem = runLimitProblem(work) {
      throw Diagnostics(items: [
        tree.diagnostic(at: work.jobs > ScenarioValidator.maxJobs ? "replications" : "horizon", problem)
      ])
    }
    return ScenarioFile(path: file, text: text, scenario: scenario, points: points, dataFiles: data.files, work: work)
  }

  /// Why a run's jobs or total blocks are past the limits, or nil.
  static func runLimitProblem(_ work: RunWork) -> String? {
    if work.jobs > ScenarioValidator.maxJobs {
      return "\(ScenarioValidator.describe(work.jobs)) jobs (\(work.points.grouped) sweep points × "
        + "\(work.replications.grouped) replications); at most \(ScenarioValidator.maxJobs.grouped)"
    }
    if work.totalBlocks > ScenarioValidator.maxTotalBlocks {
      return
        "the run's \(work.jobs.grouped) jobs simulate \(ScenarioValidator.describe(work.totalBlocks)) blocks in all; "
        + "at most \(ScenarioValidator.maxTotalBlocks.grouped): fewer replications or sweep points, or a shorter horizon"
    }
    return nil
  }

  private static func describe(_ assignments: [SweepAssignment]) -> String {
    assignments.map { "\($0.keyPath)=\($0.value)" }.joined(separator: ", ")
  }

  /// Decodes a scenario from `node`, turning decoding failures into located diagnostics.
  private static func decode(_ node: Node, tree: SourceTree, sweep: [SweepAssignment] = []) throws(Diagnostics)
    -> Scenario
  {
    let suffix = sweep.isEmpty ? "" : " (sweep point \(describe(sweep)))"
    do {
      return try YAMLDecoder().decode(Scenario.self, from: node)
    } catch let failure as ScenarioDecodingFailure {
      throw Diagnostics(items: [tree.diagnostic(at: dottedPath(failure.codingPath), failure.message + suffix)])
    } catch let error as DecodingError {
      let (path, message) = describe(error)
      throw Diagnostics(items: [tree.diagnostic(at: path, message + suffix)])
    } catch {
      throw Diagnostics(items: [Diagnostic(file: tree.file, message: "cannot decode: \(error)")])
    }
  }

  private static func describe(_ error: DecodingError) -> (String, String) {
    switch error {
    case .keyNotFound(let key, let context):
      return (dottedPath(context.codingPath), "missing required key '\(key.stringValue)'")
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return (dottedPath(context.codingPath), "unexpected value: \(context.debugDescription)")
    @unknown default:
      return ("", "\(error)")
    }
  }

  /// The sweep grid: every combination of the axes' values, first axis slowest.
  private static func grid(_ axes: [SweepAxis], tree: SourceTree) throws(Diagnostics) -> [[SweepAssignment]] {
    var points: [[SweepAssignment]] = [[]]
    for axis in axes {
      guard let target = value(at: axis.keyPath, in: tree.root) else {
        let known = scalarPaths(tree.root).filter { !$0.hasPrefix("sweep") }
        let hint = Suggestion.closest(to: axis.keyPath, among: known).map { "; did you mean '\($0)'?" } ?? ""
        throw Diagnostics(items: [
          tree.diagnostic(at: "sweep.\(axis.keyPath)", "no such field in this scenario to sweep\(hint)")
        ])
      }
      guard case .scalar = target, !axis.keyPath.hasPrefix("sweep"), axis.keyPath != "name" else {
        throw Diagnostics(items: [
          tree.diagnostic(at: "sweep.\(axis.keyPath)", "only single values (numbers, rates, durations) can be swept")
        ])
      }
      points = points.flatMap { point in axis.values.map { point + [SweepAssignment(keyPath: axis.keyPath, value: $0)] }
      }
    }
    return points
  }

  /// The value at a dotted key path (`fleet.churn.exits`, `mining.pools[0].share`).
  static func value(at path: String, in root: RuleValue) -> RuleValue? {
    var current = root
    for component in components(path) {
      switch (current, component) {
      case (.map(let fields), .key(let key)):
        guard let field = fields.first(where: { $0.key == key }) else { return nil }
        current = field.value
      case (.list(let items), .index(let index)):
        guard items.indices.contains(index) else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }

  /// Every key path that leads to a scalar, for "did you mean".
  static func scalarPaths(_ value: RuleValue, prefix: String = "") -> [String] {
    switch value {
    case .scalar: return [prefix]
    case .list(let items):
      return items.enumerated().flatMap { scalarPaths($1, prefix: "\(prefix)[\($0)]") }
    case .map(let fields):
      return fields.flatMap { scalarPaths($0.value, prefix: prefix.isEmpty ? $0.key : "\(prefix).\($0.key)") }
    }
  }

  enum PathComponent: Equatable {
    case key(String)
    case index(Int)
  }

  static func components(_ path: String) -> [PathComponent] {
    var result: [PathComponent] = []
    for part in path.split(separator: ".") {
      var rest = Substring(part)
      if let bracket = rest.firstIndex(of: "[") {
        if bracket > rest.startIndex { result.append(.key(String(rest[..<bracket]))) }
        rest = rest[bracket...]
        while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
          result.append(
            Int(rest[rest.index(after: rest.startIndex)..<close]).map(PathComponent.index) ?? .key(String(rest)))
          rest = rest[rest.index(after: close)...]
        }
      } else {
        result.append(.key(String(rest)))
      }
    }
    return result
  }

  /// `node` with the scalar at `path` replaced by `value` (the original's position kept).
  static func replacing(_ path: String, with value: String, in node: Node) -> Node {
    replacing(components(path)[...], with: value, in: node)
  }

  private static func replacing(_ path: ArraySlice<PathComponent>, with value: String, in node: Node) -> Node {
    guard let first = path.first else {
      guard case .scalar(var scalar) = node else { return node }
      scalar.string = value
      scalar.style = .plain
      return .scalar(scalar)
    }
    switch (node, first) {
    case (.mapping(var mapping), .key(let key)):
      guard let child = mapping[key] else { return node }
      mapping[key] = replacing(path.dropFirst(), with: value, in: child)
      return .mapping(mapping)
    case (.sequence(var sequence), .index(let index)):
      guard sequence.indices.contains(index) else { return node }
      sequence[index] = replacing(path.dropFirst(), with: value, in: sequence[index])
      return .sequence(sequence)
    default:
      return node
    }
  }
}
