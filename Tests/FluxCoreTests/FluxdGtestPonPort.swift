import FluxCore
import Testing

// Port of fluxd's PoN gtests: RunOnFlux/fluxd `src/gtest/test_pon.cpp` (commit 2cda816),
// fixture `PONTest` on mainnet. Expected values are the source's literals, with its lines.
//
// Ported here: PONActivationHeight (mainnet half), IsPONActive, PONDifficultyCheck (the
// compact decoding it relies on), PONDifficultyAdjustmentInitial, …Window, …FastBlocks,
// …SlowBlocks and …Limits. Where the source only bounds a result, the exact nBits are
// derived as well.
//
// Already in FluxCoreTests, so cited rather than repeated:
// - InitialPONSubsidy (66–83), PONSubsidyReduction (85–106), PONSubsidyCap (108–125) and
//   PrePONSubsidy (166–181): `SubsidyTests.ponSubsidyVectorsFromFluxdTests`.
// - FluxnodeRewardDistribution (127–147) and DevFundCalculation (149–164):
//   `RewardSplitTests.proofOfNodeSplit` (1 / 3.5 / 9 and a dev fund of 14 / 28 = 0.5 at
//   2,020,000; 12.6 / 28 = 0.45 at 3,071,200).
//
// Skipped:
// - PONActivationHeight's testnet half (34–36): testnet only.
// - BlockVersionCheck (53–64), PONBlockHeaderSerialization (183–211) and
//   POWBlockHeaderSerialization (481–506): header versions and serialization are not modelled.
// - PONDifficultyCheck's hash comparisons (213–229), PONHashCalculation (242–266) and the
//   ForkChoice tests (525 on): FluxCore has no PoN hash; eligibility is a probability here.
// - SlotCalculation (268–286): slot numbers belong to FluxSim's PoN model, not to FluxCore.
@Suite struct FluxdGtestPonPort {
  let params = ChainParams.mainnet
  let pon = 2_020_000
  let ponLimitBits: UInt32 = 0x200f_ffff
  let ponStartLimitBits: UInt32 = 0x1f0b_ffff

  /// The source's chains: block `pon − 1` is a PoW block (0x1e7fffff, 120 s blocks from
  /// genesis), then PoN blocks `spacing` apart, each with the nBits the rule requires.
  func chain(through last: Int, spacing: Int64) -> [BlockHeaderInfo] {
    let lastPowTime = params.genesisTime + Int64(pon - 1) * 120
    return Headers.grown(first: pon - 1, last: last, firstBits: 0x1e7f_ffff, params: params) {
      lastPowTime + Int64($0 - pon + 1) * spacing
    }
  }

  @Test func ponActivationHeight() {
    // 28–37 (mainnet half 30–32): the activation height is positive (its value, 2,020,000,
    // is `FluxdRustRewardsPort.mainnetPonActivationHeight`).
    #expect((params.upgrades.pon ?? 0) > 0)
  }

  @Test func isPONActive() {
    // 39–51.
    #expect(!params.upgrades.isActive(.pon, at: pon - 1))
    #expect(params.upgrades.isActive(.pon, at: pon))
    #expect(params.upgrades.isActive(.pon, at: pon + 100))
  }

  @Test func ponDifficultyCheckCompactDecoding() {
    // 222 encodes ponLimit (0x200fffff, `CompactTests.bitcoinAndFluxLimits`) for the
    // hash checks. 231–239: 0x0100ffff has size 1, so the mantissa 0x00ffff >> 16 = 0,
    // neither negative nor overflowing, which leaves the source's conditional expectation
    // unreached.
    let decoded = UInt256.decodeCompact(0x0100_ffff)
    #expect(decoded.value == .zero)
    #expect(!decoded.isNegative)
    #expect(!decoded.isOverflow)
  }

