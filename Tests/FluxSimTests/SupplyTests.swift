import FluxCore
import Testing

@testable import FluxSim

/// The simulated chain issues exactly what FluxCore says, whatever happened to the nodes.
@Suite struct SupplyTests {
  @Test func ponSupplyEqualsFluxCoreAcrossAReduction() {
    var config = Fixtures.steadyPoN()
    config.start = .tip(TipState(height: 3_070_000, time: 1_793_000_000, difficulty: 0.07))
    config.horizon = .height(3_072_500)
    let result = runJob(config)
    let schedule = SupplySchedule(params: .mainnet, mode: .observed)
    for row in result.series {
      #expect(row.supply == schedule.cumulativeSupply(through: row.height), "height \(row.height)")
    }
    #expect(result.milestones.map(\.label) == ["PoN reduction 1"])
    #expect(result.milestones.first?.height == 3_071_200)
  }

  @Test func powSupplyWithFundOutputsAndMissingPayees() {
    // PoW from 836,000 through the exchange and foundation funds and a swap payment, with
    // no Nimbus node: a tier without a payee leaves its share to the miner, and the
    // supply is unchanged by it.
    var config = Fixtures.pow(height: 836_000, hashrate: .constant(2e6), initialHashrate: 2e6)
    config.fleet.initialNodes = TierValues(cumulus: 1, nimbus: 0, stratus: 1)
    config.horizon = .height(838_000)
    let result = runJob(config)
    let schedule = SupplySchedule(params: .mainnet, mode: .observed)
    #expect(result.final.supply == schedule.cumulativeSupply(through: 838_000))
    #expect(
      result.final.supply - result.series[0].supply == Amount(flux: 32_000_000) + Amount(satoshi: 2_000 * 7_500_000_000)
    )
    // Nimbus has no node: its 9.375 FLUX per block went to the miners.
    #expect(result.final.paid.nimbus == .zero)
    let minerPerBlock: Int64 = 3_750_000_000 + 937_500_000
    #expect(result.final.miner == Amount(satoshi: 2_000 * minerPerBlock))
    #expect(result.poolIncome.map(\.income).reduce(.zero, +) == result.final.miner)
  }

  @Test func genesisStartFollowsTheSlowStartAndPremine() {
    var config = Fixtures.pow(height: 0, hashrate: .constant(100), initialHashrate: 100)
    config.start = .genesis
    config.horizon = .height(6_000)
    config.sampling = .blocks(1_000)
    var simulation = Simulation(config: config)
    simulation.advance(toHeight: 6_000)
    #expect(simulation.invariantViolations() == [])
    let result = runJob(config)
    let schedule = SupplySchedule(params: .mainnet, mode: .observed)
    for row in result.series {
      #expect(row.supply == schedule.cumulativeSupply(through: row.height))
    }
    #expect(result.milestones.map(\.label).starts(with: ["premine", "slow start ends"]))
    // No node may START before Kamata (558,000).
    #expect(simulation.fleet.nodes.allSatisfy { $0.state == .pending })
  }
}
