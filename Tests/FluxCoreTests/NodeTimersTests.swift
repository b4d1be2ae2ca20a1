import Testing

@testable import FluxCore

/// flux-rules.md §4.2, §4.3 and "Verified semantics": timers per era and the edges that
/// follow from fluxd's per-block processing order.
@Suite struct NodeTimersTests {
  let mainnet = ChainParams.mainnet

  @Test func timersPerEra() {
    #expect(mainnet.nodeTimers(at: 835_553).expiry == 60)
    #expect(mainnet.nodeTimers(at: 835_554).expiry == 80)
    #expect(mainnet.nodeTimers(at: 1_076_531).minConfirmInterval == 40)
    #expect(mainnet.nodeTimers(at: 1_076_532).minConfirmInterval == 120)
    #expect(mainnet.nodeTimers(at: 1_076_532).expiry == 160)
    let pon = mainnet.nodeTimers(at: 2_020_000)
    #expect(
      pon
        == NodeTimers(
          startConfirmWindow: 240, dosDuration: 720, minConfirmInterval: 500, expiry: 640, ipChangeMinInterval: 5))
    #expect(mainnet.nodeTimers(at: 2_019_999).startConfirmWindow == 60)
  }

  @Test func updateConfirmWindowsPerEra() {
    // [L+M+1, L+E+1]: [L+41, L+61] before 835,554; [L+41, L+81] to 1,076,531;
    // [L+121, L+161] to 2,019,999; [L+501, L+641] under PoN.
    #expect(mainnet.updateConfirmWindow(lastConfirm: 700_000) == 700_041...700_061)
    #expect(mainnet.updateConfirmWindow(lastConfirm: 900_000) == 900_041...900_081)
    #expect(mainnet.updateConfirmWindow(lastConfirm: 1_500_000) == 1_500_121...1_500_161)
    #expect(mainnet.updateConfirmWindow(lastConfirm: 2_500_000) == 2_500_501...2_500_641)
  }

  @Test func paidInTheExpiryBlockButNotAfter() {
    // PoN: L = 2,500,000 is removed at the end of block L + 641; it is still paid there.
    #expect(mainnet.expiryHeight(lastConfirm: 2_500_000) == 2_500_641)
    #expect(mainnet.isPayable(lastConfirm: 2_500_000, in: 2_500_641))
    #expect(!mainnet.isPayable(lastConfirm: 2_500_000, in: 2_500_642))
    #expect(mainnet.isConfirmedThrough(2_500_640, lastConfirm: 2_500_000))
    #expect(!mainnet.isConfirmedThrough(2_500_641, lastConfirm: 2_500_000))
  }

  @Test func confirmExpiryStraddlingPoNActivation() {
    // L = 2,019,700: under the 160-block expiry it is removed at 2,019,861, before PoN.
    #expect(mainnet.expiryHeight(lastConfirm: 2_019_700) == 2_019_861)
    // L = 2,019,900: the old rule would remove it at 2,020,061, but from 2,020,000 the
    // expiry is 640, so it survives until 2,019,900 + 641 = 2,020,541.
    #expect(mainnet.expiryHeight(lastConfirm: 2_019_900) == 2_020_541)
    // L = 2,019,839: L + 161 = 2,020,000 is already PoN, so 640 applies as well.
    #expect(mainnet.expiryHeight(lastConfirm: 2_019_839) == 2_020_480)
    // L = 2,019,838: removed in 2,019,999, the last PoW block.
    #expect(mainnet.expiryHeight(lastConfirm: 2_019_838) == 2_019_999)
  }

  @Test func startDeadlinesAndDoSRelease() {
    #expect(mainnet.initialConfirmDeadline(startHeight: 1_000_000) == 1_000_060)
    #expect(mainnet.initialConfirmDeadline(startHeight: 2_500_000) == 2_500_240)
    // DoS entries dropped at S+180 (PoN S+720): START again from S+181 (PoN S+721).
    #expect(mainnet.dosReleaseHeight(startHeight: 1_000_000) == 1_000_181)
    #expect(mainnet.dosReleaseHeight(startHeight: 2_500_000) == 2_500_721)
  }
}
