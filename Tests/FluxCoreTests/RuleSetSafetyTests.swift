import Testing

@testable import FluxCore

/// The promise of `RuleSet`: rules it accepts are safe at every height 0 … maxHeight.
///
/// Rule sets are drawn from each key's extremes (the largest amounts, the shortest and
/// longest intervals, `never`), most of which `RuleSet` refuses; every one it accepts is
/// evaluated by every FluxCore function at the chain's ends, around each subsidy change
/// and at random heights. A trap would end the test run; the schedule must also agree with
/// the block-by-block rules wherever it is asked.
@Suite struct RuleSetSafetyTests {
  static let maxHeight = ChainParams.maxHeight
  static let largest = Amount(satoshi: .max).description

  /// Candidate values per key, extremes first.
  static let candidates: [String: [RuleValue]] = {
    func scalars(_ values: [String]) -> [RuleValue] { values.map(RuleValue.scalar) }
    func tiers(_ c: String, _ n: String, _ s: String) -> RuleValue {
      .map([
        RuleField(key: "cumulus", value: .scalar(c)), RuleField(key: "nimbus", value: .scalar(n)),
        RuleField(key: "stratus", value: .scalar(s)),
      ])
    }
    func fund(_ amount: String, _ height: Int, _ count: Int, _ interval: Int) -> RuleValue {
      .map([
        RuleField(key: "name", value: .scalar("f")), RuleField(key: "amount", value: .scalar(amount)),
        RuleField(key: "height", value: .scalar(String(height))),
        RuleField(key: "count", value: .scalar(String(count))),
        RuleField(key: "interval", value: .scalar(String(interval))),
      ])
    }
    let heights = scalars(["never", "0", "1", "5000", "2020000", String(maxHeight)])
    var values: [String: [RuleValue]] = [
      "pow_target_spacing": scalars(["1s", "120s", "1000s", "1d"]),
      "pon_target_spacing": scalars(["1s", "30s", "1000s", "1d"]),
      "time_anchor.height": scalars(["0", "2020000", String(maxHeight)]),
      "time_anchor.time": scalars(["0001-01-01", "2025-10-25T18:00:35Z", "9999-12-31T23:59:59Z"]),
      "subsidy.pow_initial": scalars(["0", "0.00000001", "150", "42.94967298", largest]),
      "subsidy.slow_start_interval": scalars(["0", "1", "5000", "1000000"]),
      "subsidy.halving_interval": scalars(["1", "655350", String(maxHeight)]),
      "subsidy.frozen_after_halvings": scalars(["never", "0", "2", "63"]),
      "subsidy.premine_height": heights,
      "subsidy.premine": scalars(["0", "13020000", largest]),
      "subsidy.pon_initial": scalars(["0", "14", "42.94967298", largest]),
      "subsidy.pon_reduction_percent": scalars(["0", "0.00000001", "10", "99.99999999", "100"]),
      "subsidy.pon_reduction_interval": scalars(["1", "1051200", String(maxHeight)]),
      "subsidy.pon_max_reductions": scalars(["0", "20", "10000"]),
      "split.node_payments_start": heights,
      "split.pow_tier_percent": [tiers("0", "0", "0"), tiers("100", "0", "0"), tiers("3.75", "6.25", "15")],
      "split.flux_multiplier": scalars(["0", "1", "2", "1000000"]),
      "split.pon_tier_weights": [tiers("1", "3.5", "9"), tiers(largest, "0", "0"), tiers("0", "0", "0")],
      "split.pon_weight_denominator": scalars(["0.00000001", "14", largest]),
      "funds": [
        .list([]), .list([fund(largest, maxHeight, 1, 1)]), .list([fund("1", 0, 10_000, 1)]),
        .list([fund("1000", 5_000, 100, 21_474_836)]),
      ],
      "collateral.v1": [tiers("0", "0", "0"), tiers(largest, largest, largest)],
      "collateral.v2": [tiers("1", "1", "1"), tiers(largest, "0", largest)],
      "collateral.min_confirmations": scalars(["0", String(maxHeight)]),
      "difficulty.pow_limit": scalars([String(repeating: "f", count: 64), String(repeating: "0", count: 63) + "1"]),
      "difficulty.pon_limit": scalars([String(repeating: "f", count: 64), String(repeating: "0", count: 63) + "1"]),
      "difficulty.pon_start_limit": scalars([String(repeating: "f", count: 64)]),
      "difficulty.pon_window": scalars(["2", "64"]),
      "difficulty.lwma_window": scalars(["2", "63"]),
      "difficulty.digishield_window": scalars(["2", "53"]),
    ]
    for upgrade in Upgrade.allCases { values["upgrades.\(upgrade.rawValue)"] = heights }
    for key in RuleOverrideKey.all.map(\.key) where key.hasPrefix("timers.") {
      values[key] = scalars(["1", String(maxHeight)])
    }
    return values
  }()

