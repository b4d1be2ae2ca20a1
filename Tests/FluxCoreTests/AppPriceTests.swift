import Testing

@testable import FluxCore

/// Vectors for `AppPrice.swift` (flux-rules.md §7.1, §7.2). Prices in the comments are FLUX;
/// the current row (registrations above 1,597,156) charges 0.03 per 0.1 core, 0.01 per
/// 100 MB, 0.004 per GB, port 0.4, scope 0.8, static IP 0.4, minimum 0.01.
@Suite struct AppPriceTests {
  let params = ChainParams.mainnet
  /// 1 core, 1,000 MB, 10 GB: 0.30 + 0.10 + 0.04 = 0.44 at the current row.
  static let small = AppComponent(cpuTenths: 10, ramMB: 1_000, hddGB: 10)
  /// 1 core, 100 MB, 1 GB.
  static let tiny = AppComponent(cpuTenths: 10, ramMB: 100, hddGB: 1)
  /// A height well inside PoN (default period 88,000 blocks).
  static let now = 2_900_000

  func price(_ spec: AppSpec, at height: Int, _ chain: ChainParams = .mainnet) -> Int64 {
    chain.appPrice(for: spec, registeredAt: height).satoshi
  }

  @Test func rulesExample() {
    // 0.44 / 3 = 0.1467 → 0.15 per instance; 3 instances: ceil2(0.15 × 2) + 0.15 = 0.45.
    #expect(price(AppSpec(version: 8, components: [Self.small]), at: Self.now) == 45_000_000)
  }

  @Test(arguments: [
    (0, -1), (983_000, -1), (983_001, 983_000), (1_004_000, 983_000), (1_004_001, 1_004_000),
    (1_288_000, 1_004_000), (1_288_001, 1_288_000), (1_594_832, 1_288_000), (1_594_833, 1_594_832),
    (1_597_156, 1_594_832), (1_597_157, 1_597_156), (2_900_000, 1_597_156),
  ])
  func rowSelectionIsStrict(height: Int, validAbove: Int) {
    #expect(params.appPricing.priceRow(at: height).validAbove == validAbove)
  }

  @Test func pricesAtTheLastRowBoundary() {
    let spec = AppSpec(version: 8, components: [Self.tiny])
    // Row 1,594,832: 10 × 0.15 + 1 × 0.05 + 1 × 0.02 = 1.57; / 3 = 0.5233 → 0.53; below
    // 1,890,000 the instances beyond the first are not charged.
    #expect(price(spec, at: 1_597_156) == 53_000_000)
    // Last row: 0.30 + 0.01 + 0.004 = 0.314; / 3 = 0.1047 → 0.11.
    #expect(price(spec, at: 1_597_157) == 11_000_000)
  }

  @Test func portPriceChangesAbove1594832() {
    let spec = AppSpec(version: 4, components: [Self.tiny], enterprisePorts: 1)
    // Row 1,288,000: 1.57 + port 2 = 3.57; / 3 = 1.19.
    #expect(price(spec, at: 1_594_832) == 119_000_000)
    // Row 1,594,832: 1.57 + port 1.5 = 3.07; / 3 = 1.0233 → 1.03.
    #expect(price(spec, at: 1_594_833) == 103_000_000)
  }

  @Test func version3SumsWithoutDividing() {
    let component = AppComponent(cpuTenths: 5, ramMB: 500, hddGB: 5)
    // Row 983,000: 5 × 0.3 + 500 × 0.1 / 100 + 5 × 0.05 = 1.5 + 0.5 + 0.25 = 2.25.
    #expect(price(AppSpec(version: 3, components: [component]), at: 1_000_000) == 225_000_000)
    // The instance count does not enter the v1–v3 formula.
    #expect(price(AppSpec(version: 3, components: [component], instances: 10), at: 1_000_000) == 225_000_000)
    // One enterprise port: 2.25 + 2 = 4.25.
    #expect(price(AppSpec(version: 3, components: [component], enterprisePorts: 1), at: 1_000_000) == 425_000_000)
    // Last row: 0.1 core, 100 MB, 1 GB = 0.03 + 0.01 + 0.004 = 0.044 → 0.05.
    let minimal = AppComponent(cpuTenths: 1, ramMB: 100, hddGB: 1)
    #expect(price(AppSpec(version: 3, components: [minimal]), at: Self.now) == 5_000_000)
  }

