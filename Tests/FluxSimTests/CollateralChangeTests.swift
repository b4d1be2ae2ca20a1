import FluxCore
import Testing

@testable import FluxSim

/// flux-rules.md §3.1: the 2022 collateral reduction. Nodes on the original amount move to
/// the reduced one inside their tier's window or are force-expired at its end and restart.
@Suite struct CollateralChangeTests {
  @Test func everyNodeEndsOnTheReducedCollateral() {
    var config = Fixtures.pow(height: 1_076_000, hashrate: .constant(1e6), initialHashrate: 1e6)
    config.fleet.initialNodes = TierValues(cumulus: 12, nimbus: 12, stratus: 12)
    config.fleet.collateralMigrationShare = 0.5
    var simulation = Simulation(config: config)
    #expect(simulation.fleet.nodes.allSatisfy { $0.collateralAmount == ChainParams.mainnet.collateral.v1[$0.tier] })
    // Past the last window (1,097,412) and the 100 confirmations a new collateral needs.
    simulation.advance(toHeight: 1_097_700)
    #expect(simulation.fleet.nodes.allSatisfy { $0.collateralAmount == ChainParams.mainnet.collateral.v2[$0.tier] })
    #expect(simulation.fleet.nodes.allSatisfy { $0.state == .confirmed })
    // Each node restarted once: confirmed inside or just after its tier's window.
    for node in simulation.fleet.nodes {
      let window = ChainParams.mainnet.collateral.transitionWindows![node.tier]
      #expect(node.confirmedHeight > window.lowerBound && node.confirmedHeight < window.upperBound + 400)
    }
    #expect(simulation.invariantViolations() == [])
  }
}
