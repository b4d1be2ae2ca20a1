import Testing

@testable import FluxCore

/// flux-rules.md §2.2: the exchange, foundation and swap-pool outputs.
@Suite struct FundsTests {
  let mainnet = ChainParams.mainnet

  @Test func oneOffFunds() {
    #expect(mainnet.fundAmount(at: 836_273) == .zero)
    #expect(mainnet.fundAmount(at: 836_274) == Amount(flux: 7_500_000))
    #expect(mainnet.fundAmount(at: 836_275) == .zero)
    #expect(mainnet.fundAmount(at: 836_994) == Amount(flux: 2_500_000))
  }

  @Test func swapPoolPaysTenTimesEvery21600Blocks() {
    let expected = [837_714, 859_314, 880_914, 902_514, 924_114, 945_714, 967_314, 988_914, 1_010_514, 1_032_114]
    #expect(mainnet.funds[2].heights == expected)
    for height in expected {
      #expect(mainnet.fundAmount(at: height) == Amount(flux: 22_000_000))
      #expect(mainnet.fundAmount(at: height + 1) == .zero)
      #expect(mainnet.fundAmount(at: height - 1) == .zero)
    }
    #expect(mainnet.fundAmount(at: 1_053_714) == .zero)
    #expect(mainnet.cumulativeFunds(through: 10_000_000) == Amount(flux: 230_000_000))
  }
}
