import FluxCore
import Testing

// Port of fluxd's PoW difficulty tests: RunOnFlux/fluxd `src/gtest/test_pow.cpp` (commit
// 38209f8) and `src/test/pow_tests.cpp` (commit 21009c9). Expected values are the sources'
// literals or expressions, with their lines.
//
// Ported here: test_pow.cpp DifficultyAveraging (mainnet Digishield through
// `GetNextWorkRequired`), and pow_tests.cpp's four Digishield vectors under the 150 s
// spacing they were written for (below).
//
// pow_tests.cpp came with Zcash, whose blocks are 150 s apart: its literals 0x1d011998,
// 0x1c04bceb and 0x1c4a93bb follow from a 17 × 150 = 2,550 s window, not Flux's
// 17 × 120 = 2,040 s (e.g. get_next_work: 3,570 s dampens to 2,550 + 1,020 / 4 = 2,805,
// and 0xffff × 2,805 / 2,550 = 72,088.5 → 0x011998; with 2,040 s it is 2,422 and
// 0x012fee). Under Flux's own spacing they are stale like main_tests.cpp (flux-rules.md
// §9.5); fluxd_rust recomputed them for Flux (`FluxdRustDifficultyPort`). They still check
// the dampening, both clamps and the cap of the same rule, so they run with 150 s here.
//
// Skipped:
// - test_pow.cpp MinDifficultyRules (72 on): testnet's minimum-difficulty rule, not modelled.
// - pow_tests.cpp GetBlockProofEquivalentTime_test (72–94): chain work is not modelled.
// - pow_tests.cpp LWMACalculateNextWorkRequired_test (96 on): its 50 blocks are fewer than
//   LWMA's N + 1 = 61 (fluxd asserts `height > N`); fluxd_rust's lwma_vector_matches_cpp
//   redoes it with 62 blocks (`FluxdRustDifficultyPort`).
@Suite struct FluxdPowTestsPort {
  let params = ChainParams.mainnet

  /// Digishield's target from an average and the MTP span of tip 34 and block 17, compact
  /// (`DigishieldCalculateNextWorkRequired(bnAvg, MTP(lastBlk), MTP(firstBlk))`).
  func digishield(average: UInt256, _ headers: [BlockHeaderInfo]) -> UInt32 {
    let span = params.medianTimePast(at: 34, history: headers) - params.medianTimePast(at: 17, history: headers)
    return params.digishieldTarget(averageTarget: average, actualTimespan: span).compact()
  }

  @Test func difficultyAveraging() {
    // 8–22: blocks 0 … 34 (2 × 17), 120 s apart from 1,269,211,443, all 0x1e7fffff.
    var headers = Headers.chain(tip: 34, count: 35, bits: 0x1e7f_ffff) { 1_269_211_443 + Int64($0) * 120 }
    let target = UInt256(compact: 0x1e7f_ffff)
    var next = params.nextBits(forHeight: 35, history: headers)
    // 24–31: the same as Digishield on the last target.
    #expect(digishield(average: target, headers) == next)
    // 32–37: unchanged but for the division: ⌊T / 2,040⌋ × 2,040. T = 0x7fffff × 2^216 and
    // 2^216 ≡ 1 (mod 255), so T ≡ 8,388,607 ≡ 127 (mod 255) and ≡ 0 (mod 8): T mod 2,040 =
    // 1,912, which borrows from the mantissa: 0x1e7ffffe.
    #expect((target / 2_040 * 2_040).compact() == next)
    #expect(next == 0x1e7f_fffe)
    // 39–50: the last block 1 … 60 s later (GetRand(60) + 1; both ends here). MTP(34) is
    // the median of blocks 24 … 34, block 29's time, so nothing moves; the source only
    // requires the result to match Digishield and to differ from 0x1e7fffff.
    for delay: Int64 in [1, 60] {
      var delayed = headers
      delayed[34].time += delay
      let result = params.nextBits(forHeight: 35, history: delayed)
      #expect(digishield(average: target, delayed) == result)
      #expect(result != 0x1e7f_ffff)
    }
    // 52–69: the last block at 0x1e0fffff. Digishield on that target alone differs; on the
    // source's average (16 × 0x7fffff + 0x0fffff) / 17 × 256^27 it agrees.
    headers[34].bits = 0x1e0f_ffff
    next = params.nextBits(forHeight: 35, history: headers)
    #expect(digishield(average: UInt256(compact: 0x1e0f_ffff), headers) != next)
    let average = UInt256(hex: "0000796968696969696969696969696969696969696969696969696969696969") ?? .zero
    #expect(digishield(average: average, headers) == next)
  }

  @Test(
    arguments: [
      // get_next_work, 17–28: no clamp binds.
      (0x1d00_ffff, 1_262_152_739, 1_262_149_169, 0x1d01_1998),
      // get_next_work_pow_limit, 31–42: capped at powLimit.
      (0x1f07_ffff, 1_233_061_996, 1_231_006_505, 0x1f07_ffff),
      // get_next_work_lower_limit_actual, 45–56: clamped to the shortest span.
      (0x1c05_a3f4, 1_279_297_671, 1_279_296_753, 0x1c04_bceb),
      // get_next_work_upper_limit_actual, 59–70: clamped to the longest span.
      (0x1c38_7f6f, 1_269_211_443, 1_269_205_629, 0x1c4a_93bb),
    ] as [(UInt32, Int64, Int64, UInt32)])
  func digishieldVectorsAt150Seconds(average: UInt32, thisTime: Int64, lastRetargetTime: Int64, expected: UInt32) {
    var zcash = ChainParams.mainnet
    zcash.powTargetSpacing = 150
    let next = zcash.digishieldTarget(
      averageTarget: UInt256(compact: average), actualTimespan: thisTime - lastRetargetTime)
    #expect(next.compact() == expected)
  }
}