  /// Every key the top-level overrides accept (the others act only in a scheduled change).
  @Test func everyKeyHasCandidates() {
    let topLevel = RuleOverrideKey.all.filter { key in
      if case .changeOnly = key.scope { return false }
      return true
    }
    #expect(Set(Self.candidates.keys) == Set(topLevel.map(\.key)))
  }

  @Test(arguments: 0..<6 as Range<UInt64>)
  func acceptedRuleSetsAreSafeAtEveryHeight(batch: UInt64) throws {
    var state = 0x5AFE_0000 + batch
    func draw(_ count: Int) -> Int { Int(splitMix64(&state) % UInt64(count)) }
    let keys = Self.candidates.keys.sorted()
    var accepted = 0
    for _ in 0..<60 {
      var fields: [RuleField] = []
      for key in keys where draw(4) == 0 {
        let values = Self.candidates[key] ?? []
        fields.append(RuleField(key: key, value: values[draw(values.count)]))
      }
      guard let rules = try? RuleSet(base: Network.allCases[draw(3)], overrides: .map(fields)) else { continue }
      accepted += 1
      for mode in SupplyMode.allCases { evaluateEverywhere(rules.params, mode, random: &state) }
    }
    #expect(accepted >= 10, "only \(accepted) of 60 rule sets accepted: too few to test anything")
  }

  /// Candidates of the keys that act only in a scheduled change.
  static let changeOnlyCandidates: [String: [RuleValue]] = [
    "subsidy.pon_factor": ["0", "1/2", "3/2", "1000", "0.00000001"].map(RuleValue.scalar),
    "subsidy.pon_further_reductions": ["0", "1", "10000"].map(RuleValue.scalar),
    "collateral.start_amount": [
      .map(Tier.allCases.map { RuleField(key: $0.description, value: .scalar("1")) }),
      .map(Tier.allCases.map { RuleField(key: $0.description, value: .scalar(largest)) }),
    ],
  ]

