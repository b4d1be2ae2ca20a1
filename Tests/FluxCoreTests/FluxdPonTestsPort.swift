import FluxCore
import Testing

// Port of fluxd's Boost PoN tests: RunOnFlux/fluxd `src/test/pon_tests.cpp` (commit
// bce60a9), suite `pon_tests` on mainnet. Expected values are the source's expressions and
// literals, with their lines.
//
// Ported here: pon_activation_check_test (its heights after activation) and
// pon_fluxnode_subsidy_test's year-5 proportions.
//
// Already in FluxCoreTests, so cited rather than repeated:
// - pon_subsidy_initial_test (27–47), pon_subsidy_annual_reduction_test (49–84),
//   pon_subsidy_max_reductions_test (86–134) and pon_vs_pow_subsidy_test (153–172):
//   `SubsidyTests.ponSubsidyVectorsFromFluxdTests` and `.reductionTruncatesAtEveryStep`
//   (every year 0 … 20 by the same step-wise × 9 / 10, then 25 and 30).
// - pon_activation_check_test's heights −1 and 0 (143–146): `FluxdGtestPonPort.isPONActive`.
// - pon_fluxnode_subsidy_test years 0 and 1 (245–293): `RewardSplitTests.proofOfNodeSplit`.
//
// Skipped:
// - pon_testnet_params_test (174–191) and pon_regtest_params_test (227–238): testnet and
//   regtest only.
// - pon_subsidy_schedule_display (193–225) and pon_fluxnode_subsidy_schedule (319 on):
//   they print tables and assert nothing.
@Suite struct FluxdPonTestsPort {
  let params = ChainParams.mainnet
  let pon = 2_020_000
  let year = 1_051_200

  @Test func ponActivationCheckAfterActivation() {
    // pon_activation_check_test, 149–150.
    #expect(params.upgrades.isActive(.pon, at: pon + 1))
    #expect(params.upgrades.isActive(.pon, at: pon + 1_000))
  }

  @Test func ponFluxnodeSubsidyYearFiveProportions() {
    // pon_fluxnode_subsidy_test, 295–314: after five reductions the tier amounts are still
    // 1/14, 3.5/14 and 9/14 of the subsidy, truncated.
    let height = pon + 5 * year
    let subsidy = params.codeSubsidy(at: height).satoshi
    // 81–83: 14 × 0.9^5 = 8.26686 FLUX, written as 14 × COIN × 59,049 / 100,000.
    #expect(subsidy == 14 * 100_000_000 * 59_049 / 100_000)
    let tiers = params.reward(at: height).tiers
    #expect(tiers.cumulus.satoshi == subsidy / 14)  // 310
    #expect(tiers.nimbus.satoshi == subsidy * 35 / 140)  // 312
    #expect(tiers.stratus.satoshi == subsidy * 9 / 14)  // 314
  }
}
