extension ChainParams {
  /// Testnet, from fluxd `CTestNetParams` (flux-rules.md §1, §2.2 and "Verified semantics").
  ///
  /// Where the sources say nothing (the halving interval, the exchange and foundation
  /// amounts and all fund addresses, the wrong-collateral check window) the mainnet
  /// value or shape is assumed; these are marked below. Testnet has no measured block
  /// time, so dates are projected from genesis at mainnet's genesis time.
  public static let testnet: ChainParams = {
    var params = ChainParams.mainnet
    params.network = .testnet
    params.upgrades = UpgradeHeights(
      lwma: 70, equihash144x5: 140, acadia: 210, kamiooka: 280, kamata: 350,
      flux: 420, collateralHalving: 520, p2shNodes: 600, pon: 800)
    params.powTargetSpacing = 60
    params.timeAnchor = TimeAnchor(height: 0, time: 1_516_980_000)
    // "Slow start 1 (no ramp)"; PoN reduction interval 525,600.
    params.subsidy.slowStartInterval = 1
    params.subsidy.ponReductionInterval = 525_600
    // Same shape as mainnet at 4,100 / 4,200 / 4,300; swap 2.2 M × 10 every 100 blocks.
    // Exchange and foundation amounts are assumed equal to mainnet's (not in the sources).
    params.funds = [
      FundOutput(name: "exchange_fund", address: "", amount: Amount(flux: 7_500_000), firstHeight: 4_100),
      FundOutput(name: "foundation_fund", address: "", amount: Amount(flux: 2_500_000), firstHeight: 4_200),
      FundOutput(
        name: "swap_pool", address: "", amount: Amount(flux: 2_200_000), firstHeight: 4_300, count: 10, interval: 100),
    ]
    params.split.nodePaymentsStartHeight = 350
    // All collateral windows [420, 520); the check window is assumed to be mainnet's
    // shape (first window start to last window end + 10).
    params.collateral.transitionWindows = TierValues(cumulus: 420..<520, nimbus: 420..<520, stratus: 420..<520)
    params.collateral.forcedExpiryCheck = 420..<530
    params.difficulty = .testnet
    return params
  }()

  /// Regtest, from fluxd `CRegTestParams`: halving interval 150, no slow start, PoN
  /// reduction interval 100 and at most 10 reductions (flux-rules.md §1).
  ///
  /// fluxd's `IsPONActive` treats regtest's "no activation" height as active at every
  /// height; here, as in [R], an upgrade without a height is never active, so regtest
  /// runs PoW with fast halvings. No funds, no collateral reduction.
  public static let regtest: ChainParams = {
    var params = ChainParams.mainnet
    params.network = .regtest
    params.upgrades = UpgradeHeights(
      lwma: nil, equihash144x5: nil, acadia: nil, kamiooka: nil, kamata: nil,
      flux: nil, collateralHalving: nil, p2shNodes: nil, pon: nil)
    params.timeAnchor = TimeAnchor(height: 0, time: 1_516_980_000)
    params.subsidy.slowStartInterval = 0
    params.subsidy.halvingInterval = 150
    params.subsidy.frozenAfterHalvings = nil
    params.subsidy.ponReductionInterval = 100
    params.subsidy.ponMaxReductions = 10
    params.funds = []
    params.collateral.transitionWindows = nil
    params.collateral.forcedExpiryCheck = nil
    params.difficulty = .regtest
    return params
  }()
}