  @Test func version3TieredSumsTheThreeTiers() {
    let tiered = AppComponent(
      cpuTenths: 5, ramMB: 500, hddGB: 5,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 5, ramMB: 500, hddGB: 5),
        nimbus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10),
        stratus: AppResources(cpuTenths: 20, ramMB: 2_000, hddGB: 20)))
    // Row 983,000: 35 × 0.3 + 3,500 × 0.1 / 100 + 35 × 0.05 = 10.5 + 3.5 + 1.75 = 15.75.
    #expect(price(AppSpec(version: 3, components: [tiered]), at: 1_000_000) == 1_575_000_000)
  }

  @Test func tieredComponentCostsItsAverage() {
    let tiered = AppComponent(
      cpuTenths: 10, ramMB: 1_000, hddGB: 10,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10),
        nimbus: AppResources(cpuTenths: 20, ramMB: 2_000, hddGB: 20),
        stratus: AppResources(cpuTenths: 40, ramMB: 4_000, hddGB: 40)))
    // Averages 70/3 tenths, 7,000/3 MB, 70/3 GB: 0.70 + 0.2333 + 0.0933 = 1.0267;
    // / 3 = 0.3422 → 0.35; × 3 instances = 1.05.
    #expect(price(AppSpec(version: 8, components: [tiered]), at: Self.now) == 105_000_000)
  }

  @Test func tieredAverageEqualToAPlainComponentPricesTheSame() {
    let tiered = AppComponent(
      cpuTenths: 1, ramMB: 100, hddGB: 1,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 5, ramMB: 500, hddGB: 5),
        nimbus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10),
        stratus: AppResources(cpuTenths: 15, ramMB: 1_500, hddGB: 15)))
    // Average 10 / 1,000 / 10 = `small`: 0.44 + 0.44 = 0.88; / 3 = 0.2933 → 0.30; × 3 = 0.90.
    #expect(price(AppSpec(version: 8, components: [Self.small, tiered]), at: Self.now) == 90_000_000)
    #expect(price(AppSpec(version: 8, components: [Self.small, Self.small]), at: Self.now) == 90_000_000)
  }

  @Test func exactCentIsNotRoundedUp() {
    let tiered = AppComponent(
      cpuTenths: 9, ramMB: 300, hddGB: 15,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 6, ramMB: 200, hddGB: 10),
        nimbus: AppResources(cpuTenths: 9, ramMB: 300, hddGB: 15),
        stratus: AppResources(cpuTenths: 12, ramMB: 400, hddGB: 20)))
    // Averages 9 tenths, 300 MB, 15 GB: 0.27 + 0.03 + 0.06 = 0.36; / 3 = 0.12 exactly; × 3 = 0.36.
    #expect(price(AppSpec(version: 8, components: [tiered]), at: Self.now) == 36_000_000)
  }

  @Test func extraInstancesFlatRateBranch() {
    // 0.15 per instance < 0.50 and 4 extra > 2: 0.15 + 0.50 × 4 = 2.15.
    #expect(price(AppSpec(version: 8, components: [Self.small], instances: 5), at: Self.now) == 215_000_000)
  }

  @Test func extraInstancesProportionalBranch() {
    // Two or fewer extra instances: 1 instance 0.15; 2 instances ceil2(0.15 × 1) + 0.15 = 0.30.
    #expect(price(AppSpec(version: 8, components: [Self.small], instances: 1), at: Self.now) == 15_000_000)
    #expect(price(AppSpec(version: 8, components: [Self.small], instances: 2), at: Self.now) == 30_000_000)
    // 4 cores, 4,000 MB, 50 GB: 1.20 + 0.40 + 0.20 = 1.80; / 3 = 0.60 ≥ 0.50, so with 5
    // instances ceil2(0.60 × 4) + 0.60 = 3.00.
    let large = AppComponent(cpuTenths: 40, ramMB: 4_000, hddGB: 50)
    #expect(price(AppSpec(version: 8, components: [large], instances: 5), at: Self.now) == 300_000_000)
  }

  @Test func extraInstancesAreFreeBelow1890000() {
    let spec = AppSpec(version: 8, components: [Self.small], instances: 5)
    // Same row, default period 22,000 at both heights: one instance's 0.15, then 2.15.
    #expect(price(spec, at: 1_889_999) == 15_000_000)
    #expect(price(spec, at: 1_890_000) == 215_000_000)
  }

  @Test func periodScalesThenRoundsUp() {
    func spec(expire: Int) -> AppSpec { AppSpec(version: 8, components: [Self.small], expire: expire) }
    // 0.45 × 176,000 / 88,000 = 0.90.
    #expect(price(spec(expire: 176_000), at: Self.now) == 90_000_000)
    // 0.45 × 44,000 / 88,000 = 0.225 → 0.23.
    #expect(price(spec(expire: 44_000), at: Self.now) == 23_000_000)
    // Longest period: 0.45 × 1,056,000 / 88,000 = 0.45 × 12 = 5.40.
    #expect(price(spec(expire: 1_056_000), at: Self.now) == 540_000_000)
    // Before the PoN fork the default is 22,000: 0.45 × 44,000 / 22,000 = 0.90.
    #expect(price(spec(expire: 44_000), at: 2_019_999) == 90_000_000)
    #expect(price(spec(expire: 44_000), at: 2_020_000) == 23_000_000)
  }

  @Test func shortPeriodHitsMinPrice() {
    let spec = AppSpec(version: 8, components: [Self.small], expire: 1_000)
    // 0.45 × 1,000 / 88,000 = 0.0051 → 0.01, the row's minPrice.
    #expect(price(spec, at: Self.now) == 1_000_000)
    // With a minPrice of 0.05 the floor, not the rounding, decides.
    var chain = ChainParams.mainnet
    chain.appPricing.rows[5].minPrice = Amount(satoshi: 5_000_000)
    #expect(price(spec, at: Self.now, chain) == 5_000_000)
  }

  @Test func portsScopeAndStaticIP() {
    let spec = AppSpec(version: 8, components: [Self.small], enterprisePorts: 2, hasScope: true, staticIP: true)
    // 0.44 + scope 0.80 + static IP 0.40 + 2 × port 0.40 = 2.44; / 3 = 0.8133 → 0.82; × 3 = 2.46.
    #expect(price(spec, at: Self.now) == 246_000_000)
    let old = AppSpec(version: 8, components: [Self.tiny], enterprisePorts: 1, hasScope: true, staticIP: true)
    // Row 1,594,832: 1.57 + scope 6 + static IP 3 + port 1.5 = 12.07; / 3 = 4.0233 → 4.03.
    #expect(price(old, at: 1_597_156) == 403_000_000)
  }

  @Test func minUSDPriceFloorFrom1691000() {
    var chain = ChainParams.mainnet
    chain.appPricing.minUSDPrice = Amount(satoshi: 99_000_000)
    let spec = AppSpec(version: 8, components: [Self.small])
    // One instance's 0.15 below 1,691,000; from it the 0.99 floor.
    #expect(price(spec, at: 1_690_999, chain) == 15_000_000)
    #expect(price(spec, at: 1_691_000, chain) == 99_000_000)
    // 2.15 is above the floor.
    #expect(price(AppSpec(version: 8, components: [Self.small], instances: 5), at: Self.now, chain) == 215_000_000)
  }

  @Test func defaultPeriodSwitchesAtThePoNFork() {
    #expect(params.appPricing.defaultExpire(at: 2_019_999) == 22_000)
    #expect(params.appPricing.defaultExpire(at: 2_020_000) == 88_000)
  }
}
