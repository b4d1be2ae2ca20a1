/// Every constant a rule file may override, by its dotted key.
///
/// One table, so that the accepted keys, their documentation, where each may be given
/// (`scope`) and the "did you mean" suggestions cannot drift apart. Each entry reads its
/// value with the exact parser for its unit and writes it into a copy of `ChainParams`,
/// or, for a change's one-off instructions, returns the instruction.
public struct RuleOverrideKey: Sendable {
  /// Dotted key, e.g. `subsidy.pon_reduction_percent`.
  public let key: String
  /// What the value means and its unit, for `Scenarios/README.md`-style help.
  public let help: String
  /// Where the key may be given: the top-level overrides, a scheduled change, or both.
  public let scope: ChangeScope
  let action: Action

  /// What a key does with its value.
  enum Action: Sendable {
    /// Sets parameters that hold from the block the overrides start at.
    case set(@Sendable (inout ChainParams, RuleValue) throws(RuleError) -> Void)
    /// A change's one-off instruction at its activation.
    case instruct(@Sendable (RuleValue) throws(RuleError) -> ChangeInstruction)
  }

  init(
    key: String, help: String, scope: ChangeScope,
    apply: @escaping @Sendable (inout ChainParams, RuleValue) throws(RuleError) -> Void
  ) {
    self.key = key
    self.help = help
    self.scope = scope
    self.action = .set(apply)
  }

  init(
    key: String, help: String, scope: ChangeScope,
    instruct: @escaping @Sendable (RuleValue) throws(RuleError) -> ChangeInstruction
  ) {
    self.key = key
    self.help = help
    self.scope = scope
    self.action = .instruct(instruct)
  }

  /// All keys, in documentation order.
  public static let all: [RuleOverrideKey] =
    upgradeKeys + timeKeys + subsidyKeys + changeSubsidyKeys + splitKeys + fundKeys + collateralKeys + timerKeys
    + difficultyKeys

  /// The entry for `key`, if any.
  public static func named(_ key: String) -> RuleOverrideKey? { all.first { $0.key == key } }

  static let upgradeKeys: [RuleOverrideKey] = Upgrade.allCases.map { upgrade in
    RuleOverrideKey(
      key: "upgrades.\(upgrade.rawValue)", help: "activation height of \(upgrade.rawValue), or never",
      scope: .genesisOnly(
        "an upgrade's height is when its rules start, for the whole chain; a change's own height is its `at`")
    ) {
      params, value throws(RuleError) in params.upgrades[upgrade] = try value.heightOrNever()
    }
  }

