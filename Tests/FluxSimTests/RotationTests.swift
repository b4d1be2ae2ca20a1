import FluxCore
import Testing

@testable import FluxSim

/// flux-rules.md §4.4: with everyone online and no churn each tier is a strict rotation.
@Suite struct RotationTests {
  @Test func everyNodeIsPaidOncePerTierSize() {
    // 7, 11 and 13 nodes; 2 × 7 × 11 × 13 = 2,002 blocks is a whole number of rotations of each.
    var simulation = Simulation(config: Fixtures.steadyPoN())
    let start = simulation.chain.height
    simulation.advance(toHeight: start + 2_002)
    for (id, node) in simulation.fleet.nodes.enumerated() {
      let size = simulation.config.fleet.initialNodes[node.tier]
      #expect(Int(simulation.fleet.ledger[id].payments) == 2_002 / size, "node \(id) of \(node.tier)")
    }
    #expect(simulation.invariantViolations() == [])
  }

  @Test func paymentsFollowTheSameOrderEveryRotation() {
    var simulation = Simulation(config: Fixtures.steadyPoN(nodes: TierValues(cumulus: 5, nimbus: 5, stratus: 5)))
    let start = simulation.chain.height
    let first = simulation.fleet.queue(Tier.stratus.index).orderedNodes()
    simulation.advance(toHeight: start + 5)
    // After one full rotation the order is the same.
    #expect(simulation.fleet.queue(Tier.stratus.index).orderedNodes() == first)
    simulation.advance(toHeight: start + 7)
    #expect(simulation.fleet.queue(Tier.stratus.index).orderedNodes() == Array(first[2...] + first[..<2]))
  }

  @Test func blocksSincePaidIsUniformOverTheTier() {
    let config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 25, stratus: 31))
    let result = runJob(config)
    for tier in Tier.allCases {
      let n = Double(config.fleet.initialNodes[tier])
      let stats = result.payouts[tier].blocksSincePaid
      #expect(stats.count == Int(n))
      #expect(stats.min == 0)
      #expect(stats.max == n - 1)
      #expect(stats.mean == (n - 1) / 2)
    }
    // The exact set: each value 0 … N−1 once.
    var simulation = Simulation(config: config)
    simulation.advance(toHeight: TipState.measured2026.height + 1_234)
    let height = simulation.chain.height
    for tier in Tier.allCases {
      let waits = simulation.fleet.nodes.indices.filter { simulation.fleet.nodes[$0].tier == tier }
        .map { height - Int(simulation.fleet.ledger[$0].lastPaid) }.sorted()
      #expect(waits == Array(0..<config.fleet.initialNodes[tier]))
    }
  }

  @Test func eachBlockPaysTheMainnetPoNSplit() {
    let result = runJob(Fixtures.steadyPoN())
    // 2,000 blocks after the tip at 2,917,115, still in PoN year 0 (14 FLUX until
    // 3,071,200): 1 / 3.5 / 9 FLUX to the tiers and 0.5 to the dev fund per block.
    #expect(result.final.paid.cumulus == Amount(satoshi: 2_000 * 100_000_000))
    #expect(result.final.paid.nimbus == Amount(satoshi: 2_000 * 350_000_000))
    #expect(result.final.paid.stratus == Amount(satoshi: 2_000 * 900_000_000))
    #expect(result.final.devFund == Amount(satoshi: 2_000 * 50_000_000))
    #expect(result.payouts.stratus.totalPaid == result.final.paid.stratus)
  }
}
