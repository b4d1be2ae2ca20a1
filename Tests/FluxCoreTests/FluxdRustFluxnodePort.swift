import FluxCore
import Testing

// Port of fluxd_rust's payee-ordering and node-schedule tests, Sikbik/fluxd_rust-explorer,
// directory fluxd_rust/: `crates/fluxnode/tests/schedule.rs` (commit c8fe7f9) and
// `crates/chainstate/src/state.rs` (commit 1c7641a, `mod tests`; tests cited by name, as
// the stored copy of that 275 kB file gives no line numbers). Mainnet; expected values are
// the sources' literals.
//
// Ported here (all from state.rs): fluxnode_payee_ordering_matches_cpp_unpaid_before_paid_on_equal_height,
// fluxnode_confirm_expiration_respects_upgrade_changes and
// fluxnode_start_allows_restart_after_pre_pon_dos_removal.
//
// Already in FluxCoreTests, so cited rather than repeated:
// - schedule.rs mainnet_schedule_helpers (7–34): `CollateralTests.enforcedReducedCollateralByTier`
//   and `.forcedExpiryCheckWindow` (the same heights); payments from 560,000:
//   `RewardSplitTests.beforeNodePaymentsTheMinerTakesAll` and `.deterministicPaymentsAt150And75`.
// - state.rs coinbase_funding_* (dev fund not required before PoN and required at it;
//   exchange, foundation and first swap-pool payments): `RewardSplitTests.devFundIsZeroBeforePoN`,
//   `FundsTests.oneOffFunds` and `.swapPoolPaysTenTimesEvery21600Blocks`.
//
// Skipped:
// - schedule.rs benchmarking_key_rotation_mainnet (36–46) and p2sh_keys_filter_by_time (48 on):
//   signing keys are not modelled.
// - state.rs fluxnode_start_allows_restart_after_confirm_expiration,
//   fluxnode_start_rejects_restart_when_still_confirmed and coinbase_maturity_rejects_premature_spend:
//   regtest only.
// - state.rs serialize_varint_matches_fluxd, the signature, storage, sapling-pool and chain-work
//   tests: not modelled. Its pon_expected_bits_* tests are in `FluxdRustDifficultyPort`.
@Suite struct FluxdRustFluxnodePort {
  let params = ChainParams.mainnet

  /// A tier-1 record's payee key: collateral txid of 32 equal bytes, output 1.
  func key(txidByte: UInt8, confirmed: Int, lastPaid: Int) -> PayeeKey {
    let collateral = Outpoint(internalBytes: [UInt8](repeating: txidByte, count: 32), vout: 1)
    return PayeeKey(confirmedHeight: confirmed, lastPaid: lastPaid, collateral: collateral)
  }

  @Test func payeeOrderingUnpaidBeforePaidOnEqualHeight() {
    // Unpaid, confirmed at 100, txid ff…ff, against paid at 100 (confirmed at 50), txid
    // 00…00: both compare at height 100, and the paid flag decides before the txid, which
    // alone would put the paid node first.
    #expect(key(txidByte: 0xff, confirmed: 100, lastPaid: 0) < key(txidByte: 0x00, confirmed: 50, lastPaid: 100))
    // Two unpaid nodes confirmed at 100: the txid bytes decide, 01…01 before 02…02.
    #expect(key(txidByte: 0x01, confirmed: 100, lastPaid: 0) < key(txidByte: 0x02, confirmed: 100, lastPaid: 0))
  }

  @Test func confirmExpirationRespectsUpgradeChanges() {
    // Confirmed 344 blocks before PoN: the pre-PoN expiry (160) removes it before 2,020,000,
    // so it cannot be paid 264 blocks after. Confirmed 10 blocks before: PoN's expiry (640)
    // applies from 2,020,000 and it is still payable then.
    let pon = 2_020_000
    let payHeight = pon + 264
    let old = pon - 344
    #expect(params.expiryHeight(lastConfirm: old) < pon)
    #expect(!params.isPayable(lastConfirm: old, in: payHeight))
    let recent = pon - 10
    #expect(params.expiryHeight(lastConfirm: recent) > pon)
    #expect(params.isPayable(lastConfirm: recent, in: payHeight))
  }

  @Test func startAllowedAfterPrePonDosRemoval() {
    // A START at 2,019,752 never confirmed: its DoS entry is dropped 180 blocks later,
    // before PoN, so the collateral may START again by 2,020,002.
    #expect(params.dosReleaseHeight(startHeight: 2_019_752) <= 2_020_002)
  }
}