  @Test func ponDifficultyAdjustmentInitial() {
    // 288–307: a tip at the activation height with ponLimit's nBits; the next block is in
    // the first window, so it gets ponStartLimit's nBits whatever the tip carries.
    let tip = BlockHeaderInfo(height: pon, time: params.genesisTime + Int64(pon) * 30, bits: ponLimitBits)
    let next = params.nextBits(forHeight: pon + 1, history: [tip])
    #expect(next == params.difficulty.ponStartLimit.compact())
    #expect(next == ponStartLimitBits)
  }

  @Test func ponDifficultyAdjustmentWindow() {
    // 309–356: block `pon` carries ponLimit's nBits, the rest follow the rule, 30 s apart.
    let lastPowTime = params.genesisTime + Int64(pon - 1) * 120
    let headers = Headers.grown(first: pon, last: pon + 120, firstBits: ponLimitBits, params: params) {
      lastPowTime + Int64($0 - pon + 1) * 30
    }
    let stable = UInt256(compact: headers[120].bits)
    let previous = UInt256(compact: headers[110].bits)
    // 351–355: the two differ by at most 1 % of the earlier one.
    let difference = stable > previous ? stable - previous : previous - stable
    #expect(difference <= previous / 100)
    // Exactly: pon + 1 … pon + 29 get 0x1f0bffff (the first window). From pon + 30 on every
    // span is 870 s, and m × 2^224 loses its remainder modulo 870 unless 435 divides m
    // (ProofOfNodeDifficultyTests: 786,431 × 2^224 ≡ 386), which drops the mantissa by one
    // per block: block pon + 30 + j carries 786,430 − j. No multiple of 435 lies between
    // 786,340 and 786,431 (435 × 1,807 = 786,045, 435 × 1,808 = 786,480), so block pon + 110
    // carries 786,350 = 0x0bffae and block pon + 120 786,340 = 0x0bffa4.
    #expect(headers[29].bits == ponStartLimitBits)
    #expect(headers[30].bits == 0x1f0b_fffe)
    #expect(headers[110].bits == 0x1f0b_ffae)
    #expect(headers[120].bits == 0x1f0b_ffa4)
  }

  @Test func ponDifficultyAdjustmentFastBlocks() {
    // 358–414: 15 s blocks. The first window (pon … pon + 29) gets ponStartLimit; block
    // pon + 30 sees 29 × 15 = 435 s, clamped to 696, so ⌊S / 870⌋ × 696 = (S − 386) × 4 / 5
    // with S = 786,431 × 2^224, whose top bytes are ⌊786,431 × 4 / 5⌋ = 629,144 = 0x099998.
    let headers = chain(through: pon + 40, spacing: 15)
    let start = UInt256(compact: headers[30].bits)
    let adjusted = UInt256(compact: headers[31].bits)
    #expect(adjusted < start)  // 413
    #expect(headers[30].bits == ponStartLimitBits)
    #expect(headers[31].bits == 0x1f09_9998)
  }

  @Test func ponDifficultyAdjustmentSlowBlocks() {
    // 416–457: 60 s blocks: 29 × 60 = 1,740 s, clamped to 1,087, so (S − 386) × 1,087 / 870
    // with top bytes ⌊786,431 × 1,087 / 870⌋ = ⌊854,850,497 / 870⌋ = 982,586 = 0x0efe3a.
    let headers = chain(through: pon + 40, spacing: 60)
    let start = UInt256(compact: headers[30].bits)
    let adjusted = UInt256(compact: headers[31].bits)
    #expect(adjusted > start)  // 453
    #expect(adjusted <= params.difficulty.ponLimit)  // 456
    #expect(headers[31].bits == 0x1f0e_fe3a)
  }

  @Test func ponDifficultyAdjustmentLimits() {
    // 459–478: a tip at pon + 10 carrying 0x207fffff (far easier than ponLimit): the next
    // block is still in the first window, so it gets ponStartLimit, below ponLimit.
    let tip = BlockHeaderInfo(height: pon + 10, time: params.genesisTime + Int64(pon + 10) * 30, bits: 0x207f_ffff)
    let next = params.nextBits(forHeight: pon + 11, history: [tip])
    #expect(UInt256(compact: next) <= params.difficulty.ponLimit)  // 476
    #expect(next == ponStartLimitBits)
  }
}
