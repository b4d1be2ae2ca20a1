import Testing

@testable import FluxCore

/// Rule overrides: every key applies, bad values and unknown keys are refused by key.
@Suite struct RuleSetTests {
  func rules(_ fields: [(String, RuleValue)]) throws(RuleError) -> RuleSet {
    try RuleSet(base: .mainnet, overrides: .map(fields.map { RuleField(key: $0.0, value: $0.1) }))
  }

  func error(_ fields: [(String, RuleValue)]) -> RuleError? {
    do {
      _ = try rules(fields)
      return nil
    } catch { return error }
  }

  @Test func noOverridesIsTheNetwork() throws {
    #expect(try RuleSet(base: .mainnet, overrides: nil).params == .mainnet)
    #expect(try RuleSet(base: .testnet, overrides: .map([])).params == .testnet)
  }

  @Test func nestedAndDottedKeysAreEquivalent() throws {
    let nested = try rules([("subsidy", .map([RuleField(key: "pon_reduction_percent", value: .scalar("15"))]))])
    let dotted = try rules([("subsidy.pon_reduction_percent", .scalar("15"))])
    #expect(nested.params == dotted.params)
    #expect(nested.params.subsidy.ponReductionKeep == Ratio(85, 100))
  }

  @Test func fifteenPercentReductionIsExact() throws {
    let params = try rules([("subsidy.pon_reduction_percent", .scalar("15%"))]).params
    // 14 FLUX × 85/100 = 11.9; × 85/100 = 10.115.
    #expect(params.codeSubsidy(at: 3_071_200) == Amount(satoshi: 1_190_000_000))
    #expect(params.codeSubsidy(at: 4_122_400) == Amount(satoshi: 1_011_500_000))
  }

  @Test func everyOverrideKeyChangesSomething() throws {
    let samples: [String: RuleValue] = [
      "pow_target_spacing": .scalar("60s"), "pon_target_spacing": .scalar("1m"),
      "time_anchor.height": .scalar("2020001"), "time_anchor.time": .scalar("2025-10-25T18:01:05Z"),
      "subsidy.pow_initial": .scalar("100"), "subsidy.slow_start_interval": .scalar("0"),
      "subsidy.halving_interval": .scalar("1_000"), "subsidy.frozen_after_halvings": .scalar("never"),
      "subsidy.premine_height": .scalar("never"), "subsidy.premine": .scalar("1"),
      "subsidy.pon_initial": .scalar("10"), "subsidy.pon_reduction_percent": .scalar("5"),
      "subsidy.pon_reduction_interval": .scalar("100"), "subsidy.pon_max_reductions": .scalar("3"),
      "split.node_payments_start": .scalar("1"), "split.flux_multiplier": .scalar("1.5"),
      "split.pon_weight_denominator": .scalar("20"), "collateral.min_confirmations": .scalar("5"),
      "funds": .list([]),
      "split.pow_tier_percent": .map([
        RuleField(key: "cumulus", value: .scalar("1")), RuleField(key: "nimbus", value: .scalar("2")),
        RuleField(key: "stratus", value: .scalar("3")),
      ]),
      "split.pon_tier_weights": .map([
        RuleField(key: "cumulus", value: .scalar("2")), RuleField(key: "nimbus", value: .scalar("3")),
        RuleField(key: "stratus", value: .scalar("8")),
      ]),
      "collateral.v1": .map([
        RuleField(key: "cumulus", value: .scalar("1")), RuleField(key: "nimbus", value: .scalar("2")),
        RuleField(key: "stratus", value: .scalar("3")),
      ]),
      "collateral.v2": .map([
        RuleField(key: "cumulus", value: .scalar("1")), RuleField(key: "nimbus", value: .scalar("2")),
        RuleField(key: "stratus", value: .scalar("3")),
      ]),
    ]
    // Keys that act only in a scheduled change are tested with changes (ScheduledChangeKeyTests).
    for key in RuleOverrideKey.all {
      if case .changeOnly = key.scope { continue }
      let value = samples[key.key] ?? .scalar(key.key.hasPrefix("upgrades.") ? "never" : "7")
      let params = try rules([(key.key, value)]).params
      #expect(params != ChainParams.mainnet, "override \(key.key) changed nothing")
    }
  }

