import FluxCore
import Testing

@testable import FluxSim

/// Calendar years as the engine records them: at each year's last second, whatever the
/// sampling, with exact totals that FluxCore's schedule and split reproduce.
@Suite struct CalendarYearTests {
  static func time(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
    UTCTime.seconds(UTCTime.Components(year: year, month: month, day: day))
  }

  /// Blocks 20 minutes apart (`pon_target_spacing: 1200s`, about 26,000 a year: the
  /// projected clock allows no slower blocks) so that a job spans whole calendar years
  /// quickly: from 2029-12-20 for 400 days, a fixed fleet (full uptime, no churn, no
  /// outages), starting 10 blocks after PoN starts with a PoN reduction every 10,000
  /// blocks (two of them fall in 2030).
  static func dailyBlocks(sampling: Sampling = .seconds(30 * 86_400)) throws -> JobConfig {
    var config = Fixtures.steadyPoN()
    config.rules = try RuleSet(
      base: .mainnet,
      overrides: .map([
        RuleField(key: "pon_target_spacing", value: .scalar("1200s")),
        RuleField(key: "subsidy.pon_reduction_interval", value: .scalar("10000")),
      ]))
    let ponStart = try #require(config.rules.params.upgrades.pon)
    config.start = .tip(TipState(height: ponStart + 10, time: time(2029, 12, 20), difficulty: 0.002))
    config.horizon = .seconds(400 * 86_400)
    config.sampling = sampling
    return config
  }

