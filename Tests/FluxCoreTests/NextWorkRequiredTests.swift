import FluxCore
import Testing

/// Which rule applies at each height, with the resets and the ramp, on mainnet unless noted.
///
/// Expected values come from the per-rule derivations in `DigishieldTests`, `LWMATests`,
/// `LWMA3Tests` and `ProofOfNodeDifficultyTests`, then compact-encoded.
@Suite struct NextWorkRequiredTests {
  let params = ChainParams.mainnet

  /// The 61 headers tip−60 … tip, all with `bits`, `spacing` seconds apart.
  func history(tip: Int, bits: UInt32, spacing: Int64 = 120) -> [BlockHeaderInfo] {
    Headers.spaced(tip: tip, count: 61, bits: bits, spacing: spacing)
  }

  func bits(at height: Int, _ headers: [BlockHeaderInfo], params: ChainParams = .mainnet) -> UInt32 {
    params.nextBits(forHeight: height, history: headers)
  }

  @Test func genesisGetsPowLimit() {
    #expect(params.nextBits(forHeight: 0, history: [BlockHeaderInfo]()) == 0x1f07_ffff)
    #expect(params.nextTarget(forHeight: 0, history: [BlockHeaderInfo]()) == UInt256(0x07_ffff) << 224)
  }

  @Test func digishieldUntilLWMA() {
    // X at 240 s. Digishield: 655,350 × 2^205 → 0x1d013ffe. LWMA: X / 13,176,000 loses a
    // remainder 0 < r < 2^24, so 2(X − r) = 0x01fffe × 256^26 − 2r → mantissa 0x01fffd.
    #expect(bits(at: 124_999, history(tip: 124_998, bits: Targets.xBits, spacing: 240)) == 0x1d01_3ffe)
    #expect(bits(at: 125_000, history(tip: 124_999, bits: Targets.xBits, spacing: 240)) == 0x1d01_fffd)
  }

  @Test func nextTargetIsTheDecodedBits() {
    // Digishield's 655,350 × 2^205 = 0x13ffec × 2^200 keeps only 0x013ffe × 256^26.
    let headers = history(tip: 124_998, bits: Targets.xBits, spacing: 240)
    #expect(params.digishieldTarget(history: headers) == UInt256(655_350) << 205)
    #expect(params.nextTarget(forHeight: 124_999, history: headers) == UInt256(0x01_3ffe) << 208)
  }

  @Test func equihashResetAtParents125110Through125170() {
    // On target with X0: LWMA gives X0 (0x1e032433) outside the reset, powLimit inside.
    for (parent, expected): (Int, UInt32) in [
      (125_109, 0x1e03_2433), (125_110, 0x1f07_ffff), (125_170, 0x1f07_ffff), (125_171, 0x1e03_2433),
    ] {
      #expect(bits(at: parent + 1, history(tip: parent, bits: Targets.x0Bits)) == expected, "parent \(parent)")
    }
  }

  @Test func lwma3FromAcadia() {
    // Block 30 of the window stamped 500 s early: LWMA v1 t = 223,800 → 0x1e033394,
    // LWMA3 t = 219,719 → 0x1e0324a2.
    func warped(tip: Int) -> [BlockHeaderInfo] {
      var headers = history(tip: tip, bits: Targets.x0Bits)
      headers[30].time = headers[29].time - 500
      return headers
    }
    #expect(bits(at: 249_999, warped(tip: 249_998)) == 0x1e03_3394)
    #expect(bits(at: 250_000, warped(tip: 249_999)) == 0x1e03_24a2)
  }

  @Test func zelHashRampAtParents372510Through372573() {
    // LWMA3 on target gives X0 = 205,875 × 2^216. Parent 372,510: X0 + X0/32 × 61 =
    // X0 × 93 / 32 = 19,146,375 × 2^211 = 0x9213438 × 256^26 → 0x1e092134. At the anchor
    // 372,571 the term is 0. At 372,572 / 372,573 the factor is 2^32 − 1 / 2^32 − 2, and
    // X0/32 × 2^32 = 205,875 × 2^243 ≡ 1,075 × 2^243 (mod 2^256, 205,875 mod 2^13 = 1,075),
    // so the sum is about 1,075 × 2^243 > powLimit: capped. X0 is a compact value, so the
    // ramp's compact rounding of the LWMA3 target changes nothing here.
    for (parent, expected): (Int, UInt32) in [
      (372_509, 0x1e03_2433), (372_510, 0x1e09_2134), (372_571, 0x1e03_2433),
      (372_572, 0x1f07_ffff), (372_573, 0x1f07_ffff), (372_574, 0x1e03_2433),
    ] {
      #expect(bits(at: parent + 1, history(tip: parent, bits: Targets.x0Bits)) == expected, "parent \(parent)")
    }
  }

