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

  /// Between two of `priceChangeHeights` every spec costs the same at every height, in
  /// FLUX and in USD (what lets the simulator price an app once per epoch).
  @Test func pricesChangeOnlyAtTheListedHeights() {
    let pricing = params.appPricing
    let changes = pricing.priceChangeHeights
    #expect(changes == [0, 983_001, 1_004_001, 1_288_001, 1_594_833, 1_597_157, 1_691_000, 1_890_000, 2_020_000])
    var state: UInt64 = 11
    for _ in 0..<400 {
      let components = (0..<Int(1 + splitMix64(&state) % 3)).map { _ in
        AppComponent(
          cpuTenths: Int(1 + splitMix64(&state) % 40), ramMB: Int(1 + splitMix64(&state) % 80) * 100,
          hddGB: Int(1 + splitMix64(&state) % 200))
      }
      let spec = AppSpec(
        version: Int(4 + splitMix64(&state) % 5), components: components, instances: Int(1 + splitMix64(&state) % 12),
        expire: Int(1 + splitMix64(&state) % 300) * 1_000)
      let epoch = Int(splitMix64(&state) % UInt64(changes.count))
      let start = changes[epoch]
      let end = epoch + 1 < changes.count ? changes[epoch + 1] - 1 : 4_000_000
      let height = start + Int(splitMix64(&state) % UInt64(end - start + 1))
      #expect(params.appPrice(for: spec, registeredAt: height) == params.appPrice(for: spec, registeredAt: start))
      #expect(params.appPriceUSD(for: spec, registeredAt: height) == params.appPriceUSD(for: spec, registeredAt: start))
    }
  }
}