  @Test func yearsEndAtTheirLastSecondAndAddUpToFluxCoresSchedule() throws {
    let config = try Self.dailyBlocks()
    let params = config.rules.params
    let result = runJob(config)
    let start = result.series[0]
    #expect(result.yearEnds.map(\.year) == [2029, 2030, 2031])
    #expect(result.yearEnds.map(\.reachedEnd) == [true, true, false])
    // Covered seconds: from the start to 1 January 2030, all of 2030 (365 days), and from
    // 1 January 2031 to the horizon (400 days after the start).
    let end = start.time + 400 * 86_400
    #expect(
      result.yearEnds.map(\.seconds) == [
        Self.time(2030, 1, 1) - start.time, 365 * 86_400, end - Self.time(2031, 1, 1),
      ])
    let schedule = SupplySchedule(params: params, mode: config.supplyMode)
    let nodes = config.fleet.initialNodes
    var previous = (height: start.height, time: start.time)
    for year in result.yearEnds {
      let yearStart = Self.time(year.year, 1, 1)
      // The year's blocks follow the previous year's last one; each year's last block is
      // stamped inside it, and the next year's first after its end.
      #expect(year.blocks == year.height - previous.height)
      #expect(try #require(year.firstTime) >= max(yearStart, start.time))
      #expect(previous.time < yearStart || year.year == 2029)
      #expect(year.time < Self.time(year.year + 1, 1, 1))
      #expect(year.supply == schedule.cumulativeSupply(through: year.height))
      // Every subsidy and fund output, from the engine's totals of each, is the supply's growth.
      let issued = year.paid.cumulus + year.paid.nimbus + year.paid.stratus + year.devFund + year.miner + year.funds
      #expect(issued == year.supply - start.supply)
      for tier in Tier.allCases {
        // A fixed fleet: every block shares each tier's payment among all its nodes.
        #expect(year.nodeBlocks[tier] == year.blocks * nodes[tier])
        #expect(year.confirmed[tier] == nodes[tier] && year.lockingNodes[tier] == nodes[tier])
        #expect(year.locked[tier].satoshi == Int64(nodes[tier]) * params.collateral.v2[tier].satoshi)
      }
      previous = (year.height, year.time)
    }
    // 2030, a whole calendar year: each tier was paid FluxCore's split of every block in
    // it, summed over the stretches of constant subsidy between its boundary heights and
    // the reductions inside it.
    let year = result.yearEnds[1]
    #expect(year.blocks > 20_000, "72 slots a day, most of them filled")
    let first = result.yearEnds[0].height + 1
    let reductions = stride(from: try #require(params.upgrades.pon), through: year.height, by: 10_000)
      .filter { $0 > first }
    let bounds = [first] + reductions + [year.height + 1]
    #expect(reductions.count == 2)
    let emission = schedule.cumulativeSupply(through: year.height) - schedule.cumulativeSupply(through: first - 1)
    for tier in Tier.allCases {
      var expected = Amount.zero
      for (from, to) in zip(bounds, bounds.dropFirst()) {
        let amount = params.reward(at: from, mode: config.supplyMode).tiers[tier]
        expected += Amount(satoshi: amount.satoshi * Int64(to - from))
      }
      let paid = year.paid[tier] - result.yearEnds[0].paid[tier]
      #expect(paid == expected, "\(tier)")
      // The same as the year's emission × the tier's PoN share (weights 1, 3.5 and 9 of
      // 14: exact for these subsidies of 14, 12.6 and 11.34 FLUX), per node over the fleet.
      let weight = [1, 3.5, 9][tier.index]
      #expect(Double(paid.satoshi) == Double(emission.satoshi) * weight / 14)
      #expect(
        Double(paid.satoshi) / Double(nodes[tier]) == Double(emission.satoshi) * weight / 14 / Double(nodes[tier]))
    }
  }

  @Test func yearsDoNotDependOnTheSampling() throws {
    let monthly = runJob(try Self.dailyBlocks(sampling: .seconds(30 * 86_400)))
    let everyBlock = runJob(try Self.dailyBlocks(sampling: .blocks(1)))
    #expect(monthly.yearEnds == everyBlock.yearEnds)
    #expect(monthly.series.count < 20 && everyBlock.series.count > 20_000)
  }

  @Test func aJobEndingAtItsLastBlockRecordsThatYearAsNotReached() throws {
    var config = try Self.dailyBlocks()
    guard case .tip(let tip) = config.start else { throw CancellationError() }
    let start = tip.height
    config.horizon = .height(start + 20)
    let result = runJob(config)
    // Stopped by its height, the job knows nothing after its last block: the year it ends
    // in is covered up to that block, and every year before it to its end.
    let last = try #require(result.yearEnds.last)
    #expect(!last.reachedEnd)
    #expect(last.height == start + 20)
    #expect(result.yearEnds.dropLast().allSatisfy { $0.reachedEnd })
    #expect(result.yearEnds.reduce(0) { $0 + $1.blocks } == 20)
    let yearStart = max(Self.time(last.year, 1, 1), result.series[0].time)
    #expect(last.seconds == last.time - yearStart)
  }

  @Test func rotationOfAFixedFleetIsUniform() {
    // Full uptime, no churn: each tier of N nodes is paid in turn, so at every sample the
    // waits are 0, 1, …, N − 1 blocks, one node each. By GSL's quantile (linear between
    // order statistics, at index f × (N − 1)), the f-quantile of 0 … N − 1 is f × (N − 1);
    // the longest wait is N − 1.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 40, nimbus: 25, stratus: 31))
    config.sampling = .blocks(97)
    let result = runJob(config)
    #expect(result.series.count > 20)
    for row in result.series {
      for tier in Tier.allCases {
        let n = Double(config.fleet.initialNodes[tier])
        let since = row.sincePaid[tier]
        #expect(abs((since?.p50 ?? -1) - 0.5 * (n - 1)) < 1e-9, "\(tier) at \(row.height)")
        #expect(abs((since?.p95 ?? -1) - 0.95 * (n - 1)) < 1e-9, "\(tier) at \(row.height)")
        #expect(since?.max == Int(n) - 1, "\(tier) at \(row.height)")
      }
    }
  }

  @Test func rotationQuantilesAreTheOnesOfTheNodesWaits() {
    // Uptime and churn: nodes expire, leave and join, so the lists hold stale entries and
    // the waits are uneven. At each sample the quantiles read from list positions equal
    // GSL's over every confirmed node's wait, computed from the ledger.
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 30, nimbus: 20, stratus: 20), seed: 4)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 2 * 3_600), offline: .exponential(mean: 3_600))
    config.fleet.churn = ChurnModel(
      exitsPerMonth: TierValues { _ in 30 }, joinsPerMonth: TierValues { _ in 30 })
    var simulation = Simulation(config: config)
    let start = simulation.chain.height
    for step in 1...6 {
      simulation.advance(toHeight: start + 300 * step)
      let rotation = simulation.sincePaid()
      let height = simulation.chain.height
      for tier in Tier.allCases {
        let waits = simulation.fleet.nodes.indices.filter {
          simulation.fleet.nodes[$0].tier == tier && simulation.fleet.nodes[$0].state == .confirmed
        }.map { id -> Double in
          let lastPaid = Int(simulation.fleet.ledger[id].lastPaid)
          return Double(height - (lastPaid > 0 ? lastPaid : simulation.fleet.nodes[id].confirmedHeight))
        }
        let summary = Summary(of: waits)
        #expect(rotation[tier]?.p50 == summary.p50, "\(tier) at \(height)")
        #expect(rotation[tier]?.p95 == summary.p95, "\(tier) at \(height)")
        #expect(rotation[tier].map { Double($0.max) } == summary.max, "\(tier) at \(height)")
      }
      #expect(simulation.invariantViolations() == [])
    }
  }

  @Test func lockedCollateralIsThatOfStartedAndConfirmedNodes() {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 20, nimbus: 10, stratus: 10), seed: 6)
    config.fleet.uptime = UptimeModel(online: .exponential(mean: 3_600), offline: .exponential(mean: 3_600))
    config.fleet.churn = ChurnModel(exitsPerMonth: TierValues { _ in 20 }, joinsPerMonth: TierValues { _ in 20 })
    config.sampling = .blocks(100)
    var simulation = Simulation(config: config)
    let start = simulation.chain.height
    var sawUncounted = false
    for step in 1...5 {
      simulation.advance(toHeight: start + 200 * step)
      simulation.sample()
      let expected = simulation.fleet.nodes.filter { $0.state == .started || $0.state == .confirmed }
        .reduce(Amount.zero) { $0 + $1.collateralAmount }
      #expect(simulation.metrics.rows.last?.collateralLocked == expected)
      // Pending, DoS-listed and expired nodes hold collateral that is not counted.
      sawUncounted =
        sawUncounted || simulation.fleet.nodes.contains { !$0.state.locksCollateral && $0.state != .exited }
    }
    // Some step had such nodes, so the sums above left some collateral out.
    #expect(sawUncounted)
    #expect(simulation.invariantViolations() == [])
  }

  @Test func sortedQuantileIsGSLs() {
    var state: UInt64 = 42
    for count in [1, 2, 3, 10, 97, 1_000] {
      let values = (0..<count).map { _ in Double(splitMix64(&state) % 10_000) / 7 }.sorted()
      let summary = Summary(of: values)
      #expect(SortedQuantile.value(0.5, count: count) { values[$0] } == summary.p50)
      #expect(SortedQuantile.value(0.95, count: count) { values[$0] } == summary.p95)
      #expect(SortedQuantile.value(0.05, count: count) { values[$0] } == summary.p5)
    }
  }
}
