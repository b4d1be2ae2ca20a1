import Testing

@testable import FluxCore

/// Vectors for `AppSpec.swift` and `AppLimits.swift` (flux-rules.md §6.2, §7.3), each
/// limit at its edge.
@Suite struct AppSpecTests {
  let params = ChainParams.mainnet
  static let small = AppComponent(cpuTenths: 10, ramMB: 1_000, hddGB: 10)
  static let now = 2_900_000

  func problems(_ spec: AppSpec, at height: Int) -> [AppSpecProblem] { params.validate(spec, at: height) }

  func spec(version: Int = 8, instances: Int = 3, expire: Int? = nil) -> AppSpec {
    AppSpec(version: version, components: [Self.small], instances: instances, expire: expire)
  }

  @Test func componentResourcesPerTier() {
    let values = TierValues(
      cumulus: AppResources(cpuTenths: 5, ramMB: 500, hddGB: 5),
      nimbus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10),
      stratus: AppResources(cpuTenths: 20, ramMB: 2_000, hddGB: 20))
    let tiered = AppComponent(cpuTenths: 10, ramMB: 1_000, hddGB: 10, tiered: values)
    #expect(tiered.resources(on: .nimbus) == values.nimbus)
    #expect(Self.small.resources(on: .cumulus) == AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10))
    #expect(AppComponent(Self.small.resources) == Self.small)
  }

  @Test func capacityLeftForApps() {
    // Cumulus: 40 − 10 tenths, 7,000 − 2,000 MB, ⌊220 × 0.95⌋ − 60 − 20 = 209 − 80 GB.
    #expect(params.appCapacity(of: .cumulus) == AppResources(cpuTenths: 30, ramMB: 5_000, hddGB: 129))
    // Nimbus: 80 − 10, 30,000 − 2,000, 418 − 80.
    #expect(params.appCapacity(of: .nimbus) == AppResources(cpuTenths: 70, ramMB: 28_000, hddGB: 338))
    // Stratus: 160 − 10, 61,000 − 2,000, 836 − 80.
    #expect(params.appCapacity(of: .stratus) == AppResources(cpuTenths: 150, ramMB: 59_000, hddGB: 756))
  }

  @Test(arguments: Tier.allCases)
  func capsAreNodeResourcesLessLocked(tier: Tier) {
    let pricing = params.appPricing
    #expect(pricing.maxAppResources[tier] == pricing.nodeResources[tier] - pricing.lockedResources)
  }

  @Test func rulesExampleIsValid() {
    #expect(problems(spec(), at: Self.now).isEmpty)
  }

  @Test func versionAcceptedFromItsHeight() {
    #expect(
      problems(spec(), at: 1_932_379) == [.versionNotYetSupported(version: 8, from: 1_932_380, height: 1_932_379)])
    #expect(problems(spec(), at: 1_932_380).isEmpty)
    #expect(
      problems(spec(version: 4), at: 1_003_999) == [
        .versionNotYetSupported(version: 4, from: 1_004_000, height: 1_003_999)
      ])
    #expect(problems(spec(version: 4), at: 1_004_000).isEmpty)
    #expect(problems(spec(version: 9), at: Self.now) == [.unknownVersion(9)])
    #expect(problems(spec(version: 0), at: Self.now) == [.unknownVersion(0)])
  }

  @Test func componentCount() {
    #expect(
      problems(AppSpec(version: 8, components: []), at: Self.now) == [
        .tooSmall(field: "components", minimum: 1, found: 0)
      ])
    #expect(
      problems(AppSpec(version: 3, components: [Self.small, Self.small]), at: Self.now) == [
        .tooLarge(field: "components", maximum: 1, found: 2)
      ])
  }

  @Test func instanceLimits() {
    // One instance: v8+ from 2,176,519 only.
    #expect(problems(spec(instances: 1), at: 2_176_518) == [.tooSmall(field: "instances", minimum: 3, found: 1)])
    #expect(problems(spec(instances: 1), at: 2_176_519).isEmpty)
    #expect(
      problems(spec(version: 7, instances: 1), at: Self.now) == [
        .tooSmall(field: "instances", minimum: 3, found: 1)
      ])
    #expect(problems(spec(instances: 100), at: Self.now).isEmpty)
    #expect(problems(spec(instances: 101), at: Self.now) == [.tooLarge(field: "instances", maximum: 100, found: 101)])
  }

  @Test func shortestPeriod() {
    #expect(
      problems(spec(version: 7, expire: 4_000), at: 1_630_039) == [
        .tooSmall(field: "expire", minimum: 5_000, found: 4_000)
      ])
    #expect(problems(spec(version: 7, expire: 100), at: 1_630_040).isEmpty)
    #expect(
      problems(spec(version: 7, expire: 99), at: 1_630_040) == [
        .tooSmall(field: "expire", minimum: 100, found: 99)
      ])
    #expect(problems(spec(expire: 1), at: 1_964_446) == [.tooSmall(field: "expire", minimum: 100, found: 1)])
    #expect(problems(spec(expire: 1), at: 1_964_447).isEmpty)
  }

  @Test func longestPeriod() {
    #expect(problems(spec(expire: 264_000), at: 2_019_999).isEmpty)
    #expect(
      problems(spec(expire: 264_001), at: 2_019_999) == [
        .tooLarge(field: "expire", maximum: 264_000, found: 264_001)
      ])
    #expect(problems(spec(expire: 1_056_000), at: 2_020_000).isEmpty)
    #expect(
      problems(spec(expire: 1_056_001), at: 2_020_000) == [
        .tooLarge(field: "expire", maximum: 1_056_000, found: 1_056_001)
      ])
  }

  @Test func periodInThousandsBefore1625000() {
    #expect(
      problems(spec(version: 7, expire: 5_500), at: 1_624_999) == [
        .notMultiple(field: "expire", step: 1_000, found: 5_500)
      ])
    #expect(problems(spec(version: 7, expire: 5_500), at: 1_625_000).isEmpty)
  }

  @Test func componentGranularity() {
    let spec = AppSpec(version: 8, components: [Self.small, AppComponent(cpuTenths: 0, ramMB: 150, hddGB: 0)])
    #expect(
      problems(spec, at: Self.now) == [
        .tooSmall(field: "components[1].cpuTenths", minimum: 1, found: 0),
        .notMultiple(field: "components[1].ramMB", step: 100, found: 150),
        .tooSmall(field: "components[1].hddGB", minimum: 1, found: 0),
      ])
    let noRAM = AppSpec(version: 8, components: [AppComponent(cpuTenths: 1, ramMB: 0, hddGB: 1)])
    #expect(problems(noRAM, at: Self.now) == [.tooSmall(field: "components[0].ramMB", minimum: 100, found: 0)])
  }

  @Test func tieredValueGranularity() {
    let tiered = AppComponent(
      cpuTenths: 10, ramMB: 1_000, hddGB: 10,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10),
        nimbus: AppResources(cpuTenths: 10, ramMB: 1_250, hddGB: 10),
        stratus: AppResources(cpuTenths: 10, ramMB: 1_000, hddGB: 10)))
    #expect(
      problems(AppSpec(version: 8, components: [tiered]), at: Self.now) == [
        .notMultiple(field: "components[0].tiered.nimbus.ramMB", step: 100, found: 1_250)
      ])
  }

  @Test func totalCaps() {
    // 100 + 50 tenths, 30,000 + 29,000 MB, 500 + 320 GB: exactly 15 cores, 59,000 MB, 820 GB.
    let atCap = AppSpec(
      version: 8,
      components: [
        AppComponent(cpuTenths: 100, ramMB: 30_000, hddGB: 500), AppComponent(cpuTenths: 50, ramMB: 29_000, hddGB: 320),
      ])
    #expect(problems(atCap, at: Self.now).isEmpty)
    let over = AppSpec(
      version: 8,
      components: [
        AppComponent(cpuTenths: 100, ramMB: 30_000, hddGB: 500), AppComponent(cpuTenths: 51, ramMB: 29_100, hddGB: 321),
      ])
    #expect(
      problems(over, at: Self.now) == [
        .tooLarge(field: "total.cpuTenths", maximum: 150, found: 151),
        .tooLarge(field: "total.ramMB", maximum: 59_000, found: 59_100),
        .tooLarge(field: "total.hddGB", maximum: 820, found: 821),
      ])
  }

  @Test func tieredCapsPerTier() {
    let tiered = AppComponent(
      cpuTenths: 10, ramMB: 1_000, hddGB: 10,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 31, ramMB: 5_000, hddGB: 160),
        nimbus: AppResources(cpuTenths: 70, ramMB: 28_100, hddGB: 380),
        stratus: AppResources(cpuTenths: 150, ramMB: 59_000, hddGB: 821)))
    #expect(
      problems(AppSpec(version: 8, components: [tiered]), at: Self.now) == [
        .tooLarge(field: "cumulus.cpuTenths", maximum: 30, found: 31),
        .tooLarge(field: "nimbus.ramMB", maximum: 28_000, found: 28_100),
        .tooLarge(field: "stratus.hddGB", maximum: 820, found: 821),
      ])
  }

  @Test func untieredComponentCountsOnEveryTier() {
    // Cumulus runs 20 + 11 = 31 tenths, 4,000 + 1,000 MB, 100 + 60 GB.
    let tiered = AppComponent(
      cpuTenths: 20, ramMB: 4_000, hddGB: 100,
      tiered: TierValues(
        cumulus: AppResources(cpuTenths: 20, ramMB: 4_000, hddGB: 100),
        nimbus: AppResources(cpuTenths: 40, ramMB: 8_000, hddGB: 200),
        stratus: AppResources(cpuTenths: 80, ramMB: 16_000, hddGB: 400)))
    let spec = AppSpec(version: 8, components: [tiered, AppComponent(cpuTenths: 11, ramMB: 1_000, hddGB: 60)])
    #expect(problems(spec, at: Self.now) == [.tooLarge(field: "cumulus.cpuTenths", maximum: 30, found: 31)])
  }

  @Test func problemsNameFieldLimitAndValue() {
    #expect(
      "\(AppSpecProblem.tooSmall(field: "instances", minimum: 3, found: 2))" == "instances: 2 is below the minimum 3")
    #expect(
      "\(AppSpecProblem.tooLarge(field: "total.cpuTenths", maximum: 150, found: 151))"
        == "total.cpuTenths: 151 is above the maximum 150")
    #expect(
      "\(AppSpecProblem.notMultiple(field: "expire", step: 1_000, found: 5_500))"
        == "expire: 5500 is not a multiple of 1000")
    #expect(
      "\(AppSpecProblem.versionNotYetSupported(version: 8, from: 1_932_380, height: 1_932_379))"
        == "version: 8 is accepted from height 1932380, not at 1932379")
    #expect("\(AppSpecProblem.unknownVersion(9))" == "version: 9 is not a FluxOS spec version")
  }

  @Test func limitLookupsAtTheirEdges() {
    let pricing = params.appPricing
    #expect(pricing.maxExpire(at: 2_019_999) == 264_000)
    #expect(pricing.maxExpire(at: 2_020_000) == 1_056_000)
    #expect(pricing.minExpire.value(at: 1_630_039) == 5_000)
    #expect(pricing.minExpire.value(at: 1_630_040) == 100)
    #expect(pricing.minExpire.value(at: 1_964_447) == 1)
    #expect(pricing.minInstances(version: 8, at: 2_176_518) == 3)
    #expect(pricing.minInstances(version: 8, at: 2_176_519) == 1)
    #expect(pricing.minInstances(version: 7, at: 2_176_519) == 3)
    #expect(pricing.specVersions.value(at: 982_999) == 2)
    #expect(pricing.specVersions.value(at: 983_000) == 3)
  }
}
