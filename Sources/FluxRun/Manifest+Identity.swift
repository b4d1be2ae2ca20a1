import FluxReport

extension Manifest {
  /// How this manifest (read from a folder) differs from `expected`, the manifest of the
  /// plan rebuilt from the scenario, in words: the first difference of what makes a run
  /// (manifest format, scenario text, data files, rules, replications, seed, block mode, sweep points,
  /// every job's place and seed), or nil when it describes that run. The command, outputs
  /// and which jobs are done are not compared.
  public func identityDifference(from expected: Manifest) -> String? {
    if format != expected.format {
      return "it was written by fluxsim \(fluxsimVersion) in manifest format \(format); this fluxsim "
        + "\(expected.fluxsimVersion) writes format \(expected.format), whose rules hash is computed differently"
    }
    if scenario.textHash != expected.scenario.textHash {
      return "the scenario's text differs (hash \(scenario.textHash), now \(expected.scenario.textHash))"
    }
    let data = dataFilesDiffering(from: expected)
    if !data.isEmpty { return "the data file\(data.count == 1 ? "" : "s") \(data.joined(separator: ", ")) differ" }
    if rulesHash != expected.rulesHash { return "the rules differ (hash \(rulesHash), now \(expected.rulesHash))" }
    if replications != expected.replications {
      return "\(replications) replications, now \(expected.replications)"
    }
    if seed != expected.seed { return "seed \(seed), now \(expected.seed)" }
    if ranBlockByBlock != expected.ranBlockByBlock {
      return "its jobs ran \(modeDescription); this run would run them \(expected.modeDescription)"
    }
    if points != expected.points { return "its sweep points differ from the scenario's" }
    if jobs.count != expected.jobs.count { return "\(jobs.count) jobs listed, the plan has \(expected.jobs.count)" }
    for (listed, planned) in zip(jobs, expected.jobs)
    where listed.index != planned.index || listed.point != planned.point || listed.replication != planned.replication
      || listed.seed != planned.seed
    {
      return "job \(listed.index) is listed as point \(listed.point), replication \(listed.replication), seed "
        + "\(listed.seed); the plan's job \(planned.index) is point \(planned.point), replication "
        + "\(planned.replication), seed \(planned.seed)"
    }
    return nil
  }
}
