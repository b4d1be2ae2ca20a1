extension AppPricingParams {
  /// FluxOS's mainnet values (flux-rules.md §6.2, §7.1–§7.3), used by all three networks
  /// because FluxOS has no separate app economics for testnet or regtest.
  public static let mainnet = AppPricingParams(
    // §7.1, in satoshi (1 FLUX = 100,000,000): cpu per 0.1 core, ram per 100 MB, hdd per GB.
    rows: [
      // 3 / 1 / 0.5, min 1, port 2, scope 6, static IP 3 FLUX.
      AppPriceRow(
        validAbove: -1, cpu: Amount(satoshi: 300_000_000), ram: Amount(satoshi: 100_000_000),
        hdd: Amount(satoshi: 50_000_000), minPrice: Amount(satoshi: 100_000_000), port: Amount(satoshi: 200_000_000),
        scope: Amount(satoshi: 600_000_000), staticIP: Amount(satoshi: 300_000_000)),
      // 0.3 / 0.1 / 0.05, min 0.1, port 2, scope 6, static IP 3 FLUX.
      AppPriceRow(
        validAbove: 983_000, cpu: Amount(satoshi: 30_000_000), ram: Amount(satoshi: 10_000_000),
        hdd: Amount(satoshi: 5_000_000), minPrice: Amount(satoshi: 10_000_000), port: Amount(satoshi: 200_000_000),
        scope: Amount(satoshi: 600_000_000), staticIP: Amount(satoshi: 300_000_000)),
      // 0.06 / 0.02 / 0.01, min 0.01, port 2, scope 6, static IP 3 FLUX.
      AppPriceRow(
        validAbove: 1_004_000, cpu: Amount(satoshi: 6_000_000), ram: Amount(satoshi: 2_000_000),
        hdd: Amount(satoshi: 1_000_000), minPrice: Amount(satoshi: 1_000_000), port: Amount(satoshi: 200_000_000),
        scope: Amount(satoshi: 600_000_000), staticIP: Amount(satoshi: 300_000_000)),
      // 0.15 / 0.05 / 0.02, min 0.01, port 2, scope 6, static IP 3 FLUX.
      AppPriceRow(
        validAbove: 1_288_000, cpu: Amount(satoshi: 15_000_000), ram: Amount(satoshi: 5_000_000),
        hdd: Amount(satoshi: 2_000_000), minPrice: Amount(satoshi: 1_000_000), port: Amount(satoshi: 200_000_000),
        scope: Amount(satoshi: 600_000_000), staticIP: Amount(satoshi: 300_000_000)),
      // 0.15 / 0.05 / 0.02, min 0.01, port 1.5, scope 6, static IP 3 FLUX.
      AppPriceRow(
        validAbove: 1_594_832, cpu: Amount(satoshi: 15_000_000), ram: Amount(satoshi: 5_000_000),
        hdd: Amount(satoshi: 2_000_000), minPrice: Amount(satoshi: 1_000_000), port: Amount(satoshi: 150_000_000),
        scope: Amount(satoshi: 600_000_000), staticIP: Amount(satoshi: 300_000_000)),
      // 0.03 / 0.01 / 0.004, min 0.01, port 0.4, scope 0.8, static IP 0.4 FLUX.
      AppPriceRow(
        validAbove: 1_597_156, cpu: Amount(satoshi: 3_000_000), ram: Amount(satoshi: 1_000_000),
        hdd: Amount(satoshi: 400_000), minPrice: Amount(satoshi: 1_000_000), port: Amount(satoshi: 40_000_000),
        scope: Amount(satoshi: 80_000_000), staticIP: Amount(satoshi: 40_000_000)),
    ],
    priceStep: Amount(satoshi: 1_000_000),
    tableInstances: 3,
    multiInstanceHeight: 1_890_000,
    flatRateBelow: Amount(satoshi: 50_000_000),
    flatRatePerInstance: Amount(satoshi: 50_000_000),
    flatRateAboveExtra: 2,
    minUSDPrice: nil,
    minUSDPriceHeight: 1_691_000,
    ponForkHeight: 2_020_000,
    defaultExpire: 22_000,
    ponDefaultExpire: 88_000,
    maxExpire: 264_000,
    ponMaxExpire: 1_056_000,
    minExpire: [
      AppLimitStep(from: 0, value: 5_000), AppLimitStep(from: 1_630_040, value: 100),
      AppLimitStep(from: 1_964_447, value: 1),
    ],
    expireMultiple: 1_000,
    expireMultipleUntil: 1_625_000,
    minInstances: 3,
    reducedMinInstances: 1,
    reducedMinInstancesVersion: 8,
    reducedMinInstancesHeight: 2_176_519,
    maxInstances: 100,
    specVersions: [
      AppLimitStep(from: 0, value: 2), AppLimitStep(from: 983_000, value: 3), AppLimitStep(from: 1_004_000, value: 4),
      AppLimitStep(from: 1_142_000, value: 5), AppLimitStep(from: 1_300_000, value: 6),
      AppLimitStep(from: 1_420_000, value: 7), AppLimitStep(from: 1_932_380, value: 8),
    ],
    minComponentResources: AppResources(cpuTenths: 1, ramMB: 100, hddGB: 1),
    ramStepMB: 100,
    // §6.2 `fluxSpecifics` and `lockedSystemResources`.
    nodeResources: TierValues(
      cumulus: AppResources(cpuTenths: 40, ramMB: 7_000, hddGB: 220),
      nimbus: AppResources(cpuTenths: 80, ramMB: 30_000, hddGB: 440),
      stratus: AppResources(cpuTenths: 160, ramMB: 61_000, hddGB: 880)),
    lockedResources: AppResources(cpuTenths: 10, ramMB: 2_000, hddGB: 60),
    lockedExtraHddGB: 20,
    usableDiskShare: Ratio(95, 100),
    // §7.3 `checkHWParameters`: nodeResources − lockedResources.
    maxAppResources: TierValues(
      cumulus: AppResources(cpuTenths: 30, ramMB: 5_000, hddGB: 160),
      nimbus: AppResources(cpuTenths: 70, ramMB: 28_000, hddGB: 380),
      stratus: AppResources(cpuTenths: 150, ramMB: 59_000, hddGB: 820)),
    placement: .fluxOS,
    usdPricing: .fluxOS
  )
}