  @Test func unknownKeySuggestsTheClosest() {
    let e = error([("subsidy.pon_reducton_percent", .scalar("15"))])
    #expect(e?.keyPath == "subsidy.pon_reducton_percent")
    #expect(e?.message == "unknown rule key; did you mean 'subsidy.pon_reduction_percent'?")
    let nested = error([("subsidy", .map([RuleField(key: "halvng_interval", value: .scalar("5"))]))])
    #expect(nested?.keyPath == "subsidy.halvng_interval")
    #expect(nested?.message.contains("did you mean 'subsidy.halving_interval'") == true)
  }

  @Test(arguments: [
    ("subsidy.pon_reduction_percent", "150", "expected a percentage from 0 to 100, found \"150\""),
    ("subsidy.pon_reduction_percent", "ten", "expected a percentage from 0 to 100, e.g. 10 or 12.5, found \"ten\""),
    ("subsidy.halving_interval", "0", "expected a whole number of blocks ≥ 1, found \"0\""),
    ("upgrades.pon", "-5", "expected a block height (0 … 2147483647) or \"never\", found \"-5\""),
    ("pon_target_spacing", "0s", "expected a duration from 1s to 86400s such as 30s, 2m, 1h or 1d, found \"0s\""),
    (
      "subsidy.pon_initial", "1.000000001",
      "expected an amount of FLUX ≥ 0 with at most 8 decimals, found \"1.000000001\""
    ),
    ("subsidy.frozen_after_halvings", "64", "expected 0 … 63 or \"never\", found \"64\""),
    ("time_anchor.time", "yesterday", "expected a UTC time such as 2025-10-25T18:00:35Z, found \"yesterday\""),
  ])
  func badValuesNameKeyAndProblem(key: String, value: String, message: String) {
    let e = error([(key, .scalar(value))])
    #expect(e == RuleError(keyPath: key, message: message))
  }

  @Test func crossFieldChecks() {
    let weights = error([
      (
        "split.pon_tier_weights",
        .map([
          RuleField(key: "cumulus", value: .scalar("5")), RuleField(key: "nimbus", value: .scalar("5")),
          RuleField(key: "stratus", value: .scalar("5")),
        ])
      )
    ])
    #expect(weights?.keyPath == "split.pon_tier_weights")
    #expect(weights?.message == "the weights sum to 15.00000000 FLUX, more than the denominator 14.00000000")
    let missingTier = error([("collateral.v1", .map([RuleField(key: "cumulus", value: .scalar("5"))]))])
    #expect(missingTier?.keyPath == "collateral.v1")
    #expect(missingTier?.message.hasPrefix("missing nimbus") == true)
    let badFund = error([("funds", .list([.map([RuleField(key: "name", value: .scalar("x"))])]))])
    #expect(badFund?.keyPath == "funds[0].amount")
    let twice = error([
      ("subsidy.premine", .scalar("1")), ("subsidy", .map([RuleField(key: "premine", value: .scalar("2"))])),
    ])
    #expect(twice == RuleError(keyPath: "subsidy.premine", message: "given twice"))
  }

  @Test func fundsListReplacesTheNetworks() throws {
    let params = try rules([
      (
        "funds",
        .list([
          .map([
            RuleField(key: "name", value: .scalar("grant")), RuleField(key: "amount", value: .scalar("1000")),
            RuleField(key: "height", value: .scalar("3000000")), RuleField(key: "count", value: .scalar("3")),
            RuleField(key: "interval", value: .scalar("10")),
          ])
        ])
      )
    ]).params
    #expect(params.funds.count == 1)
    #expect(params.cumulativeFunds(through: 3_000_020) == Amount(flux: 3_000))
    #expect(params.cumulativeFunds(through: 3_000_019) == Amount(flux: 2_000))
  }
}
