/// How FluxOS nodes take up apps (flux-rules.md §7.4).
///
/// Placement is a pull: every node periodically picks, uniformly at random, an app that
/// runs on fewer nodes than its `instances`, and installs it if its free resources
/// allow (`appLifecycle/appSpawner.js` `trySpawningGlobalApplication`,
/// `appRequirements/hwRequirements.js` `checkAppHWRequirements`). A large node that
/// sees a small app first waits, so that smaller tiers take small apps first; these
/// waits are the data here. A node holds at most one instance of an app.
public struct AppPlacementRules: Sendable, Equatable {
  /// Deferrals by tier, most specific first: a node of `tier` waits `seconds` before
  /// taking an app whose resources (on that tier) are all below `below`.
  public var deferrals: [AppDeferral]
  /// Most apps one node runs (200).
  public var maxAppsPerNode: Int

  public init(deferrals: [AppDeferral], maxAppsPerNode: Int) {
    self.deferrals = deferrals
    self.maxAppsPerNode = maxAppsPerNode
  }

  /// FluxOS `appSpawner.js` (~140–700): a Stratus waits 7,020 s before taking an app
  /// under 3 cores, 6 GB and 150 GB, and 5,220 s before one under 7 cores, 29 GB and
  /// 370 GB; a Nimbus waits 3,420 s before an app under 3 cores, 6 GB and 150 GB; a
  /// Cumulus never waits. GB are read as 1,000 MB, the unit of FluxOS's RAM figures.
  public static let fluxOS = AppPlacementRules(
    deferrals: [
      AppDeferral(tier: .stratus, below: AppResources(cpuTenths: 30, ramMB: 6_000, hddGB: 150), seconds: 7_020),
      AppDeferral(tier: .stratus, below: AppResources(cpuTenths: 70, ramMB: 29_000, hddGB: 370), seconds: 5_220),
      AppDeferral(tier: .nimbus, below: AppResources(cpuTenths: 30, ramMB: 6_000, hddGB: 150), seconds: 3_420),
    ],
    maxAppsPerNode: 200)

  /// Seconds a node of `tier` waits before taking an app that needs `resources` on that
  /// tier: the first matching deferral's, or 0.
  public func deferral(of resources: AppResources, on tier: Tier) -> Int {
    deferrals.first { $0.tier == tier && resources.isBelow($0.below) }?.seconds ?? 0
  }
}

/// One deferral rule: nodes of `tier` wait `seconds` before taking apps smaller than `below`.
public struct AppDeferral: Sendable, Equatable {
  public var tier: Tier
  /// An app is "small" when each of its CPU, RAM and disk is strictly below these.
  public var below: AppResources
  public var seconds: Int

  public init(tier: Tier, below: AppResources, seconds: Int) {
    self.tier = tier
    self.below = below
    self.seconds = seconds
  }
}

extension AppResources {
  /// Whether every resource is strictly below `limit`'s.
  public func isBelow(_ limit: AppResources) -> Bool {
    cpuTenths < limit.cpuTenths && ramMB < limit.ramMB && hddGB < limit.hddGB
  }

  /// Whether these resources fit into `free` (each at most the free amount): the check
  /// FluxOS's `checkAppHWRequirements` makes before installing an instance.
  public func fits(in free: AppResources) -> Bool {
    cpuTenths <= free.cpuTenths && ramMB <= free.ramMB && hddGB <= free.hddGB
  }
}

/// FluxOS's USD price table (`fluxapps.usdprice` in `default.js`, flux-rules.md §7.2):
/// the USD price of an app, and the discount for paying it in FLUX. Amounts are in
/// units of 10⁻⁸ USD, the same scale as satoshi, so the FLUX formula applies unchanged.
public struct AppUSDPricing: Sendable, Equatable {
  /// Prices in 10⁻⁸ USD: cpu per 0.1 core, ram per 100 MB, hdd per GB, port, scope,
  /// static IP; its `minPrice` is the smallest period-scaled price.
  public var table: AppPriceRow
  /// The USD price is at least this (0.99 USD), from `minUSDPriceHeight`.
  public var minPrice: Amount
  /// A FLUX payment is worth this share of the USD price (`fluxmultiplier`, 0.95).
  public var fluxPaymentShare: Ratio

  public init(table: AppPriceRow, minPrice: Amount, fluxPaymentShare: Ratio) {
    self.table = table
    self.minPrice = minPrice
    self.fluxPaymentShare = fluxPaymentShare
  }

  /// cpu 0.15, ram 0.05, hdd 0.02, port 2, scope 4, static IP 2 USD; minUSDPrice 0.99;
  /// fluxmultiplier 0.95 (flux-rules.md §7.2).
  public static let fluxOS = AppUSDPricing(
    table: AppPriceRow(
      validAbove: -1, cpu: Amount(satoshi: 15_000_000), ram: Amount(satoshi: 5_000_000),
      hdd: Amount(satoshi: 2_000_000), minPrice: Amount(satoshi: 1_000_000), port: Amount(satoshi: 200_000_000),
      scope: Amount(satoshi: 400_000_000), staticIP: Amount(satoshi: 200_000_000)),
    minPrice: Amount(satoshi: 99_000_000), fluxPaymentShare: Ratio(95, 100))
}