  /// Schedules of up to four changes at drawn heights (the eras' edges, extremes and
  /// random), each setting drawn keys to drawn extremes, on drawn base rules: every
  /// schedule `RuleSet` accepts is safe at every height, as the rules without changes are.
  @Test(arguments: 0..<4 as Range<UInt64>)
  func acceptedSchedulesAreSafeAtEveryHeight(batch: UInt64) throws {
    var state = 0x5C4E_D000 + batch
    func draw(_ count: Int) -> Int { Int(splitMix64(&state) % UInt64(count)) }
    let candidates = Self.candidates.merging(Self.changeOnlyCandidates) { first, _ in first }
    let keys = candidates.keys.sorted()
    let maxHeight = Self.maxHeight
    let heights = [
      1, 2, 4_999, 5_000, 800, 1_000_000, 1_100_000, 2_019_999, 2_020_000, 2_020_001, 3_466_630, maxHeight,
    ]
    var accepted = 0
    for _ in 0..<30 {
      var base: [RuleField] = []
      for key in Self.candidates.keys.sorted() where draw(12) == 0 {
        let values = Self.candidates[key] ?? []
        base.append(RuleField(key: key, value: values[draw(values.count)]))
      }
      let network = Network.allCases[draw(3)]
      var activations = Set<Int>()
      for _ in 0...draw(4) { activations.insert(draw(3) == 0 ? 1 + draw(maxHeight) : heights[draw(heights.count)]) }
      let changes = activations.sorted().enumerated().map { index, height in
        // Keys whose scope lets a change at this height set them on the network's rules.
        let allowed = keys.filter { key in
          switch RuleOverrideKey.named(key)?.scope {
          case .anywhere(let era), .changeOnly(let era, _): era.refusal(at: height, in: .of(network)) == nil
          default: false
          }
        }
        var overrides: [RuleField] = []
        for _ in 0...draw(3) where !allowed.isEmpty {
          let key = allowed[draw(allowed.count)]
          let values = candidates[key] ?? []
          if !overrides.contains(where: { $0.key == key }) {
            overrides.append(RuleField(key: key, value: values[draw(values.count)]))
          }
        }
        return Schedule.change("c\(index)", height: height, overrides.map { ($0.key, $0.value) })
      }
      guard let rules = try? RuleSet(base: network, overrides: .map(base)).scheduling(.list(changes))
      else { continue }
      accepted += 1
      for mode in SupplyMode.allCases { evaluateEverywhere(rules.params, mode, random: &state) }
    }
    #expect(accepted >= 5, "only \(accepted) of 30 schedules accepted: too few to test anything")
  }

  func evaluateEverywhere(_ params: ChainParams, _ mode: SupplyMode, random state: inout UInt64) {
    let maxHeight = Self.maxHeight
    let schedule = SupplySchedule(params: params, mode: mode)
    let changes = schedule.subsidyChangeHeights
    var heights = [0, 1, 2, maxHeight - 1, maxHeight]
    heights += (changes.prefix(30) + changes.suffix(30) + params.activationHeights).flatMap { [$0 - 1, $0, $0 + 1] }
    heights += (0..<20).map { _ in Int(splitMix64(&state) % UInt64(maxHeight + 1)) }
    for height in Set(heights) where (0...maxHeight).contains(height) {
      let subsidy = params.subsidy(at: height, mode: mode)
      #expect(schedule.subsidy(at: height) == subsidy)
      let reward = params.reward(at: height, mode: mode)
      #expect(reward.subsidy == subsidy)
      #expect(reward.tiers.cumulus <= subsidy && reward.tiers.nimbus <= subsidy && reward.tiers.stratus <= subsidy)
      if height >= 1 {
        let added = schedule.cumulativeSupply(through: height) - schedule.cumulativeSupply(through: height - 1)
        #expect(added == subsidy + params.fundAmount(at: height))
      }
      let row = schedule.emissionRow(at: height)
      #expect(row.time >= UTCTime.earliest && row.time <= UTCTime.latest)
      #expect(params.projectedHeight(atOrBefore: row.time) == height)
      #expect(UTCTime.seconds(UTCTime.components(row.time)) == row.time)
      #expect(params.requiredHistoryCount(forHeight: height) <= DifficultyParams.maxHistory)
      #expect(params.expiryHeight(lastConfirm: height) > height)
      _ = params.updateConfirmWindow(lastConfirm: height)
      _ = params.initialConfirmDeadline(startHeight: height)
      _ = params.dosReleaseHeight(startHeight: height)
      _ = params.reducedCollateralEnforced(at: height)
      _ = params.validCollaterals(for: .stratus, at: height)
      _ = params.isInFirstPonWindow(height)
      _ = params.ponDifficultyRule(at: height)
    }
    _ = params.ponDifficultyRule
    _ = params.lwmaK
    _ = params.digishieldMaxActualTimespan
    let events = schedule.ruleChangeEvents(through: maxHeight) + schedule.yearEndEvents(through: params.yearOfMaxHeight)
    #expect(events.allSatisfy { (0...maxHeight).contains($0.height) })
    #expect(params.lastHeight(throughYear: 2060) <= maxHeight)
  }
}
