import Testing

@testable import FluxCore

/// flux-rules.md §3.1 and §9 item 3 ([R] `schedule.rs`): windows and their edges.
@Suite struct CollateralTests {
  let mainnet = ChainParams.mainnet

  @Test func enforcedReducedCollateralByTier() {
    #expect(mainnet.reducedCollateralEnforced(at: 1_086_611) == [])
    #expect(mainnet.reducedCollateralEnforced(at: 1_086_612) == [.cumulus])
    #expect(mainnet.reducedCollateralEnforced(at: 1_092_371) == [.cumulus])
    #expect(mainnet.reducedCollateralEnforced(at: 1_092_372) == [.cumulus, .nimbus])
    #expect(mainnet.reducedCollateralEnforced(at: 1_097_411) == [.cumulus, .nimbus])
    #expect(mainnet.reducedCollateralEnforced(at: 1_097_412) == .all)
  }

  @Test func forcedExpiryCheckWindow() {
    #expect(!mainnet.isCollateralExpiryCheckActive(at: 1_076_531))
    #expect(mainnet.isCollateralExpiryCheckActive(at: 1_076_532))
    #expect(mainnet.isCollateralExpiryCheckActive(at: 1_097_421))
    #expect(!mainnet.isCollateralExpiryCheckActive(at: 1_097_422))
  }

  @Test func tierFromCollateralAtWindowEdges() {
    let k = { (flux: Int64) in Amount(flux: flux) }
    // Cumulus window [1,076,532, 1,086,612).
    #expect(mainnet.tier(forCollateral: k(10_000), at: 1_076_531) == .cumulus)
    #expect(mainnet.tier(forCollateral: k(1_000), at: 1_076_531) == nil)
    #expect(mainnet.tier(forCollateral: k(1_000), at: 1_076_532) == .cumulus)
    #expect(mainnet.tier(forCollateral: k(10_000), at: 1_086_611) == .cumulus)
    #expect(mainnet.tier(forCollateral: k(10_000), at: 1_086_612) == nil)
    // Nimbus window [1,081,572, 1,092,372).
    #expect(mainnet.tier(forCollateral: k(12_500), at: 1_081_571) == nil)
    #expect(mainnet.tier(forCollateral: k(12_500), at: 1_081_572) == .nimbus)
    #expect(mainnet.tier(forCollateral: k(25_000), at: 1_092_371) == .nimbus)
    #expect(mainnet.tier(forCollateral: k(25_000), at: 1_092_372) == nil)
    // Stratus window [1,087,332, 1,097,412).
    #expect(mainnet.tier(forCollateral: k(40_000), at: 1_087_331) == nil)
    #expect(mainnet.tier(forCollateral: k(40_000), at: 1_087_332) == .stratus)
    #expect(mainnet.tier(forCollateral: k(100_000), at: 1_097_411) == .stratus)
    #expect(mainnet.tier(forCollateral: k(100_000), at: 1_097_412) == nil)
    // Exact amounts only.
    #expect(mainnet.tier(forCollateral: Amount(satoshi: 100_000_000_001), at: 3_000_000) == nil)
  }

  @Test func wrongCollateralIsExpiredOnlyInsideTheCheckWindow() {
    #expect(mainnet.mustExpireForCollateral(tier: .cumulus, amount: Amount(flux: 10_000), at: 1_086_612))
    #expect(!mainnet.mustExpireForCollateral(tier: .cumulus, amount: Amount(flux: 10_000), at: 1_086_611))
    #expect(!mainnet.mustExpireForCollateral(tier: .cumulus, amount: Amount(flux: 1_000), at: 1_086_612))
    // After the check window fluxd no longer runs it (a V1 node would already be gone).
    #expect(!mainnet.mustExpireForCollateral(tier: .cumulus, amount: Amount(flux: 10_000), at: 1_097_422))
  }

  @Test func collateralNeeds100Confirmations() {
    #expect(!mainnet.isCollateralMature(coinHeight: 1_000, at: 1_099))
    #expect(mainnet.isCollateralMature(coinHeight: 1_000, at: 1_100))
  }
}