  static let timeKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "pow_target_spacing", help: "PoW block spacing (duration 1s … 1d, 120s)",
      scope: .anywhere(.spacing(pon: false))
    ) {
      params, value throws(RuleError) in
      params.powTargetSpacing = try value.seconds(in: 1...ChainParams.maxTargetSpacing)
    },
    RuleOverrideKey(
      key: "pon_target_spacing", help: "PoN block spacing (duration 1s … 1d, 30s)",
      scope: .anywhere(.spacing(pon: true))
    ) {
      params, value throws(RuleError) in
      params.ponTargetSpacing = try value.seconds(in: 1...ChainParams.maxTargetSpacing)
    },
    RuleOverrideKey(
      key: "time_anchor.height", help: "height of the block whose time anchors projected dates", scope: anchorScope
    ) {
      params, value throws(RuleError) in
      params.timeAnchor.height = try value.integer(in: 0...ChainParams.maxHeight, expected: "a block height")
    },
    RuleOverrideKey(
      key: "time_anchor.time", help: "UTC time of the anchor block, e.g. 2025-10-25T18:00:35Z", scope: anchorScope
    ) {
      params, value throws(RuleError) in
      let expected = "a UTC time such as 2025-10-25T18:00:35Z"
      guard let time = UTCTime.parse(try value.text(expected: expected)) else {
        throw .found(value, expected: expected)
      }
      params.timeAnchor.time = time
    },
  ]

  static let anchorScope = ChangeScope.genesisOnly(
    "the clock's anchor is a block of known time, which dates the whole chain")

  static let subsidyKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "subsidy.pow_initial", help: "PoW subsidy before halvings (FLUX, 150)", scope: .anywhere(.proofOfWork)
    ) {
      params, value throws(RuleError) in params.subsidy.powInitialSubsidy = try value.amount()
    },
    RuleOverrideKey(
      key: "subsidy.slow_start_interval", help: "blocks of linear ramp-up at genesis (0 … 1000000, 5000)",
      scope: .genesisOnly("the slow start is the ramp of the first blocks after genesis")
    ) {
      params, value throws(RuleError) in
      params.subsidy.slowStartInterval = try value.integer(
        in: 0...SubsidyParams.maxSlowStartInterval, expected: "a whole number of blocks from 0 to 1000000")
    },
    RuleOverrideKey(
      key: "subsidy.halving_interval", help: "blocks between PoW halvings (655350)", scope: .anywhere(.proofOfWork)
    ) {
      params, value throws(RuleError) in params.subsidy.halvingInterval = try value.blocks(minimum: 1)
    },
    RuleOverrideKey(
      key: "subsidy.frozen_after_halvings",
      help: "halvings after which the PoW subsidy stops halving (2), or never for the original schedule",
      scope: .anywhere(.proofOfWork)
    ) { params, value throws(RuleError) in
      if case .scalar(let text) = value, text.trimmingASCIIWhitespace == "never" {
        params.subsidy.frozenAfterHalvings = nil
      } else {
        params.subsidy.frozenAfterHalvings = try value.integer(in: 0...63, expected: "0 … 63 or \"never\"")
      }
    },
    RuleOverrideKey(
      key: "subsidy.premine_height", help: "height paying the premine (1), or never", scope: premineScope
    ) {
      params, value throws(RuleError) in params.subsidy.premineHeight = try value.heightOrNever()
    },
    RuleOverrideKey(key: "subsidy.premine", help: "premine amount (FLUX, 13020000)", scope: premineScope) {
      params, value throws(RuleError) in params.subsidy.premine = try value.amount()
    },
    RuleOverrideKey(
      key: "subsidy.pon_initial", help: "subsidy of the first PoN block (FLUX, 14)",
      scope: .genesisOnly("used once, at PoN start; to scale the PoN subsidy from a height use subsidy.pon_factor")
    ) {
      params, value throws(RuleError) in params.subsidy.ponInitialSubsidy = try value.amount()
    },
    RuleOverrideKey(
      key: "subsidy.pon_reduction_percent", help: "PoN subsidy cut at each reduction (percent, 10; up to 8 decimals)",
      scope: .anywhere(.proofOfNode)
    ) { params, value throws(RuleError) in
      let cut = try value.percentage(expected: "a percentage from 0 to 100, e.g. 10 or 12.5")
      params.subsidy.ponReductionKeep = Ratio(cut.denominator - cut.numerator, cut.denominator)
    },
    RuleOverrideKey(
      key: "subsidy.pon_reduction_interval", help: "blocks between PoN reductions (1051200)",
      scope: .anywhere(.proofOfNode)
    ) {
      params, value throws(RuleError) in params.subsidy.ponReductionInterval = try value.blocks(minimum: 1)
    },
    RuleOverrideKey(
      key: "subsidy.pon_max_reductions", help: "reductions since PoN start after which the PoN subsidy is flat (20)",
      scope: .anywhere(.proofOfNode)
    ) {
      params, value throws(RuleError) in
      params.subsidy.ponMaxReductions = try value.integer(in: 0...SubsidyParams.maxPonReductions, expected: "0 … 10000")
    },
  ]

  /// A change's one-off instructions for the PoN subsidy at its activation.
  static let changeSubsidyKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "subsidy.pon_factor", help: "PoN subsidy × this at the change (a fraction 1/2 or a decimal 0.5, 0 … 1000)",
      scope: .changeOnly(.proofOfNode, atGenesis: "from genesis set subsidy.pon_initial")
    ) { value throws(RuleError) in .ponFactor(try value.factor(upTo: 1_000)) },
    RuleOverrideKey(
      key: "subsidy.pon_further_reductions",
      help: "PoN reductions at or after the change, then flat (0 … 10000)",
      scope: .changeOnly(.proofOfNode, atGenesis: "from genesis set subsidy.pon_max_reductions")
    ) { value throws(RuleError) in
      .ponFurtherReductions(
        try value.integer(in: 0...SubsidyParams.maxPonReductions, expected: "a number of reductions from 0 to 10000"))
    },
  ]

  static let premineScope = ChangeScope.genesisOnly(
    "the premine is paid once, near genesis; to pay an extra amount from a height add a fund")

  static let splitKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "split.node_payments_start", help: "first height paying deterministic node payees (560000)",
      scope: .genesisOnly("it is an activation height itself; a change's own height is its `at`")
    ) {
      params, value throws(RuleError) in params.split.nodePaymentsStartHeight = try value.heightOrNever()
    },
    RuleOverrideKey(
      key: "split.pow_tier_percent", help: "pre-FLUX-upgrade tier shares, percent per tier (3.75, 6.25, 15)",
      scope: .anywhere(.proofOfWork)
    ) { params, value throws(RuleError) in
      params.split.powTierFractions = try value.perTier { (v: RuleValue) throws(RuleError) in
        let share = try v.percentage(expected: "a percentage from 0 to 100")
        // One correctly rounded division, so "3.75" gives exactly fluxd's literal 0.0375.
        return Double(share.numerator) / Double(share.denominator)
      }
    },
    RuleOverrideKey(
      key: "split.flux_multiplier", help: "multiplier of the PoW tier shares from the FLUX upgrade (2)",
      scope: .anywhere(.proofOfWork)
    ) {
      params, value throws(RuleError) in
      let ratio = try value.decimal(expected: "a number ≥ 0 such as 2 or 1.5")
      params.split.fluxUpgradeMultiplier = Double(ratio.numerator) / Double(ratio.denominator)
    },
    RuleOverrideKey(
      key: "split.pon_tier_weights", help: "PoN tier weights (FLUX per tier: 1, 3.5, 9)", scope: .anywhere(.proofOfNode)
    ) {
      params, value throws(RuleError) in
      params.split.ponTierWeights = try value.perTier { v throws(RuleError) in try v.amount() }
    },
    RuleOverrideKey(
      key: "split.pon_weight_denominator", help: "PoN split denominator (FLUX, 14)", scope: .anywhere(.proofOfNode)
    ) {
      params, value throws(RuleError) in params.split.ponWeightDenominator = try value.amount()
    },
  ]

  static let transitionScope = ChangeScope.genesisOnly(
    "the amounts before and after the 2022 collateral transition; to change what new STARTs lock from a height "
      + "use collateral.start_amount")

  static let collateralKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "collateral.v1", help: "original collateral per tier (FLUX: 10000, 25000, 100000)", scope: transitionScope
    ) {
      params, value throws(RuleError) in
      params.collateral.v1 = try value.perTier { v throws(RuleError) in try v.amount() }
    },
    RuleOverrideKey(
      key: "collateral.v2", help: "reduced collateral per tier (FLUX: 1000, 12500, 40000)", scope: transitionScope
    ) {
      params, value throws(RuleError) in
      params.collateral.v2 = try value.perTier { v throws(RuleError) in try v.amount() }
    },
    RuleOverrideKey(
      key: "collateral.min_confirmations", help: "confirmations a collateral needs at START (100)",
      scope: .anywhere(.any)
    ) {
      params, value throws(RuleError) in params.collateral.minConfirmations = try value.blocks(minimum: 0)
    },
    RuleOverrideKey(
      key: "collateral.start_amount", help: "the collateral new STARTs lock from a change on, per tier (FLUX)",
      scope: .changeOnly(.afterCollateralTransition, atGenesis: "from genesis set collateral.v1 and collateral.v2")
    ) {
      params, value throws(RuleError) in
      params.collateral.startAmount = try value.perTier { v throws(RuleError) in try v.amount() }
    },
  ]

  static let timerKeys: [RuleOverrideKey] = {
    let eras: [(String, WritableKeyPath<NodeTimerSchedule, NodeTimers> & Sendable, Upgrade?)] = [
      ("original", \.original, nil), ("flux", \.flux, .flux),
      ("collateral_halving", \.collateralHalving, .collateralHalving),
      ("pon", \.pon, .pon),
    ]
    let fields: [(String, WritableKeyPath<NodeTimers, Int> & Sendable)] = [
      ("start_confirm_window", \.startConfirmWindow), ("dos_duration", \.dosDuration),
      ("min_confirm_interval", \.minConfirmInterval), ("expiry", \.expiry),
    ]
    return eras.flatMap { era, eraPath, upgrade in
      fields.map { field, fieldPath in
        RuleOverrideKey(
          key: "timers.\(era).\(field)", help: "node timer in blocks (\(era) era)", scope: .anywhere(.timers(upgrade))
        ) {
          params, value throws(RuleError) in
          params.timers[keyPath: eraPath][keyPath: fieldPath] = try value.blocks(minimum: 1)
        }
      }
    }
  }()
}
