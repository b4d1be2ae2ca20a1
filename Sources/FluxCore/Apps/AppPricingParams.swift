/// FluxOS app-pricing tables, default periods, spec limits and node resources.
///
/// Mirrors FluxOS `ZelBack/config/default.js` (`fluxapps.price`, `fluxapps.*Expire*`,
/// `fluxapps.appSpecsEnforcementHeights`, `fluxSpecifics`, `lockedSystemResources`) and the
/// on-chain "soft-fork" price messages parsed by `utils/chainUtilities.js`
/// `getChainParamsPriceUpdates` (flux-rules.md §6.2, §7.1, §7.3). This is FluxOS policy,
/// not consensus: fluxd knows nothing of apps. Every price is an exact `Amount`; the
/// rules using them are in `AppPrice.swift` and `AppLimits.swift`.
public struct AppPricingParams: Sendable, Equatable {
  // MARK: Price table (§7.1, §7.2)

  /// The price table, ordered by `validAbove`; a registration uses the last row whose
  /// `validAbove` is strictly below its height. The first row must cover every height
  /// priced (mainnet's starts at −1).
  public var rows: [AppPriceRow]
  /// Prices are rounded up to this step (`ceil2`: 0.01 FLUX).
  public var priceStep: Amount
  /// The table's resource prices are for this many instances (3): v4+ specs pay a third
  /// of the table price per instance.
  public var tableInstances: Int
  /// From this registration height (1,890,000) instances beyond the first are charged;
  /// below it the current formula charges one instance's price whatever the count.
  public var multiInstanceHeight: Int
  /// An instance price below this (0.50 FLUX) gets the flat rate for many instances.
  public var flatRateBelow: Amount
  /// The flat price of each extra instance (0.50 FLUX).
  public var flatRatePerInstance: Amount
  /// The flat rate applies when the extra instances exceed this count (2).
  public var flatRateAboveExtra: Int
  /// A USD-pegged price floor, if the table defines one; the on-chain table does not.
  ///
  /// FluxOS reads it from the selected row (`priceSpecifications.minUSDPrice`); as no
  /// mainnet row carries one, a single optional floor is the whole rule.
  public var minUSDPrice: Amount?
  /// `minUSDPrice` applies to registrations from this height (1,691,000).
  public var minUSDPriceHeight: Int

  // MARK: Period (§7.2, §7.3)

  /// FluxOS's PoN fork height (`daemonPONFork`, 2,020,000): the default period and the
  /// longest period are four times larger for registrations from here on.
  public var ponForkHeight: Int
  /// Default period in blocks before the PoN fork (22,000, about a month of 120 s blocks).
  public var defaultExpire: Int
  /// Default period in blocks from the PoN fork (88,000 = 22,000 × 4).
  public var ponDefaultExpire: Int
  /// Longest period in blocks before the PoN fork (264,000).
  public var maxExpire: Int
  /// Longest period in blocks from the PoN fork (1,056,000).
  public var ponMaxExpire: Int
  /// Shortest period in blocks: 5,000; 100 from 1,630,040; 1 from 1,964,447.
  public var minExpire: [AppLimitStep]
  /// Before `expireMultipleUntil` a period must be a multiple of this many blocks (1,000).
  public var expireMultiple: Int
  /// First height (1,625,000) at which any period length is accepted.
  public var expireMultipleUntil: Int

  // MARK: Instances and spec versions (§7.3)

  /// Fewest instances (3).
  public var minInstances: Int
  /// Fewest instances for specs of `reducedMinInstancesVersion` or later (1).
  public var reducedMinInstances: Int
  /// Spec version (8) from which `reducedMinInstances` applies.
  public var reducedMinInstancesVersion: Int
  /// Height (2,176,519) from which `reducedMinInstances` applies.
  public var reducedMinInstancesHeight: Int
  /// Most instances (100).
  public var maxInstances: Int
  /// The newest spec version accepted from each height: 2 from genesis, then v3 983,000,
  /// v4 1,004,000, v5 1,142,000, v6 1,300,000, v7 1,420,000, v8 1,932,380.
  public var specVersions: [AppLimitStep]

  // MARK: Resources (§6.2, §7.3)

  /// The smallest resources a component (or a tier value) may ask for: 0.1 core, 100 MB, 1 GB.
  public var minComponentResources: AppResources
  /// RAM is requested in steps of this many MB (100).
  public var ramStepMB: Int

