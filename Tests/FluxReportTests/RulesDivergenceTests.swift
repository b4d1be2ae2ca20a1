import FluxCore
import FluxScenario
import Testing

@testable import FluxReport

/// The first divergence of two rule sets, found from a few hundred evaluations, must be
/// the height a block-by-block scan finds.
@Suite struct RulesDivergenceTests {
  let mainnet = RuleSet(.mainnet)
  let horizon = RulesDiffReport.defaultHorizon(.mainnet)

  func proposal(_ yaml: String) throws -> RuleSet { try RulesFile(file: "proposal.yaml", text: yaml).rules }

  func divergence(_ proposal: RuleSet, mode: SupplyMode = .observed, through limit: Int? = nil) -> RulesDivergence {
    RulesDivergence(
      base: SupplySchedule(params: mainnet.params, mode: mode),
      proposal: SupplySchedule(params: proposal.params, mode: mode), through: limit ?? horizon)
  }

  /// The first subsidy, split and supply differences found by checking every block in
  /// `0 ... limit`.
  static func scan(_ base: SupplySchedule, _ proposal: SupplySchedule, through limit: Int) -> [Int?] {
    var subsidy: Int?
    var split: Int?
    var supply: Int?
    let mode = base.mode
    for height in 0...limit {
      if subsidy == nil, base.params.subsidy(at: height, mode: mode) != proposal.params.subsidy(at: height, mode: mode)
      {
        subsidy = height
      }
      if split == nil, base.params.reward(at: height, mode: mode) != proposal.params.reward(at: height, mode: mode) {
        split = height
      }
      if supply == nil, base.cumulativeSupply(through: height) != proposal.cumulativeSupply(through: height) {
        supply = height
      }
    }
    return [subsidy, split, supply]
  }

  @Test func noOpOverrideDoesNotDiverge() throws {
    let noOp = try proposal("overrides:\n  subsidy:\n    pon_reduction_percent: 10\n")
    #expect(divergence(noOp).isEmpty)
    let report = RulesDiffReport(
      base: mainnet, proposal: noOp, proposalName: "p.yaml", mode: .observed, horizon: horizon)
    #expect(report.markdown().contains("\nNo difference up to height \(horizon).\n"))
  }

  @Test func fifteenPercentReductionDivergesAtTheFirstReduction() throws {
    let fifteen = try proposal("overrides:\n  subsidy.pon_reduction_percent: 15\n")
    let found = divergence(fifteen)
    #expect(found.subsidy == 3_071_200 && found.split == 3_071_200 && found.supply == 3_071_200)
    // The edge itself: equal one block before, 12.6 vs 11.9 FLUX at it.
    #expect(fifteen.params.subsidy(at: 3_071_199, mode: .observed) == Amount(flux: 14))
    #expect(fifteen.params.subsidy(at: 3_071_200, mode: .observed) == Amount(satoshi: 1_190_000_000))
    #expect(divergence(fifteen, through: 3_071_199).isEmpty)
    let report = RulesDiffReport(
      base: mainnet, proposal: fifteen, proposalName: "p.yaml", mode: .observed, horizon: horizon)
    let text = report.markdown()
    #expect(text.contains("| block subsidy first differs | height 3071200, 2026-10-25T18:00:35Z |"))
    #expect(!text.contains("No difference"))
  }

  @Test func laterProofOfNodeDivergesAtTheBaseActivation() throws {
    let found = divergence(try proposal("overrides:\n  upgrades.pon: 2_100_000\n"))
    #expect(found.subsidy == 2_020_000 && found.split == 2_020_000 && found.supply == 2_020_000)
  }

  @Test func removedFundsChangeOnlySupply() throws {
    let found = divergence(try proposal("overrides:\n  funds: []\n"))
    #expect(found.subsidy == nil && found.split == nil)
    #expect(found.supply == 836_274)
  }

  /// Slow start over 4,000 blocks: code(h) = 150 FLUX / 4,000 × h = 3,750,000 sat × h
  /// instead of 3,000,000 sat × h for 2 ≤ h < 2,000 (height 1 is the premine in both).
  /// Code mode first differs at 2; observed pays code(h − 1), so one block later, at 3.
  @Test(arguments: [(SupplyMode.code, 2), (.observed, 3)])
  func slowStartDivergesAtTheFirstRampBlock(mode: SupplyMode, expected: Int) throws {
    let slow = try proposal("overrides:\n  subsidy.slow_start_interval: 4000\n")
    #expect(slow.params.codeSubsidy(at: 2) == Amount(satoshi: 7_500_000))
    #expect(mainnet.params.codeSubsidy(at: 2) == Amount(satoshi: 6_000_000))
    let found = divergence(slow, mode: mode)
    #expect(found.subsidy == expected && found.split == expected && found.supply == expected)
    let scanned = Self.scan(
      SupplySchedule(params: mainnet.params, mode: mode), SupplySchedule(params: slow.params, mode: mode),
      through: 10_000)
    #expect(divergence(slow, mode: mode, through: 10_000).firsts == scanned)
  }

  /// PoN from 3,000 at 90.03 FLUX meets the code-mode slow start (3,000,000 sat × 3,001)
  /// exactly at its first block, and the ramp leaves it one block later: the subsidies
  /// first differ at the piece's second height, the split already at its first (PoN pays
  /// the tiers, the slow start only the miner).
  @Test func rampThatMeetsAConstantDivergesOneBlockLater() throws {
    let meeting = try proposal("overrides:\n  upgrades.pon: 3000\n  subsidy.pon_initial: 90.03\n")
    #expect(meeting.params.codeSubsidy(at: 3_000) == mainnet.params.codeSubsidy(at: 3_000))
    let found = divergence(meeting, mode: .code, through: 6_000)
    #expect(found.subsidy == 3_001 && found.split == 3_000 && found.supply == 3_001)
    let scanned = Self.scan(
      SupplySchedule(params: mainnet.params, mode: .code), SupplySchedule(params: meeting.params, mode: .code),
      through: 6_000)
    #expect(found.firsts == scanned)
  }

