/// Runs one job to its horizon.
///
/// Pure in the sense that matters: the result depends only on `config` (its seed
/// included), so jobs may run on any worker, in any order, and give the same bytes.
public func runJob(_ config: JobConfig) -> JobResult {
  var simulation = Simulation(config: config)
  return simulation.run()
}
