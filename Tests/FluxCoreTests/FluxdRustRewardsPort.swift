import FluxCore
import Testing

// Port of fluxd_rust's subsidy, dev-fund, collateral-tier and upgrade tests,
// Sikbik/fluxd_rust-explorer, directory fluxd_rust/: `crates/consensus/src/rewards.rs`
// (commit 78dd7b9, `mod tests` 214 on) and `crates/consensus/src/upgrades.rs` (commit
// c8fe7f9, `mod tests` 225 on). Mainnet; expected values are the sources' literals.
//
// Ported here: mainnet_activation_edges, the activation height asserted by
// mainnet_pon_activation_switches_subsidy, and the two collateral-window edges of
// fluxnode_tier_from_collateral_respects_transition_windows that FluxCoreTests lacked.
//
// Already in FluxCoreTests, so cited rather than repeated:
// - mainnet_canceled_halving_at_1_968_550 (220–233): `SubsidyTests.powSubsidy` (37.5 FLUX
//   at 1,968,549, 1,968,550 and 1,968,551).
// - mainnet_pon_activation_switches_subsidy's amounts (240–249: 37.5 before, 14 at and after
//   activation): `SubsidyTests.powSubsidy` and `.ponSubsidyVectorsFromFluxdTests`.
// - mainnet_min_dev_fund_is_required_at_pon_activation (252–259):
//   `RewardSplitTests.devFundIsZeroBeforePoN`.
// - mainnet_pon_subsidy_reduces_on_schedule_and_caps (261–316):
//   `SubsidyTests.ponSubsidyVectorsFromFluxdTests` (14 up to a year − 1, 12.6, 11.34,
//   8.26686, then 170,207,313 satoshi at years 20, 21 and 30).
// - mainnet_pon_reward_distribution_matches_cpp (318–349): `RewardSplitTests.proofOfNodeSplit`
//   (1 / 3.5 / 9 and the dev fund 14 / 28 at activation, 12.6 / 28 after a year).
// - The other four edges of the collateral test (356–364, 371–374, 377–380):
//   `CollateralTests.tierFromCollateralAtWindowEdges`.
//
// Skipped: upgrades.rs branch_id_selection and next_activation_height_tracking: consensus
// branch ids and the "next upgrade" query are not modelled.
@Suite struct FluxdRustRewardsPort {
  let params = ChainParams.mainnet

  @Test func mainnetPonActivationHeight() {
    // rewards.rs mainnet_pon_activation_switches_subsidy, 238–239.
    #expect(params.upgrades.pon == 2_020_000)
  }

  @Test func cumulusCollateralWindowAcceptsBothAmountsInsideAndOnlyV2AtItsEnd() {
    // rewards.rs fluxnode_tier_from_collateral_respects_transition_windows, 366–370 and
    // 376, 381–384: V1 (10,000 FLUX) still counts at the window's start 1,076,532, and V2
    // (1,000 FLUX) counts at its end 1,086,612.
    #expect(params.tier(forCollateral: Amount(flux: 10_000), at: 1_076_532) == .cumulus)
    #expect(params.tier(forCollateral: Amount(flux: 1_000), at: 1_086_612) == .cumulus)
  }

  @Test func mainnetActivationEdges() {
    // upgrades.rs mainnet_activation_edges, 229–265.
    let upgrades = params.upgrades
    #expect(!upgrades.isActive(.lwma, at: 124_999))
    #expect(upgrades.isActive(.lwma, at: 125_000))
    #expect(!upgrades.isActive(.equihash144x5, at: 125_099))
    #expect(upgrades.isActive(.equihash144x5, at: 125_100))
    #expect(!upgrades.isActive(.pon, at: 2_019_999))
    #expect(upgrades.isActive(.pon, at: 2_020_000))
  }
}
