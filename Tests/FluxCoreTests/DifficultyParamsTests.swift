import FluxCore
import Testing

@Suite struct DifficultyParamsTests {
  @Test func mainnetLimits() {
    let d = DifficultyParams.mainnet
    // 0x0007ff…ff = 2^243 − 1, 0x0fff…ff = 2^252 − 1, 0x000bff…ff = 0x000c00…00 − 1 = 3 × 2^242 − 1.
    #expect(d.powLimit == (UInt256(1) << 243) - 1)
    #expect(d.ponLimit == (UInt256(1) << 252) - 1)
    #expect(d.ponStartLimit == (UInt256(3) << 242) - 1)
    #expect(d.equihashResetParentHeights == 125_110...125_170)
    #expect(d.equihashResetParentHeights?.count == 61)
    #expect(d.zelHashRamp == EasingRamp(parentHeights: 372_510...372_573, anchorParentHeight: 372_571, divisor: 32))
    #expect(d.digishieldAveragingWindow == 17)
    #expect(d.lwmaWindow == 60)
    #expect(d.ponWindow == 30)
    #expect(ChainParams.mainnet.difficulty == d)
  }

  @Test func testnetAndRegtest() {
    let testnet = DifficultyParams.testnet
    #expect(testnet.powLimit.hexString == "0e" + String(repeating: "f", count: 62))
    #expect(testnet.ponStartLimit == (UInt256(1) << 255) - 1)
    #expect(testnet.ponWindow == 60)
    #expect(testnet.equihashResetParentHeights == nil)
    #expect(testnet.zelHashRamp == nil)
    #expect(ChainParams.testnet.difficulty == testnet)
    let regtest = DifficultyParams.regtest
    #expect(regtest.powLimit == DifficultyParams.mainnet.powLimit)
    #expect(regtest.zelHashRamp == nil)
    #expect(regtest.equihashResetParentHeights == nil)
    #expect(ChainParams.regtest.difficulty == regtest)
  }
}
