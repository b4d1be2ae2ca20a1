import Testing

@testable import FluxCore

/// flux-rules.md §3.2 and §3.3: the split of every era, its truncation and missing payees.
@Suite struct RewardSplitTests {
  let mainnet = ChainParams.mainnet

  func expectSplit(
    _ reward: BlockReward, cumulus: Int64, nimbus: Int64, stratus: Int64, miner: Int64, devFund: Int64,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(reward.tiers.cumulus.satoshi == cumulus, sourceLocation: sourceLocation)
    #expect(reward.tiers.nimbus.satoshi == nimbus, sourceLocation: sourceLocation)
    #expect(reward.tiers.stratus.satoshi == stratus, sourceLocation: sourceLocation)
    #expect(reward.miner.satoshi == miner, sourceLocation: sourceLocation)
    #expect(reward.devFund.satoshi == devFund, sourceLocation: sourceLocation)
    #expect(reward.nodes + reward.miner + reward.devFund == reward.subsidy, sourceLocation: sourceLocation)
  }

  @Test func beforeNodePaymentsTheMinerTakesAll() {
    expectSplit(mainnet.reward(at: 559_999), cumulus: 0, nimbus: 0, stratus: 0, miner: 15_000_000_000, devFund: 0)
  }

  @Test func deterministicPaymentsAt150And75() {
    // 150 FLUX × 3.75 % / 6.25 % / 15 % = 5.625 / 9.375 / 22.5; miner 112.5.
    expectSplit(
      mainnet.reward(at: 560_000), cumulus: 562_500_000, nimbus: 937_500_000, stratus: 2_250_000_000,
      miner: 11_250_000_000, devFund: 0)
    // 75 FLUX before the FLUX upgrade: 2.8125 / 4.6875 / 11.25; miner 56.25.
    expectSplit(
      mainnet.reward(at: 835_553), cumulus: 281_250_000, nimbus: 468_750_000, stratus: 1_125_000_000,
      miner: 5_625_000_000, devFund: 0)
  }

  @Test func fluxUpgradeDoublesTheNodeShares() {
    // 75 FLUX × 7.5 % / 12.5 % / 30 % = 5.625 / 9.375 / 22.5; miner 37.5.
    expectSplit(
      mainnet.reward(at: 835_554), cumulus: 562_500_000, nimbus: 937_500_000, stratus: 2_250_000_000,
      miner: 3_750_000_000, devFund: 0)
    // 37.5 FLUX: 2.8125 / 4.6875 / 11.25; miner 18.75.
    expectSplit(
      mainnet.reward(at: 2_019_999), cumulus: 281_250_000, nimbus: 468_750_000, stratus: 1_125_000_000,
      miner: 1_875_000_000, devFund: 0)
  }

  @Test func proofOfNodeSplit() {
    // 14 FLUX: 1 / 3.5 / 9, dev fund 0.5 (= 14/28); [R]: min dev fund 50,000,000 sat.
    expectSplit(
      mainnet.reward(at: 2_020_000), cumulus: 100_000_000, nimbus: 350_000_000, stratus: 900_000_000, miner: 0,
      devFund: 50_000_000)
    // 12.6 FLUX: 0.9 / 3.15 / 8.1, dev fund 0.45.
    expectSplit(
      mainnet.reward(at: 3_071_200), cumulus: 90_000_000, nimbus: 315_000_000, stratus: 810_000_000, miner: 0,
      devFund: 45_000_000)
    // 1.70207313 FLUX: 170,207,313 × 1 / 14 = 12,157,665.2 → 12,157,665; × 3.5 / 14 =
    // 42,551,828.25 → 42,551,828; × 9 / 14 = 109,418,986.9 → 109,418,986; dev fund the
    // remainder 6,078,834, which is not 170,207,313 / 28 = 6,078,832.
    expectSplit(
      mainnet.reward(at: 23_044_000), cumulus: 12_157_665, nimbus: 42_551_828, stratus: 109_418_986, miner: 0,
      devFund: 6_078_834)
  }

  @Test func devFundIsZeroBeforePoN() {
    #expect(mainnet.reward(at: 2_019_999).devFund == .zero)
    #expect(mainnet.reward(at: 2_020_000).devFund == Amount(satoshi: 50_000_000))
  }

  @Test func missingTierGoesToMinerBeforePoNAndToDevFundUnderPoN() {
    expectSplit(
      mainnet.reward(at: 1_000_000, payees: [.cumulus, .stratus]), cumulus: 562_500_000, nimbus: 0,
      stratus: 2_250_000_000, miner: 3_750_000_000 + 937_500_000, devFund: 0)
    expectSplit(
      mainnet.reward(at: 2_020_000, payees: [.nimbus]), cumulus: 0, nimbus: 350_000_000, stratus: 0, miner: 0,
      devFund: 50_000_000 + 100_000_000 + 900_000_000)
    expectSplit(
      mainnet.reward(at: 2_020_000, payees: []), cumulus: 0, nimbus: 0, stratus: 0, miner: 0, devFund: 1_400_000_000)
  }

  @Test func powTierAmountTruncatesLikeFluxdsDouble() {
    // One satoshi less than 150 FLUX: 14,999,999,999 × 0.0375 = 562,499,999.96 → 562,499,999.
    #expect(
      ChainParams.powTierAmount(subsidy: Amount(satoshi: 14_999_999_999), fraction: 0.0375, multiplier: 1)
        == Amount(satoshi: 562_499_999))
    // 0.0375 × 2.0 is rounded first: it is exactly 0.075 in binary64, so 75 FLUX → 5.625.
    #expect(
      ChainParams.powTierAmount(subsidy: Amount(flux: 75), fraction: 0.0375, multiplier: 2)
        == Amount(satoshi: 562_500_000))
  }

  @Test func amountsSumToSubsidyAtRandomHeights() {
    var state: UInt64 = 11
    for _ in 0..<5_000 {
      let height = Int(splitMix64(&state) % 40_000_000)
      let payees = TierSet(rawValue: UInt8(splitMix64(&state) % 8))
      for mode in SupplyMode.allCases {
        let reward = mainnet.reward(at: height, mode: mode, payees: payees)
        #expect(reward.nodes + reward.miner + reward.devFund == reward.subsidy)
        #expect(reward.miner >= .zero && reward.devFund >= .zero)
      }
    }
  }
}
