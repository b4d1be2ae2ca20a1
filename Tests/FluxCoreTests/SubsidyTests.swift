import Testing

@testable import FluxCore

/// flux-rules.md §2.1 and §9 items 1–2: subsidy vectors from fluxd `test_pon.cpp` /
/// `pon_tests.cpp` and [R] `rewards.rs`, at every era edge.
@Suite struct SubsidyTests {
  let mainnet = ChainParams.mainnet
  let ponStart = 2_020_000
  let year = 1_051_200

  @Test(
    arguments: [
      // Slow start, premine and halvings (§2.1 table).
      (0, 0), (1, 1_302_000_000_000_000), (2, 6_000_000), (2_499, 7_497_000_000), (2_500, 7_503_000_000),
      (4_999, 15_000_000_000), (5_000, 15_000_000_000), (657_849, 15_000_000_000), (657_850, 7_500_000_000),
      (835_554, 7_500_000_000), (1_313_199, 7_500_000_000), (1_313_200, 3_750_000_000),
      // The cancelled third halving ([R] mainnet_canceled_halving_at_1_968_550).
      (1_968_549, 3_750_000_000), (1_968_550, 3_750_000_000), (1_968_551, 3_750_000_000),
      (2_019_999, 3_750_000_000),
    ] as [(Int, Int64)])
  func powSubsidy(height: Int, satoshi: Int64) {
    #expect(mainnet.codeSubsidy(at: height) == Amount(satoshi: satoshi))
  }

  @Test func ponSubsidyVectorsFromFluxdTests() {
    // test_pon.cpp: 14 at PoN, +1, +1,000, +1,051,199.
    for offset in [0, 1, 1_000, year - 1] {
      #expect(mainnet.codeSubsidy(at: ponStart + offset) == Amount(satoshi: 1_400_000_000))
    }
    #expect(mainnet.codeSubsidy(at: ponStart + year) == Amount(satoshi: 1_260_000_000))
    #expect(mainnet.codeSubsidy(at: ponStart + 2 * year) == Amount(satoshi: 1_134_000_000))
    #expect(mainnet.codeSubsidy(at: ponStart + 3 * year) == Amount(satoshi: 1_020_600_000))
    #expect(mainnet.codeSubsidy(at: ponStart + 5 * year) == Amount(satoshi: 826_686_000))
    for k in [20, 21, 25, 30] {
      #expect(mainnet.codeSubsidy(at: ponStart + k * year) == Amount(satoshi: 170_207_313))
    }
    #expect(mainnet.codeSubsidy(at: ponStart - 1) != Amount(flux: 14))
    #expect(mainnet.codeSubsidy(at: 23_044_000) == Amount(satoshi: 170_207_313))
    #expect(mainnet.codeSubsidy(at: 23_043_999) == Amount(satoshi: 189_119_237))
  }

  @Test func reductionTruncatesAtEveryStep() {
    // 14 × 0.9^20 = 1.7020731...; the exact float would give 170,207,313.8..., and
    // truncating each step can only lose more. Walk the steps by hand for two years:
    // 1,400,000,000 × 9 / 10 = 1,260,000,000; × 9 / 10 = 1,134,000,000.
    var amount: Int64 = 1_400_000_000
    for k in 0...20 {
      #expect(mainnet.codeSubsidy(at: ponStart + k * year).satoshi == amount)
      amount = amount * 9 / 10
    }
  }

  @Test func observedModeShiftsTheFirstBlocksByOne() {
    #expect(mainnet.subsidy(at: 1, mode: .observed) == .zero)
    #expect(mainnet.subsidy(at: 2, mode: .observed) == Amount(flux: 13_020_000))
    #expect(mainnet.subsidy(at: 3, mode: .observed) == Amount(satoshi: 6_000_000))
    // 4,999 observed = code(4,998) = 3,000,000 × 4,999.
    #expect(mainnet.subsidy(at: 4_999, mode: .observed) == Amount(satoshi: 14_997_000_000))
    for height in [5_000, 5_001, 657_850, 2_020_000, 30_000_000] {
      #expect(mainnet.subsidy(at: height, mode: .observed) == mainnet.codeSubsidy(at: height))
    }
  }

  @Test func mainnetSubsidyNeverIncreasesPast5000() {
    var state: UInt64 = 7
    var heights = (0..<2_000).map { _ in 5_000 + Int(splitMix64(&state) % 40_000_000) }
    heights += [657_849, 657_850, 1_313_199, 1_313_200, 2_019_999, 2_020_000, 3_071_199, 3_071_200]
    heights.sort()
    for (a, b) in zip(heights, heights.dropFirst()) {
      #expect(mainnet.codeSubsidy(at: a) >= mainnet.codeSubsidy(at: b), "subsidy rises from \(a) to \(b)")
    }
  }

  @Test func regtestHalvesEvery150BlocksWithoutSlowStart() {
    let regtest = ChainParams.regtest
    #expect(regtest.codeSubsidy(at: 1) == Amount(flux: 13_020_000))
    #expect(regtest.codeSubsidy(at: 2) == Amount(flux: 150))
    #expect(regtest.codeSubsidy(at: 149) == Amount(flux: 150))
    #expect(regtest.codeSubsidy(at: 150) == Amount(flux: 75))
    #expect(regtest.codeSubsidy(at: 300) == Amount(satoshi: 3_750_000_000))
    // 150 FLUX = 15,000,000,000 sat < 2^34, so 34 halvings reach zero.
    #expect(regtest.codeSubsidy(at: 34 * 150) == .zero)
    #expect(regtest.codeSubsidy(at: 33 * 150) == Amount(satoshi: 15_000_000_000 >> 33))
  }

  @Test func testnetHasNoSlowStartAndShorterPoNYears() {
    let testnet = ChainParams.testnet
    #expect(testnet.codeSubsidy(at: 2) == Amount(flux: 150))
    #expect(testnet.codeSubsidy(at: 799) == Amount(flux: 150))
    #expect(testnet.codeSubsidy(at: 800) == Amount(flux: 14))
    #expect(testnet.codeSubsidy(at: 800 + 525_600) == Amount(satoshi: 1_260_000_000))
  }
}
