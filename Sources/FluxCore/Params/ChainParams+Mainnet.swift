extension ChainParams {
  /// Mainnet, from fluxd `CMainParams` (flux-rules.md §1–§5) and FluxOS `default.js` (§7).
  public static let mainnet = ChainParams(
    network: .mainnet,
    // flux-rules.md §1 (chainparams.cpp ~108–160).
    upgrades: UpgradeHeights(
      lwma: 125_000, equihash144x5: 125_100, acadia: 250_000, kamiooka: 372_500, kamata: 558_000,
      flux: 835_554, collateralHalving: 1_076_532, p2shNodes: 1_549_500, pon: 2_020_000),
    powTargetSpacing: 120,
    ponTargetSpacing: 30,
    // Genesis nTime (chainparams.cpp ~184; flux-rules.md §1).
    genesisTime: 1_516_980_000,
    // Block 2,020,000 at 1761415235 = 2025-10-25T18:00:35Z ([WP] measured, §9).
    timeAnchor: TimeAnchor(height: 2_020_000, time: 1_761_415_235),
    // §2.1 (chainparams.cpp ~90–91, ~156–158; main.cpp GetBlockSubsidy).
    subsidy: SubsidyParams(
      powInitialSubsidy: Amount(flux: 150), slowStartInterval: 5_000, halvingInterval: 655_350,
      frozenAfterHalvings: 2, premineHeight: 1, premine: Amount(flux: 13_020_000),
      ponInitialSubsidy: Amount(flux: 14), ponReductionKeep: Ratio(9, 10),
      ponReductionInterval: 1_051_200, ponMaxReductions: 20),
    // §2.2 (chainparams.cpp ~291–306).
    funds: [
      FundOutput(
        name: "exchange_fund", address: "t3PMbbA5YBMrjSD3dD16SSdXKuKovwmj6tS",
        amount: Amount(flux: 7_500_000), firstHeight: 836_274),
      FundOutput(
        name: "foundation_fund", address: "t3XjYMBvwxnXVv9jqg4CgokZ3f7kAoXPQL8",
        amount: Amount(flux: 2_500_000), firstHeight: 836_994),
      FundOutput(
        name: "swap_pool", address: "t3ThbWogDoAjGuS6DEnmN1GWJBRbVjSUK4T",
        amount: Amount(flux: 22_000_000), firstHeight: 837_714, count: 10, interval: 21_600),
    ],
    // §3.2 (main.cpp GetFluxnodeSubsidy ~2886–2938; fluxnode.h ~71–74).
    split: RewardSplitParams(
      nodePaymentsStartHeight: 560_000,
      powTierFractions: TierValues(cumulus: 0.0375, nimbus: 0.0625, stratus: 0.15),
      fluxUpgradeMultiplier: 2.0,
      ponTierWeights: TierValues(
        cumulus: Amount(flux: 1), nimbus: Amount(satoshi: 350_000_000), stratus: Amount(flux: 9)),
      ponWeightDenominator: Amount(flux: 14)),
    // §3.1 (fluxnode.h ~57–63; chainparams.cpp ~308–315; fluxnode.cpp ~231–265).
    collateral: CollateralParams(
      v1: TierValues(cumulus: Amount(flux: 10_000), nimbus: Amount(flux: 25_000), stratus: Amount(flux: 100_000)),
      v2: TierValues(cumulus: Amount(flux: 1_000), nimbus: Amount(flux: 12_500), stratus: Amount(flux: 40_000)),
      transitionWindows: TierValues(
        cumulus: 1_076_532..<1_086_612, nimbus: 1_081_572..<1_092_372, stratus: 1_087_332..<1_097_412),
      forcedExpiryCheck: 1_076_532..<1_097_422,
      minConfirmations: 100),
    // §4.2 (fluxnode.h ~20–50).
    timers: .standard,
    difficulty: .mainnet,
    appPricing: .mainnet,
    // §4.2 (chainparams.cpp ~233–240): keys from 0, 1618113600, 1647262800, 1706209200, 1743534000.
    benchmarkKeyActivations: [0, 1_618_113_600, 1_647_262_800, 1_706_209_200, 1_743_534_000]
  )
}

extension NodeTimerSchedule {
  /// The timers of mainnet and testnet (flux-rules.md §4.2).
  public static let standard = NodeTimerSchedule(
    original: NodeTimers(
      startConfirmWindow: 60, dosDuration: 180, minConfirmInterval: 40, expiry: 60, ipChangeMinInterval: nil),
    flux: NodeTimers(
      startConfirmWindow: 60, dosDuration: 180, minConfirmInterval: 40, expiry: 80, ipChangeMinInterval: 5),
    collateralHalving: NodeTimers(
      startConfirmWindow: 60, dosDuration: 180, minConfirmInterval: 120, expiry: 160, ipChangeMinInterval: 5),
    pon: NodeTimers(
      startConfirmWindow: 240, dosDuration: 720, minConfirmInterval: 500, expiry: 640, ipChangeMinInterval: 5))
}