  /// What FluxOS assumes each tier has (`fluxSpecifics`): CPU 40/80/160 tenths of a
  /// core, RAM 7,000/30,000/61,000 MB, HDD 220/440/880 GB.
  public var nodeResources: TierValues<AppResources>
  /// Reserved for the node itself (`lockedSystemResources`): 1 core, 2,000 MB, 60 GB.
  public var lockedResources: AppResources
  /// Disk reserved on top of `lockedResources.hddGB` when placing apps (20 GB).
  public var lockedExtraHddGB: Int
  /// Share of the benchmarked SSD usable at all (95/100).
  public var usableDiskShare: Ratio
  /// The most an app may use in total on a node of each tier, `nodeResources −
  /// lockedResources` (without the extra 20 GB): Cumulus 3 cores / 5,000 MB / 160 GB,
  /// Nimbus 7 / 28,000 / 380, Stratus 15 / 59,000 / 820. The Stratus values cap every
  /// app; the others cap the tier-specific values of tiered components.
  public var maxAppResources: TierValues<AppResources>

  // MARK: Placement and USD prices (§7.2, §7.4)

  /// How FluxOS nodes pick up apps: deferral of small apps by large tiers, apps per node.
  public var placement: AppPlacementRules
  /// The USD price table behind the price quoted to users.
  public var usdPricing: AppUSDPricing
}

/// One row of the FluxOS price table (flux-rules.md §7.1).
public struct AppPriceRow: Sendable, Equatable {
  /// The row prices registrations at heights strictly above this one.
  public var validAbove: Int
  /// Price of 0.1 core.
  public var cpu: Amount
  /// Price of 100 MB of RAM.
  public var ram: Amount
  /// Price of 1 GB of disk.
  public var hdd: Amount
  /// No registration costs less than this.
  public var minPrice: Amount
  /// Price of each enterprise port.
  public var port: Amount
  /// Price of restricting placement (`nodes[]`) or of an enterprise app.
  public var scope: Amount
  /// Price of a static-IP requirement.
  public var staticIP: Amount

  public init(
    validAbove: Int, cpu: Amount, ram: Amount, hdd: Amount, minPrice: Amount, port: Amount, scope: Amount,
    staticIP: Amount
  ) {
    self.validAbove = validAbove
    self.cpu = cpu
    self.ram = ram
    self.hdd = hdd
    self.minPrice = minPrice
    self.port = port
    self.scope = scope
    self.staticIP = staticIP
  }
}

/// A limit that takes `value` from height `from` on, until the next step.
public struct AppLimitStep: Sendable, Equatable {
  public var from: Int
  public var value: Int

  public init(from: Int, value: Int) {
    self.from = from
    self.value = value
  }
}

extension [AppLimitStep] {
  /// The value of the last step starting at or before `height`.
  ///
  /// - Precondition: the first step starts at or before `height`.
  public func value(at height: Int) -> Int {
    guard let step = last(where: { $0.from <= height }) else {
      preconditionFailure("no limit step starts at or before height \(height)")
    }
    return step.value
  }
}

extension AppPricingParams {
  /// The price-table row for a registration at `height`: the last with `validAbove < height`.
  public func priceRow(at height: Int) -> AppPriceRow {
    guard let row = rows.last(where: { $0.validAbove < height }) else {
      preconditionFailure("no app price row is valid at height \(height)")
    }
    return row
  }

  /// The default period, in blocks, of a registration at `height` (22,000, or 88,000 from the PoN fork).
  public func defaultExpire(at height: Int) -> Int {
    height >= ponForkHeight ? ponDefaultExpire : defaultExpire
  }

  /// The longest period, in blocks, of a registration at `height`.
  public func maxExpire(at height: Int) -> Int {
    height >= ponForkHeight ? ponMaxExpire : maxExpire
  }

  /// What a user pays given an app's FLUX price and USD price (10⁻⁸ USD) when FLUX
  /// trades at `fluxUSD` dollars: `max(flux, usd ÷ fluxUSD × fluxPaymentShare)`, the
  /// converted price rounded up to a cent (§7.2; see `ChainParams.appPrice(for:registeredAt:fluxUSD:)`).
  ///
  /// - Precondition: `fluxUSD > 0`.
  public func userPrice(flux: Amount, usd: Amount, fluxUSD: Double) -> Amount {
    precondition(fluxUSD > 0, "the FLUX price must be positive")
    let share = usdPricing.fluxPaymentShare
    let converted = Double(usd.satoshi) * Double(share.numerator) / Double(share.denominator) / fluxUSD
    let step = Double(priceStep.satoshi)
    return max(flux, Amount(satoshi: Int64(min((converted / step).rounded(.up) * step, 9e18))))
  }

  /// The heights from which an app's price may differ from the height before: the
  /// first height of each price-table row, the PoN fork (default period), the first
  /// height charging extra instances and the first with the USD floor. Between two of
  /// them a spec's price is the same at every height, which lets a simulation reuse it.
  public var priceChangeHeights: [Int] {
    Array(Set(rows.map { $0.validAbove + 1 } + [ponForkHeight, multiInstanceHeight, minUSDPriceHeight])).sorted()
  }

  /// The fewest instances a spec of `version` may ask for at `height`.
  public func minInstances(version: Int, at height: Int) -> Int {
    version >= reducedMinInstancesVersion && height >= reducedMinInstancesHeight ? reducedMinInstances : minInstances
  }
}
