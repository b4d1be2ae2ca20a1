import FluxCore
import Testing

// Port of fluxd_rust's difficulty tests, Sikbik/fluxd_rust-explorer, directory fluxd_rust/:
// - `crates/pow/src/difficulty.rs` (commit c8fe7f9), `mod tests` (410 on);
// - `crates/pow/tests/compact.rs` (commit c8fe7f9);
// - `crates/chainstate/src/state.rs` (commit 1c7641a), the `pon_expected_bits_*` tests of
//   its `mod tests` (cited by name: the stored copy of that 275 kB file gives no line numbers).
// All on mainnet parameters; expected values are the sources' literals or expressions.
//
// Ported here: digishield_vectors_match_cpp, lwma_vector_matches_cpp,
// get_next_work_required_uses_lwma_between_lwma_and_acadia, …uses_lwma3_after_acadia,
// …zelhash_ramp_transitions_toward_lwma3, compact_target_layout and the four
// pon_expected_bits tests (their activation at height 100 included).
//
// Already in FluxCoreTests, so cited rather than repeated:
// - lwma3_keeps_difficulty_stable_under_perfect_timing (474–491), 0x1d00ffff on target →
//   0x1d00fffe: `NextWorkRequiredTests.regtestStaysOnDigishield` (mainnet's LWMA3 line).
// - get_next_work_required_resets_at_equihash_144_5_epoch_end (493–514), parents 125,110
//   and 125,170 → powLimit: `NextWorkRequiredTests.equihashResetAtParents125110Through125170`.
// - compact_to_target_roundtrip (compact.rs 3–9), 0x1d00ffff: `CompactTests.bitcoinAndFluxLimits`.
//
// Skipped: compact.rs hash_meets_target_cmp (20–27), `crates/pon/src/validation.rs`
// (check_proof_of_node_*, signatures, emergency blocks) and `crates/pon/src/slot.rs` (slot
// numbers, PoN hash): FluxCore has no block hashes or header checks. state.rs's chain-work
// tests (pow_chainwork_accumulates_block_proof, pon_chainwork_uses_fixed_work): chain work
// is not modelled.
@Suite struct FluxdRustDifficultyPort {
  let params = ChainParams.mainnet

  /// `make_chain(base_height, N + 1, 1_000_000, 120, 0x1d00ffff)` ending at `tip`.
  func perfectChain(tip: Int) -> [BlockHeaderInfo] {
    Headers.chain(tip: tip, count: 61, bits: 0x1d00_ffff) { 1_000_000 + Int64($0 - (tip - 60)) * 120 }
  }

  @Test(
    arguments: [
      (0x1d00_ffff, 1_262_152_739, 1_262_149_169, 0x1d01_2fee),  // 419–421
      (0x1f07_ffff, 1_233_061_996, 1_231_006_505, 0x1f07_ffff),  // 423–425
      (0x1c05_a3f4, 1_279_297_671, 1_279_296_753, 0x1c04_ddc3),  // 427–429
      (0x1c38_7f6f, 1_269_211_443, 1_269_205_629, 0x1c4a_8e0f),  // 431–433
    ] as [(UInt32, Int64, Int64, UInt32)])
  func digishieldVectorsMatchCpp(average: UInt32, lastTime: Int64, firstTime: Int64, expected: UInt32) {
    // difficulty.rs 416–434: pow_tests.cpp's inputs under Flux's 120 s spacing.
    let next = params.digishieldTarget(averageTarget: UInt256(compact: average), actualTimespan: lastTime - firstTime)
    #expect(next.compact() == expected)
  }

  @Test func lwmaVectorMatchesCpp() {
    // difficulty.rs 437–456: heights 0 … 61, 120 s apart from 1,269,211,443, 0x1d00ffff.
    let headers = Headers.chain(tip: 61, count: 62, bits: 0x1d00_ffff) { 1_269_211_443 + Int64($0) * 120 }
    #expect(params.lwmaTarget(history: headers).compact() == 0x1d00_fffe)
  }

  @Test func getNextWorkRequiredUsesLwmaBetweenLwmaAndAcadia() {
    // difficulty.rs 517–540: tip 125,010 (LWMA + 10).
    let headers = perfectChain(tip: 125_010)
    #expect(params.nextBits(forHeight: 125_011, history: headers) == params.lwmaTarget(history: headers).compact())
  }

  @Test func getNextWorkRequiredUsesLwma3AfterAcadia() {
    // difficulty.rs 543–567: tip 250,010 (Acadia + 10).
    let headers = perfectChain(tip: 250_010)
    #expect(params.nextBits(forHeight: 250_011, history: headers) == params.lwma3Target(history: headers).compact())
  }

