import FluxCore
import Testing

@testable import FluxSim

/// Scheduled rule changes in the engine: from its activation block on a change's rules
/// pay, time and target the blocks and drive the fleet's timers and collateral, and the
/// chain issues exactly what FluxCore's schedule of the same rules says.
@Suite struct ScheduledChangeTests {
  static let tip = TipState.measured2026.height

  @Test func supplyEqualsFluxCoreUnderThreeChanges() throws {
    // Three changes, each cutting another cache: the PoN subsidy (ChainState's rewards),
    // the split (the same cache, a split-only cut) and a new fund output with a new PoN
    // spacing (the fund cache, HotRules' slot spacing and difficulty timespan).
    let rules = try Self.schedule([
      Self.change("halving", at: Self.tip + 500, ["subsidy.pon_factor": .scalar("1/2")]),
      Self.change("stratus", at: Self.tip + 1_200, ["split.pon_tier_weights": Self.weights(1, 3.5, 9.5)]),
      Self.change(
        "faster", at: Self.tip + 2_000,
        [
          "pon_target_spacing": .scalar("15s"),
          "funds": .list([
            Self.fields([
              "name": .scalar("grant"), "amount": .scalar("1000"), "height": .scalar("\(Self.tip + 2_000)"),
              "count": .scalar("3"), "interval": .scalar("250"),
            ])
          ]),
        ]),
    ])
    var config = Fixtures.steadyPoN()
    config.rules = rules
    config.horizon = .height(Self.tip + 3_000)
    config.sampling = .blocks(50)
    let result = runJob(config)
    let schedule = SupplySchedule(params: rules.params, mode: .observed)
    #expect(result.final.height == Self.tip + 3_000)
    for row in result.series {
      #expect(row.supply == schedule.cumulativeSupply(through: row.height), "height \(row.height)")
    }
    // By hand: 14 FLUX a block before the halving (no reduction yet at the tip, the first
    // is at 3,071,200), 7 after it, and 3 × 1,000 FLUX of grant payments.
    let rows = Dictionary(uniqueKeysWithValues: result.series.map { ($0.height, $0) })
    let start = try #require(rows[Self.tip])
    let end = try #require(rows[Self.tip + 3_000])
    #expect(end.supply - start.supply == Amount(flux: 499 * 14 + 2_501 * 7 + 3 * 1_000))
    // Rule events of one height share a milestone: the last change pays the grant's first payment.
    #expect(
      result.milestones.map(\.label) == [
        "change: halving", "change: stratus", "change: faster; grant 1/3", "grant 2/3", "grant 3/3",
      ])
    #expect(
      result.milestones.map(\.height) == [
        Self.tip + 500, Self.tip + 1_200, Self.tip + 2_000, Self.tip + 2_250, Self.tip + 2_500,
      ])
  }

  @Test func eachTierIsPaidTheSplitOfItsEraFromTheActivationBlock() throws {
    let halving = Self.tip + 300
    let stratus = Self.tip + 600
    let rules = try Self.schedule([
      Self.change("halving", at: halving, ["subsidy.pon_factor": .scalar("1/2")]),
      Self.change("stratus", at: stratus, ["split.pon_tier_weights": Self.weights(1, 3.5, 9.5)]),
    ])
    var config = Fixtures.steadyPoN()
    config.rules = rules
    config.horizon = .height(Self.tip + 800)
    config.sampling = .blocks(1)
    let result = runJob(config)
    // One row per block and every tier always has a payee: the difference between two
    // rows is what the later block paid.
    var paid: [Int: (tiers: [Amount], devFund: Amount)] = [:]
    for (before, row) in zip(result.series, result.series.dropFirst()) {
      #expect(row.height == before.height + 1)
      paid[row.height] = (Tier.allCases.map { row.paid[$0] - before.paid[$0] }, row.devFund - before.devFund)
    }
    let params = rules.params
    let wrong = ((Self.tip + 1)...(Self.tip + 800)).filter { height in
      let reward = params.reward(subsidy: params.subsidy(at: height, mode: .observed), era: params.splitEra(at: height))
      return paid[height]?.tiers != Tier.allCases.map { reward.tiers[$0] } || paid[height]?.devFund != reward.devFund
    }
    #expect(wrong.isEmpty, "blocks paid otherwise than FluxCore's split: \(wrong.prefix(5))")
    // By hand, weights over 14 FLUX with the dev fund taking the rest: 14 FLUX pays
    // 1 / 3.5 / 9 and 0.5; halved to 7, 0.5 / 1.75 / 4.5 and 0.25; with Stratus at 9.5,
    // 0.5 / 1.75 / 4.75 and nothing.
    func flux(_ values: Double...) -> [Amount] { values.map { Amount(satoshi: Int64(($0 * 1e8).rounded())) } }
    #expect(paid[halving - 1]?.tiers == flux(1, 3.5, 9))
    #expect(paid[halving - 1]?.devFund == flux(0.5)[0])
    #expect(paid[halving]?.tiers == flux(0.5, 1.75, 4.5))
    #expect(paid[halving]?.devFund == flux(0.25)[0])
    #expect(paid[stratus - 1]?.tiers == flux(0.5, 1.75, 4.5))
    #expect(paid[stratus]?.tiers == flux(0.5, 1.75, 4.75))
    #expect(paid[stratus]?.devFund == .zero)
  }

  @Test func aSpacingChangeShowsInBlockIntervalsFromItsActivation() throws {
    // 150 nodes at the easiest PoN target (p = 2^-4 per node and slot) leave a slot empty
    // with (15/16)^150 ≈ 6e-5: blocks follow the slots, one per spacing.
    let activation = Self.tip + 1_001
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 50, nimbus: 50, stratus: 50))
    config.rules = try Self.schedule([Self.change("faster", at: activation, ["pon_target_spacing": .scalar("15s")])])
    let limits = config.rules.params.difficulty
    config.start = .tip(
      TipState(
        height: Self.tip, time: TipState.measured2026.time,
        difficulty: Double(limits.powLimit) / Double(limits.ponLimit)))
    config.horizon = .height(Self.tip + 2_000)
    config.sampling = .blocks(100)
    var simulation = Simulation(config: config)
    simulation.advance(toHeight: activation - 2)
    // The target of the block before the activation follows the old rule: (30 − 1) × 30 s.
    #expect(simulation.hot.ponDifficulty.targetTimespan == 870)
    #expect(simulation.hot.ponSpacing == 30)
    simulation.advance(toHeight: activation - 1)
    // The activation block's: (30 − 1) × 15 s.
    #expect(simulation.hot.ponDifficulty.targetTimespan == 435)
    #expect(simulation.hot.ponSpacing == 15)

    let rows = Dictionary(uniqueKeysWithValues: runJob(config).series.map { ($0.height, $0.time) })
    func meanInterval(_ from: Int, _ to: Int) throws -> Double {
      Double(try #require(rows[to]) - (try #require(rows[from]))) / Double(to - from)
    }
    // Each block is stamped 2 … 7 s into its slot: an interval is its slots' spacing ± 5 s,
    // and over hundreds of blocks the mean is the spacing within a fraction of a second.
    let before = try meanInterval(Self.tip + 100, activation - 1)
    let after = try meanInterval(activation - 1, Self.tip + 2_000)
    #expect(abs(before - 30) < 0.5, "before: \(before) s")
    #expect(abs(after - 15) < 0.5, "after: \(after) s")
  }

  @Test func newNodesLockTheCollateralAndWaitTheConfirmationsOfTheirEra() throws {
    let activation = Self.tip + 200
    let rules = try Self.schedule([
      Self.change(
        "collateral", at: activation,
        [
          "collateral.start_amount": Self.fields([
            "cumulus": .scalar("2000"), "nimbus": .scalar("20000"), "stratus": .scalar("50000"),
          ]),
          "collateral.min_confirmations": .scalar("2880"),
        ])
    ])
    var config = Fixtures.steadyPoN()
    config.rules = rules
    var simulation = Simulation(config: config)
    let initial = simulation.fleet.nodes.count
    let v2 = ChainParams.mainnet.collateral.v2
    #expect(simulation.fleet.nodes.allSatisfy { $0.collateralAmount == v2[$0.tier] })

    // Locked in block tip + 1: mature after 100 confirmations, at tip + 101, before the change.
    let early = simulation.fleet.nodes.count
    simulation.addNode(.cumulus)
    // Locked in block tip + 151: 100 confirmations would end at tip + 251, inside the new
    // era, which asks 2,880 of the blocks it holds: tip + 151 + 2,880.
    simulation.advance(toHeight: Self.tip + 150)
    let straddling = simulation.fleet.nodes.count
    simulation.addNode(.nimbus)
    // Locked after the change: its amount and confirmations.
    simulation.advance(toHeight: activation + 10)
    let late = simulation.fleet.nodes.count
    simulation.addNode(.stratus)

    #expect(simulation.fleet.nodes[early].earliestStart == Self.tip + 101)
    #expect(simulation.fleet.nodes[straddling].earliestStart == Self.tip + 151 + 2_880)
    #expect(simulation.fleet.nodes[late].earliestStart == activation + 11 + 2_880)
    // Each is the first block FluxCore calls mature for its collateral.
    let params = rules.params
    for (node, coin) in [(early, Self.tip + 1), (straddling, Self.tip + 151), (late, activation + 11)] {
      let first = simulation.fleet.nodes[node].earliestStart
      let (mature, before) = (
        params.isCollateralMature(coinHeight: coin, at: first),
        params.isCollateralMature(coinHeight: coin, at: first - 1)
      )
      #expect(
        mature && !before, "collateral of block \(coin): mature at \(first)? \(mature); at \(first - 1)? \(before)")
    }
    #expect(simulation.fleet.nodes[early].collateralAmount == Amount(flux: 1_000))
    #expect(simulation.fleet.nodes[straddling].collateralAmount == Amount(flux: 12_500))
    #expect(simulation.fleet.nodes[late].collateralAmount == Amount(flux: 50_000))
    // Nodes started before keep theirs.
    #expect(simulation.fleet.nodes[..<initial].allSatisfy { $0.collateralAmount == v2[$0.tier] })
  }

  @Test func confirmsFollowANewIntervalFromTheActivationBlock() throws {
    // The PoN confirm interval goes from 500 to 200 blocks. Reference: from each node's
    // last confirm c before the change, a node online throughout confirms in every block h
    // with h − c > M(h) (fluxd `CheckConfirmationHeights`), with M as FluxCore gives it.
    let activation = Self.tip + 400
    let rules = try Self.schedule([
      Self.change("confirm-faster", at: activation, ["timers.pon.min_confirm_interval": .scalar("200")])
    ])
    var config = Fixtures.steadyPoN()
    config.rules = rules
    var simulation = Simulation(config: config)
    simulation.advance(toHeight: activation - 1)
    let before = simulation.fleet.nodes.indices.map { simulation.fleet.lastConfirm($0, at: activation - 1) }
    simulation.advance(toHeight: activation)
    let params = rules.params
    var realigned = (kept: 0, restarted: 0)
    var wrong: [String] = []
    for (node, last) in before.enumerated() {
      var confirm = last
      for height in activation...(activation + 1_000) {
        if height - confirm > params.nodeTimers(at: height).minConfirmInterval { confirm = height }
        let engine = simulation.fleet.lastConfirm(node, at: height)
        if engine != confirm { wrong.append("node \(node) at \(height): \(engine), not \(confirm)") }
      }
      if last + 201 > activation { realigned.kept += 1 } else { realigned.restarted += 1 }
    }
    #expect(wrong.isEmpty, "\(wrong.count) wrong, first \(wrong.prefix(3))")
    // Both cases occur: a last confirm less than 201 blocks before the change (the next
    // comes 201 blocks after it) and an older one (the node confirms in the activation block).
    #expect(realigned.kept > 0 && realigned.restarted > 0)
  }

  @Test func aChangeBackToTheBaseValuesChangesNothingButItsMilestone() throws {
    var config = Fixtures.steadyPoN(nodes: TierValues(cumulus: 20, nimbus: 10, stratus: 10))
    config.fleet.uptime = .typical
    config.horizon = .height(Self.tip + 1_500)
    let plain = runJob(config)
    config.rules = try Self.schedule([
      Self.change(
        "same", at: Self.tip + 700,
        [
          "subsidy.pon_factor": .scalar("1"), "split.pon_tier_weights": Self.weights(1, 3.5, 9),
          "pon_target_spacing": .scalar("30s"), "timers.pon.min_confirm_interval": .scalar("500"),
          "collateral.min_confirmations": .scalar("100"),
        ])
    ])
    let scheduled = runJob(config)
    #expect(scheduled.series == plain.series)
    #expect(scheduled.payouts == plain.payouts)
    #expect(scheduled.producedBlocks == plain.producedBlocks)
    #expect(scheduled.milestones.filter { $0.label != "change: same" } == plain.milestones)
    #expect(scheduled.milestones.contains { $0.label == "change: same" && $0.height == Self.tip + 700 })
  }

  @Test func ponSecondsCountEachBlockAtItsErasSpacing() throws {
    let activation = Self.tip + 100
    let rules = try Self.schedule([Self.change("faster", at: activation, ["pon_target_spacing": .scalar("15s")])])
    let hot = HotRules(rules.params, at: Self.tip + 1)
    // 10 blocks at 30 s before the change and 10 at 15 s from it.
    #expect(hot.ponSeconds(from: activation - 10, to: activation + 10) == 10 * 30 + 10 * 15)
    #expect(hot.ponSeconds(from: activation + 10, to: activation - 10) == 0)
    #expect(HotRules(.mainnet, at: 1).ponSeconds(from: 0, to: 1_051_200) == 31_536_000)
  }

  // MARK: Building rules as a file would give them

  static func fields(_ pairs: KeyValuePairs<String, RuleValue>) -> RuleValue {
    .map(pairs.map { RuleField(key: $0.key, value: $0.value) })
  }

  static func weights(_ cumulus: Double, _ nimbus: Double, _ stratus: Double) -> RuleValue {
    fields(["cumulus": .scalar("\(cumulus)"), "nimbus": .scalar("\(nimbus)"), "stratus": .scalar("\(stratus)")])
  }

  static func change(_ name: String, at height: Int, _ overrides: KeyValuePairs<String, RuleValue>) -> RuleValue {
    fields(["name": .scalar(name), "at": fields(["height": .scalar("\(height)")]), "overrides": fields(overrides)])
  }

  static func schedule(_ changes: [RuleValue]) throws -> RuleSet {
    try RuleSet(.mainnet).scheduling(.list(changes))
  }
}
