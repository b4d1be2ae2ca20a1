import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// The batched mode (`connectBatch`) against the block-by-block one: exact where the
/// batches change no draw (supply, payments), the same law where they do (block times,
/// producers' tiers), and the same at every kind of batch boundary.
@Suite struct BatchedBlocksTests {
  /// A fleet with uptime flips and churn: batches are cut by events every few blocks.
  func turbulent(seed: UInt64, blockByBlock: Bool) -> JobConfig {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 20, stratus: 20), seed: seed)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 12 * 3_600), offline: .exponential(mean: 2 * 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3),
      joinsPerMonth: TierValues(cumulus: 3, nimbus: 3, stratus: 3))
    config.blockByBlock = blockByBlock
    return config
  }

  @Test(arguments: [false, true])
  func supplyAtEveryHeightIsFluxCoresSchedule(blockByBlock: Bool) {
    // A supply milestone at each height's cumulative supply is recorded at that height
    // exactly when the job's supply after block h is FluxCore's `cumulativeSupply(through: h)`
    // (subsidies are positive, so the level is first reached there): one milestone per
    // block checks the supply at every height, and milestones do not end a batch.
    var config = turbulent(seed: 5, blockByBlock: blockByBlock)
    let start = TipState.measured2026.height
    let blocks = 1_500
    config.horizon = .height(start + blocks)
    config.sampling = .blocks(400)
    let schedule = SupplySchedule(params: config.rules.params, mode: config.supplyMode)
    config.supplyMilestones = (start + 1...start + blocks).map { schedule.cumulativeSupply(through: $0) }
    let result = runJob(config)
    let reached = result.milestones.filter { $0.label.hasPrefix("supply ") }.map(\.height)
    #expect(reached == Array(start + 1...start + blocks))
    #expect(result.final.supply == schedule.cumulativeSupply(through: start + blocks))
  }

  @Test func producersPerTierAreTheCountsBatchesDrawFrom() {
    // Uptime flips move nodes in and out of the producers; the counts the batches draw
    // tiers from must follow, and the bookkeeping stay consistent through the batches.
    var simulation = Simulation(config: turbulent(seed: 4, blockByBlock: false))
    var offline = 0
    for step in 1...5 {
      simulation.advance(toHeight: simulation.startHeight + 300 * step)
      #expect(simulation.producerTierViolations() == [], "after \(300 * step) blocks")
      #expect(simulation.invariantViolations() == [], "after \(300 * step) blocks")
      offline += simulation.fleet.offlineConfirmed.reduce(0, +)
    }
    // Some confirmed nodes were offline at the checks, so producers and counts differed.
    #expect(offline > 0)
  }

  @Test func producersAreCountedInTheirTier() {
    // A fleet of one tier produces every block in it, whichever tier (each of the three
    // counts the batch loop keeps without a branch); a mixed, turbulent fleet's counts sum
    // to its blocks.
    for tier in Tier.allCases {
      var nodes = TierValues(cumulus: 0, nimbus: 0, stratus: 0)
      nodes[tier] = 20
      var config = Fixtures.steadyPoN(nodes: nodes, seed: 8)
      config.horizon = .height(TipState.measured2026.height + 300)
      let produced = runJob(config).producedBlocks
      for other in Tier.allCases { #expect(produced[other] == (other == tier ? 300 : 0), "\(tier) fleet") }
    }
    var config = turbulent(seed: 3, blockByBlock: false)
    config.horizon = .height(TipState.measured2026.height + 1_000)
    let result = runJob(config)
    #expect(result.producedBlocks.cumulus + result.producedBlocks.nimbus + result.producedBlocks.stratus == 1_000)
    #expect(Tier.allCases.allSatisfy { result.producedBlocks[$0] > 0 })
  }

  @Test func fixedFleetIsPaidTheSameInBothModes() {
    // Uptime always, no churn: nothing draws between the payments, so the rotation, and
    // with it every node's income, payments and last payment, depend on the height alone.
    let nodes = TierValues(cumulus: 7, nimbus: 11, stratus: 13)
    var batched = Simulation(config: Fixtures.steadyPoN(nodes: nodes, seed: 2))
    var config = Fixtures.steadyPoN(nodes: nodes, seed: 2)
    config.blockByBlock = true
    var single = Simulation(config: config)
    _ = batched.run()
    _ = single.run()
    #expect(batched.chain.height == single.chain.height)
    #expect(batched.fleet.ledger.map(\.income) == single.fleet.ledger.map(\.income))
    #expect(batched.fleet.ledger.map(\.payments) == single.fleet.ledger.map(\.payments))
    #expect(batched.fleet.ledger.map(\.lastPaid) == single.fleet.ledger.map(\.lastPaid))
    for tier in 0..<3 { #expect(batched.fleet.queue(tier).orderedNodes() == single.fleet.queue(tier).orderedNodes()) }
    // Each block pays one node per tier, in turn: over B blocks a tier of n nodes pays
    // each ⌊B/n⌋ or ⌈B/n⌉ times.
    let blocks = batched.chain.height - batched.startHeight
    for (id, node) in batched.fleet.nodes.enumerated() where node.state == .confirmed {
      let size = nodes[node.tier]
      #expect((blocks / size...(blocks + size - 1) / size).contains(Int(batched.fleet.ledger[id].payments)))
    }
    #expect(batched.invariantViolations() == [])
  }

  @Test func flipsWithoutExpiriesArePaidTheSameInBothModes() {
    // Uptime flips but no expiry (every outage lasts 1 h, 120 blocks, within the 640-block
    // PoN expiry) and no churn: no payee list ever changes, so every node's income,
    // payments and last payment depend on the height alone, though the flips fall at other
    // times in the two modes. Batched, a stretch spans the flips (`Simulation.unpaid`):
    // blocks lost, paid twice or paid out of turn there would show here.
    let nodes = TierValues(cumulus: 7, nimbus: 11, stratus: 13)
    var configs: [JobConfig] = []
    for blockByBlock in [false, true] {
      var config = Fixtures.steadyPoN(nodes: nodes, seed: 6)
      config.fleet.uptime = UptimeModel(online: .exponential(mean: 3 * 3_600), offline: .constant(3_600))
      config.blockByBlock = blockByBlock
      configs.append(config)
    }
    var batched = Simulation(config: configs[0])
    var single = Simulation(config: configs[1])
    // In steps, as `run` reports progress: nothing is left unpaid when `advance` returns.
    for step in 1...4 {
      batched.advance(toHeight: batched.startHeight + 500 * step)
      #expect(batched.unpaid == nil)
      #expect(batched.invariantViolations() == [])
    }
    single.advance(toHeight: single.startHeight + 2_000)
    #expect(batched.fleet.ledger.map(\.income) == single.fleet.ledger.map(\.income))
    #expect(batched.fleet.ledger.map(\.payments) == single.fleet.ledger.map(\.payments))
    #expect(batched.fleet.ledger.map(\.lastPaid) == single.fleet.ledger.map(\.lastPaid))
    for tier in 0..<3 { #expect(batched.fleet.queue(tier).orderedNodes() == single.fleet.queue(tier).orderedNodes()) }
    // 31 nodes online 3 h on average over 2,000 blocks (about 17 h): about 170 flips each way.
    let flips = batched.fleet.nodes.reduce(0) { $0 + Int($1.uptimeGeneration) }
    #expect(flips > 100)
    #expect(batched.fleet.nodes.allSatisfy { $0.state == .confirmed })
  }

  @Test func batchesCutAtEveryBoundaryKeepSupplyAndYears() throws {
    // Events (uptime, churn, year ends), action heights (confirms, expiries), samples,
    // a reward change and a spacing change cut the batches; outages move slots inside
    // them. From 2026-12-31 00:20 UTC the job crosses the year's end (about 7.5 h at 30 s
    // and 25 h at 60 s) and both activations.
    let tip = TipState.measured2026.height
    let rules = try ScheduledChangeTests.schedule([
      ScheduledChangeTests.change("halving", at: tip + 300, ["subsidy.pon_factor": .scalar("1/2")]),
      ScheduledChangeTests.change("slower", at: tip + 900, ["pon_target_spacing": .scalar("60s")]),
    ])
    var configs: [JobConfig] = []
    for blockByBlock in [false, true] {
      var config = turbulent(seed: 9, blockByBlock: blockByBlock)
      config.start = .tip(TipState(height: tip, time: 1_798_675_200 + 1_200, difficulty: 0.07))
      config.proofOfNode.outages = NetworkOutages(every: 6 * 3_600, duration: .exponential(mean: 600))
      config.rules = rules
      config.horizon = .height(tip + 2_400)
      config.sampling = .blocks(137)
      configs.append(config)
    }
    let (batched, single) = (runJob(configs[0]), runJob(configs[1]))
    let schedule = SupplySchedule(params: configs[0].rules.params, mode: configs[0].supplyMode)
    #expect(batched.series.map(\.height) == single.series.map(\.height))
    for row in batched.series + single.series { #expect(row.supply == schedule.cumulativeSupply(through: row.height)) }
    #expect(batched.yearEnds.map(\.year) == [2026, 2027])
    #expect(single.yearEnds.map(\.year) == [2026, 2027])
    for year in batched.yearEnds + single.yearEnds {
      #expect(year.supply == schedule.cumulativeSupply(through: year.height))
    }
    #expect(batched.blocks == 2_400)
  }
}