  @Test func getNextWorkRequiredZelhashRampTransitionsTowardLwma3() {
    // difficulty.rs 570–607. The ramp's end of epoch is Kamiooka + fade − 1 = 372,500 + 11 −
    // 1 = 372,510. At tip 372,571 (that + 61) the easing factor is 0: plain LWMA3 (588).
    let atZero = perfectChain(tip: 372_571)
    let zeroBits = params.nextBits(forHeight: 372_572, history: atZero)
    #expect(zeroBits == params.lwma3Target(history: atZero).compact())
    // At tip 372,510 the target is at least that and at most powLimit (603, 606);
    // `NextWorkRequiredTests.zelHashRampEasesTheCompactRoundedTarget` derives it exactly.
    let startBits = params.nextBits(forHeight: 372_511, history: perfectChain(tip: 372_510))
    #expect(UInt256(compact: startBits) >= UInt256(compact: zeroBits))
    #expect(UInt256(compact: startBits) <= params.difficulty.powLimit)
  }

  @Test func compactTargetLayout() {
    // compact.rs 11–18: 0x207fffff as little-endian bytes is 29 zero bytes, then ff ff 7f,
    // i.e. 0x7fffff × 256^29.
    #expect(UInt256(compact: 0x207f_ffff).hexString == "7fffff" + String(repeating: "0", count: 58))
  }

  /// state.rs's tests move PoN's activation to height 100 on mainnet's parameters.
  var activationAt100: ChainParams {
    var moved = ChainParams.mainnet
    moved.upgrades.pon = 100
    return moved
  }

  /// state.rs's fast and slow chains: block 99 (PoW, 0x1e7fffff) and blocks 100 … 129 at
  /// ponStartLimit's nBits, block `h` at 1,000,000 + (h − 100) × `spacing` (99 at 1,000,000).
  func startWindow(spacing: Int64) -> [BlockHeaderInfo] {
    let start = ChainParams.mainnet.difficulty.ponStartLimit.compact()
    return (99...129).map { height in
      BlockHeaderInfo(
        height: height, time: 1_000_000 + Int64(max(height - 100, 0)) * spacing,
        bits: height < 100 ? 0x1e7f_ffff : start)
    }
  }

  @Test func ponExpectedBitsUsesStartLimitUntilWindowComplete() {
    // state.rs pon_expected_bits_uses_start_limit_until_window_complete: heights 100 and
    // 100 + 30 − 1 get ponStartLimit's nBits.
    let start = params.difficulty.ponStartLimit.compact()
    let before = BlockHeaderInfo(height: 99, time: 1_000_000, bits: 0x1e7f_ffff)
    #expect(activationAt100.nextBits(forHeight: 100, history: [before]) == start)
    let last = BlockHeaderInfo(height: 128, time: 1_000_000, bits: 0x1e7f_ffff)
    #expect(activationAt100.nextBits(forHeight: 129, history: [last]) == start)
  }

  @Test func ponExpectedBitsAdjustsHarderForFastBlocks() {
    // state.rs pon_expected_bits_adjusts_harder_for_fast_blocks: 15 s blocks.
    let headers = startWindow(spacing: 15)
    let adjusted = activationAt100.nextBits(forHeight: 130, history: headers)
    #expect(activationAt100.ponTargetTimespan > 0)
    #expect(UInt256(compact: adjusted) < UInt256(compact: headers[30].bits))
  }

  @Test func ponExpectedBitsAdjustsEasierForSlowBlocks() {
    // state.rs pon_expected_bits_adjusts_easier_for_slow_blocks: 60 s blocks.
    let headers = startWindow(spacing: 60)
    let adjusted = UInt256(compact: activationAt100.nextBits(forHeight: 130, history: headers))
    #expect(adjusted > UInt256(compact: headers[30].bits))
    #expect(adjusted <= params.difficulty.ponLimit)
  }

  @Test func ponExpectedBitsStabilizesUnderPerfectTiming() {
    // state.rs pon_expected_bits_stabilizes_under_perfect_timing: block 100 at ponLimit's
    // nBits, then the rule, 30 s apart after 99 PoW blocks of 120 s; blocks 220 and 210
    // differ by at most 1 % of the latter.
    let headers = Headers.grown(first: 100, last: 220, firstBits: 0x200f_ffff, params: activationAt100) {
      1_000_000 + 99 * 120 + Int64($0 - 99) * 30
    }
    let stable = UInt256(compact: headers[120].bits)
    let previous = UInt256(compact: headers[110].bits)
    let difference = stable > previous ? stable - previous : previous - stable
    #expect(difference <= previous / 100)
  }
}