  @Test func zelHashRampEasesTheCompactRoundedTarget() {
    // The vector: tip 372,510 with 61 blocks of X = 0x1d00ffff every 120 s.
    // 1. LWMA3 on target: t = 120 × (1 + … + 60) = 219,600 = k, so the target is
    //    k·N × ⌊X / (k·N)⌋ = X − r with r = X mod 13,176,000. X = 3 · 5 · 17 · 257 × 2^208
    //    and k·N = 2^6 · 3^3 · 5^3 · 61, so 61 does not divide X: 0 < r < 2^24.
    // 2. fluxd rounds it through GetCompact (pow.cpp 42): X − r = 0xfffe × 2^208 +
    //    (2^208 − r) has 224 bits, top three bytes 0xfffeff, shifted for the sign bit to
    //    0x00fffe with size 29: B = 0xfffe × 2^208.
    // 3. Parent 372,510: factor 372,571 − 372,510 = 61, and B + (B >> 5) × 61 =
    //    0xfffe × 2^203 × (32 + 61) = 65,534 × 93 × 2^203 = 6,094,662 × 2^203.
    // 4. 2^22 ≤ 6,094,662 < 2^23, so 226 bits, size 29; mantissa 6,094,662 >> 5 = 190,458.
    //    190,458 = 0x02e7fa, so fluxd's nBits are 0x1d02e7fa.
    let headers = history(tip: 372_510, bits: Targets.xBits)
    #expect(bits(at: 372_511, headers) == 0x1d00_0000 | UInt32((0xfffe * 93) >> 5))
    #expect(bits(at: 372_511, headers) == 0x1d02_e7fa)
    // Easing X − r without the rounding gives (X − r) × 93 / 32, whose top bytes are
    // 0xffff × 93 / 32 = 190,461.09… → 0x1d02e7fd: three mantissa units easier.
    let regular = params.lwma3Target(history: headers)
    #expect(regular == Targets.x / 13_176_000 * 13_176_000)
    #expect((regular + regular / 32 * 61).compact() == 0x1d02_e7fd)
  }

  @Test func zelHashRampWrapsLikeBaseUintTimesUInt32() {
    // base = 2^229, base / 32 = 2^224, and 2^224 × 2^32 ≡ 0: factor 2^32 − 1 adds −2^224
    // (31 × 2^224), factor 2^32 − 2 adds −2^225 (30 × 2^224).
    let base = UInt256(1) << 229
    #expect(params.zelHashEasedTarget(base, parentHeight: 372_572) == UInt256(31) << 224)
    #expect(params.zelHashEasedTarget(base, parentHeight: 372_573) == UInt256(30) << 224)
    // Factor 61 at 372,510: 2^229 + 61 × 2^224 = 93 × 2^224; outside the ramp unchanged.
    #expect(params.zelHashEasedTarget(base, parentHeight: 372_510) == UInt256(93) << 224)
    #expect(params.zelHashEasedTarget(base, parentHeight: 372_509) == base)
    #expect(ChainParams.testnet.zelHashEasedTarget(base, parentHeight: 372_510) == base)
  }

  @Test func proofOfNodeFromItsActivation() {
    let p: UInt32 = 0x1f03_6600  // 870 × 2^232
    // First window: ponStartLimit 0x000bff…ff → 0x1f0bffff, whatever the history.
    #expect(bits(at: 2_020_000, history(tip: 2_019_999, bits: Targets.x0Bits)) == 0x1f0b_ffff)
    #expect(bits(at: 2_020_029, history(tip: 2_020_028, bits: p, spacing: 30)) == 0x1f0b_ffff)
    // 2,020,030: 30 s blocks → actual 870 → the tip's target.
    #expect(bits(at: 2_020_030, history(tip: 2_020_029, bits: p, spacing: 30)) == p)
    // 40 s blocks → 29 × 40 = 1,160 → 1,087 × 2^232 = 0x043f × 256^29.
    #expect(bits(at: 2_020_030, history(tip: 2_020_029, bits: p, spacing: 40)) == 0x1f04_3f00)
    // tip−29 10 s earlier → 880 × 2^232 = 0x0370 × 256^29; tip−30's time is not read.
    var headers = history(tip: 2_020_029, bits: p, spacing: 30)
    headers[headers.count - 30].time -= 10
    headers[headers.count - 31].time -= 5_000
    #expect(bits(at: 2_020_030, headers) == 0x1f03_7000)
  }

  @Test func testnetProofOfNodeWindowIs60() {
    let testnet = ChainParams.testnet
    let p: UInt32 = 0x1f03_6600
    // PoN at 800; 800 … 859 get ponStartLimit 0x7fff…ff (255 bits → 0x207fffff).
    #expect(bits(at: 859, history(tip: 858, bits: p, spacing: 30), params: testnet) == 0x207f_ffff)
    // 860: 59 × 30 = 1,770 = 2 · 3 · 5 · 59; P = 870 × 2^232 and 2^232 ≡ 1 (mod 59, as
    // 2^58 ≡ 1), so P mod 1,770 = 30 × (29 mod 59) = 870 and P − 870 → mantissa 0x0365ff.
    #expect(bits(at: 860, history(tip: 859, bits: p, spacing: 30), params: testnet) == 0x1f03_65ff)
  }

  @Test func regtestStaysOnDigishield() {
    // X on target: Digishield keeps X exactly (0x1d00ffff); mainnet's LWMA3 at the same
    // height loses X mod 13,176,000 > 0, so its mantissa drops to 0x00fffe.
    let headers = history(tip: 299_999, bits: Targets.xBits)
    #expect(bits(at: 300_000, headers, params: .regtest) == 0x1d00_ffff)
    #expect(bits(at: 300_000, headers) == 0x1d00_fffe)
  }

  @Test func requiredHistory() {
    #expect(params.requiredHistoryCount(forHeight: 0) == 0)
    #expect(params.requiredHistoryCount(forHeight: 5) == 5)
    #expect(params.requiredHistoryCount(forHeight: 124_999) == 28)
    #expect(params.requiredHistoryCount(forHeight: 125_000) == 61)
    #expect(params.requiredHistoryCount(forHeight: 2_019_999) == 61)
    #expect(params.requiredHistoryCount(forHeight: 2_020_000) == 30)
    #expect(ChainParams.testnet.requiredHistoryCount(forHeight: 800) == 60)
  }

  @Test func historyMustEndAtTheParent() async {
    await #expect(processExitsWith: .failure) {
      let headers = Headers.spaced(tip: 500_000, count: 61, bits: 0x1e03_2433, spacing: 120)
      _ = ChainParams.mainnet.nextBits(forHeight: 500_002, history: headers)
    }
  }
}