  /// Node payments from genesis under cumulus shares of 3.75 % and 3.75000001 %: on the
  /// ramp's second half the subsidy is 3,000,000 sat × (h + 1), so the truncated products
  /// part once 3,000,000 × (h + 1) × 10⁻¹⁰ reaches 1 satoshi, at h + 1 = 3,334, deep
  /// inside a piece [2,500, 5,000): only the block-by-block look finds it.
  @Test func nearlyEqualSharesOnTheRampDivergeInsideThePiece() throws {
    let common = "  split.node_payments_start: 0\n  subsidy.premine_height: never\n"
    let base = try proposal("overrides:\n" + common)
    let nudged = try proposal(
      "overrides:\n" + common + "  split.pow_tier_percent: {cumulus: 3.75000001, nimbus: 6.25, stratus: 15}\n")
    let a = SupplySchedule(params: base.params, mode: .code)
    let b = SupplySchedule(params: nudged.params, mode: .code)
    let found = RulesDivergence(base: a, proposal: b, through: 6_000)
    #expect(found.subsidy == nil && found.supply == nil)
    #expect(found.split == 3_333)
    #expect(found.firsts == Self.scan(a, b, through: 6_000))
  }

  /// Random small rule sets and a variant of each with one to three values re-drawn:
  /// every era, fund and split change falls inside a few thousand blocks, so a full scan
  /// is cheap and covers pieces with equal and different slopes, ramps under node
  /// payments and one-block fund pieces.
  @Test(arguments: 1...40 as ClosedRange<UInt64>)
  func agreesWithABlockByBlockScan(seed: UInt64) throws {
    var state = seed
    func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(splitMix64(&state) % UInt64(range.count)) }
    func heightOrNever(_ range: ClosedRange<Int>) -> String { draw(0...4) == 0 ? "never" : String(draw(range)) }
    let values: [String: () -> String] = [
      "subsidy.slow_start_interval": { String(draw(0...60)) },
      "subsidy.halving_interval": { String(draw(20...400)) },
      "subsidy.frozen_after_halvings": { draw(0...3) == 0 ? "never" : String(draw(0...4)) },
      "subsidy.premine_height": { heightOrNever(0...30) },
      "subsidy.pow_initial": { ["150", "37.5", "0.00012345"][draw(0...2)] },
      "upgrades.pon": { heightOrNever(1...2_500) },
      "subsidy.pon_initial": { ["14", "20", "0.00000007"][draw(0...2)] },
      "subsidy.pon_reduction_percent": { String(draw(0...40)) },
      "subsidy.pon_reduction_interval": { String(draw(1...400)) },
      "subsidy.pon_max_reductions": { String(draw(0...8)) },
      "split.node_payments_start": { heightOrNever(0...800) },
      "upgrades.flux": { heightOrNever(0...1_500) },
      "split.pow_tier_percent": {
        ["{cumulus: 3.75, nimbus: 6.25, stratus: 15}", "{cumulus: 5, nimbus: 5, stratus: 5}"][draw(0...1)]
      },
      "split.flux_multiplier": { ["2", "1.5"][draw(0...1)] },
      "split.pon_tier_weights": {
        ["{cumulus: 1, nimbus: 3.5, stratus: 9}", "{cumulus: 2, nimbus: 3, stratus: 4}"][draw(0...1)]
      },
      "funds": {
        let funds = (0..<draw(0...2)).map { index in
          "{name: f\(index), amount: \(draw(1...900)), height: \(draw(0...2_500)), count: \(draw(1...4)), interval: \(draw(1...300))}"
        }
        return "[" + funds.joined(separator: ", ") + "]"
      },
    ]
    let keys = values.keys.sorted()
    var base: [String: String] = [:]
    for key in keys where draw(0...1) == 0 { base[key] = values[key]!() }
    var variant = base
    for _ in 0..<draw(1...3) {
      let key = keys[draw(0...keys.count - 1)]
      variant[key] = values[key]!()
    }
    // RuleSet refuses a key whose rule another draw switched off (`never`): drop such keys.
    func rules(_ drawn: [String: String]) throws -> RuleSet {
      var chosen = drawn
      while true {
        do {
          return try proposal("overrides:\n" + chosen.keys.sorted().map { "  \($0): \(chosen[$0]!)\n" }.joined())
        } catch let error as Diagnostic where error.message.hasPrefix("has no effect while") {
          guard chosen.removeValue(forKey: String(error.keyPath.dropFirst("overrides.".count))) != nil else {
            throw error
          }
        }
      }
    }
    let mode: SupplyMode = seed % 2 == 0 ? .code : .observed
    let (left, right) = (try rules(base), try rules(variant))
    let a = SupplySchedule(params: left.params, mode: mode)
    let b = SupplySchedule(params: right.params, mode: mode)
    let found = RulesDivergence(base: a, proposal: b, through: 3_000)
    #expect(found.firsts == Self.scan(a, b, through: 3_000), "\(mode) \(base) vs \(variant)")
  }
}

extension RulesDivergence {
  /// The three first differences, to compare with `RulesDivergenceTests.scan`.
  fileprivate var firsts: [Int?] { [subsidy, split, supply] }
}
