extension ScenarioFile {
  /// Why the file cannot run with `replications` per sweep point instead of its own
  /// (`--replications` on the command line), or nil when it can: the validator's limits
  /// on the count, on each point's results in memory and on the jobs of a run, checked
  /// before a plan of that many jobs is built.
  public func problem(replications: Int) -> String? {
    let (jobs, overflow) = points.count.multipliedReportingOverflow(by: replications)
    if overflow || jobs > ScenarioValidator.maxJobs {
      return "\(overflow ? "more than \(Int.max)" : String(jobs)) jobs (\(points.count) sweep points × "
        + "\(replications) replications); at most \(ScenarioValidator.maxJobs)"
    }
    for point in points {
      var scenario = point.scenario
      scenario.replications = replications
      if let problem = ScenarioValidator.problems(scenario).first(where: { $0.keyPath == "replications" }) {
        return problem.message
      }
    }
    return nil
  }
}
