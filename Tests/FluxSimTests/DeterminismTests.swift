import FluxCore
import Testing

@testable import FluxSim

@Suite struct DeterminismTests {
  func forecast(seed: UInt64) -> JobConfig {
    var config = JobConfig()
    config.fleet.initialNodes = TierValues(cumulus: 60, nimbus: 30, stratus: 30)
    config.horizon = .seconds(5 * 86_400)
    config.sampling = .seconds(86_400)
    config.seed = seed
    return config
  }

  @Test func sameSeedSameResultOtherSeedDifferent() {
    let a = runJob(forecast(seed: 7))
    let b = runJob(forecast(seed: 7))
    let c = runJob(forecast(seed: 8))
    #expect(a == b)
    #expect(a != c)
    #expect(a.series.map(\.time) != c.series.map(\.time))
  }

  @Test func uptimeAndChurnKeepTheBookkeepingConsistent() {
    var config = forecast(seed: 3)
    // Shorter periods than the defaults so a few days see many outages, expiries and restarts.
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 12 * 3_600), offline: .exponential(mean: 6 * 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 0.5, nimbus: 0.5, stratus: 0.5),
      joinsPerMonth: TierValues(cumulus: 0.5, nimbus: 0.5, stratus: 0.5))
    var simulation = Simulation(config: config)
    for step in 1...10 {
      simulation.advance(toHeight: TipState.measured2026.height + step * 1_000)
      #expect(simulation.invariantViolations() == [], "after \(step * 1_000) blocks")
    }
    #expect(simulation.fleet.nodes.contains { $0.state == .expired || $0.state == .exited })
  }
}
