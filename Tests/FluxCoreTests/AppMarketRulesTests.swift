import Testing

@testable import FluxCore

/// FluxOS's placement deferrals (flux-rules.md §7.4) and the USD-pegged price (§7.2).
@Suite struct AppMarketRulesTests {
  let params = ChainParams.mainnet
  let rules = AppPlacementRules.fluxOS
  /// 1 core, 1,000 MB, 10 GB.
  static let small = AppComponent(cpuTenths: 10, ramMB: 1_000, hddGB: 10)
  static let now = 2_900_000

  @Test func largeTiersDeferSmallAppsByTheirFluxOSWaits() {
    let small = AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10)
    let medium = AppResources(cpuTenths: 40, ramMB: 8_000, hddGB: 100)
    let large = AppResources(cpuTenths: 80, ramMB: 8_000, hddGB: 100)
    #expect(rules.deferral(of: small, on: .cumulus) == 0)
    #expect(rules.deferral(of: small, on: .nimbus) == 3_420)
    #expect(rules.deferral(of: small, on: .stratus) == 7_020)
    #expect(rules.deferral(of: medium, on: .nimbus) == 0)
    #expect(rules.deferral(of: medium, on: .stratus) == 5_220)
    #expect(rules.deferral(of: large, on: .stratus) == 0)
    // "Below" is strict in every resource: exactly 3 cores is not small, but medium.
    let threeCores = AppResources(cpuTenths: 30, ramMB: 1_000, hddGB: 10)
    #expect(rules.deferral(of: threeCores, on: .nimbus) == 0)
    #expect(rules.deferral(of: threeCores, on: .stratus) == 5_220)
    #expect(rules.maxAppsPerNode == 200)
  }

  @Test func resourcesFitOnlyWithinEveryLimit() {
    let free = AppResources(cpuTenths: 30, ramMB: 5_000, hddGB: 129)
    #expect(AppResources(cpuTenths: 30, ramMB: 5_000, hddGB: 129).fits(in: free))
    #expect(!AppResources(cpuTenths: 31, ramMB: 100, hddGB: 1).fits(in: free))
    #expect(!AppResources(cpuTenths: 1, ramMB: 5_100, hddGB: 1).fits(in: free))
    #expect(!AppResources(cpuTenths: 1, ramMB: 100, hddGB: 130).fits(in: free))
  }

  @Test func usdPriceUsesTheUSDTableAndItsFloor() {
    // USD table: 1 core 1.50 + 1,000 MB 0.50 + 10 GB 0.20 = 2.20 for three instances;
    // 0.7333 → 0.74 per instance; three instances 2.22 USD.
    let app = AppSpec(version: 8, components: [Self.small])
    #expect(params.appPriceUSD(for: app, registeredAt: Self.now).satoshi == 222_000_000)
    // 0.1 core, 100 MB, 1 GB, one instance: 0.22 / 3 → 0.08, below the 0.99 USD floor.
    let tiny = AppSpec(version: 8, components: [AppComponent(cpuTenths: 1, ramMB: 100, hddGB: 1)], instances: 1)
    #expect(params.appPriceUSD(for: tiny, registeredAt: Self.now).satoshi == 99_000_000)
  }

  @Test func userPaysTheLargerOfTheFluxAndConvertedUSDPrices() {
    let app = AppSpec(version: 8, components: [Self.small])
    // At 0.30 USD: 2.22 × 0.95 / 0.30 = 7.03 FLUX, above the table's 0.45 FLUX.
    #expect(params.appPrice(for: app, registeredAt: Self.now, fluxUSD: 0.30).satoshi == 703_000_000)
    // At 100 USD: 0.02109 → 0.03 FLUX, below 0.45: the FLUX price stands.
    #expect(params.appPrice(for: app, registeredAt: Self.now, fluxUSD: 100).satoshi == 45_000_000)
    // Twice the default period costs twice in both currencies.
    var long = app
    long.expire = 176_000
    #expect(params.appPrice(for: long, registeredAt: Self.now, fluxUSD: 0.30).satoshi == 1_406_000_000)
  }
}
