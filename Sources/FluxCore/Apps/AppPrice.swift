/// The FluxOS registration price of an app, exact in satoshi.
///
/// Mirrors FluxOS `ZelBack/src/services/utils/appUtilities.js` `appPricePerMonth` (~25–140,
/// as of commit `9ecdb95`, 2025-12-24) and the period scaling its caller applies in
/// `messageVerifier.js` (~730–745); flux-rules.md §7.2. FluxOS computes in JavaScript
/// doubles; this is exact rational arithmetic on integer satoshi, with every `ceil2`
/// (round up to 0.01 FLUX) applied to the exact value.
extension ChainParams {
  /// The price FluxOS requires for registering `spec` at `height` (FLUX per period).
  ///
  /// The steps are FluxOS's: choose the table row (the last with `validAbove < height`);
  /// price the resources (v1–v3: the sum, tiered values summed over the three tiers,
  /// rounded up to a cent and floored at `minPrice`; v4+: a tiered component counts the
  /// average of its three tier values, the table price is for three instances, so one
  /// instance costs `ceil2(total / 3)`); charge extra instances from `multiInstanceHeight`
  /// (below 0.50 FLUX an instance with more than two extra: `perInstance + 0.50 × extra`,
  /// otherwise `perInstance × instances`); apply `minUSDPrice` if the table has one; scale
  /// by `expire / defaultExpire`, round up to a cent and floor at `minPrice`.
  ///
  /// Exactness: tiered averages and the RAM price per 100 MB are kept as exact fractions
  /// (the sums are taken three times and in hundredths of a satoshi) and divided once, at
  /// the rounding. FluxOS's doubles agree except where an exact value is a whole number
  /// of cents: there floating error may push it one cent up (0.9 core alone at the
  /// current row is exactly 0.09 FLUX per instance here, but 0.27 / 3 is
  /// 0.09000000000000001 in JavaScript, which FluxOS rounds up to 0.10).
  ///
  /// This is the current formula only. It charges about a third of the historical price
  /// for v4+ specs registered below `multiInstanceHeight` (1,890,000), where FluxOS then
  /// priced three instances; do not use it to replay historic app revenue.
  ///
  /// - Parameters:
  ///   - spec: The app; it is priced as given, whether or not `validate` accepts it.
  ///   - height: The registration height, which selects the table row and the default period.
  /// - Returns: The price in satoshi, a whole number of cents and at least the row's `minPrice`.
  public func appPrice(for spec: AppSpec, registeredAt height: Int) -> Amount {
    let params = appPricing
    return price(of: spec, row: params.priceRow(at: height), floor: params.minUSDPrice, at: height)
  }

  /// The price in USD (in units of 10⁻⁸ USD) of `spec` registered at `height`, by the
  /// same formula on FluxOS's USD table (`fluxapps.usdprice`), floored at its
  /// `minUSDPrice` from `minUSDPriceHeight` on.
  ///
  /// flux-rules.md §7.2 says only that the USD table feeds the quoted price; that the
  /// whole FLUX formula (instances, period scaling) applies to it unchanged is this
  /// model's reading, stated here so that it can be checked.
  public func appPriceUSD(for spec: AppSpec, registeredAt height: Int) -> Amount {
    let usd = appPricing.usdPricing
    return price(of: spec, row: usd.table, floor: usd.minPrice, at: height)
  }

  /// What a user pays for `spec` at `height` when FLUX trades at `fluxUSD` dollars:
  /// the larger of the on-chain FLUX price and the USD price converted at the FLUX
  /// payment discount (`max(flux, usd ÷ fluxUSD × 0.95)`, the converted price rounded
  /// up to a cent; FluxOS `appSpecHelpers.js` `getAppFiatAndFluxPrice`, §7.2). The
  /// UI-only discounts of that function are not part of it.
  ///
  /// - Precondition: `fluxUSD > 0`.
  public func appPrice(for spec: AppSpec, registeredAt height: Int, fluxUSD: Double) -> Amount {
    appPricing.userPrice(
      flux: appPrice(for: spec, registeredAt: height), usd: appPriceUSD(for: spec, registeredAt: height),
      fluxUSD: fluxUSD)
  }

  /// The formula on one price row: v1–v3 or compose, then the period scaling.
  private func price(of spec: AppSpec, row: AppPriceRow, floor: Amount?, at height: Int) -> Amount {
    var price =
      spec.version <= 3
      ? singleContainerPrice(spec, row: row) : composePrice(spec, row: row, floor: floor, at: height)
    let defaultExpire = appPricing.defaultExpire(at: height)
    price = roundUpToStep(price.satoshi, times: Int64(spec.expire ?? defaultExpire), over: Int64(defaultExpire))
    return max(price, row.minPrice)
  }

  /// v1–v3 (`version <= 3` branch): the summed resources and enterprise ports, rounded up
  /// to a cent and floored at `minPrice`. A tiered spec pays for the sum of its three tier values.
  private func singleContainerPrice(_ spec: AppSpec, row: AppPriceRow) -> Amount {
    let sums = spec.components.reduce(AppResources.zero) { sum, component in
      guard let tiered = component.tiered else { return sum + component.resources }
      return sum + tiered.cumulus + tiered.nimbus + tiered.stratus
    }
    let ports = Int64(spec.enterprisePorts) * row.port.satoshi
    let price = roundUpToStep(centisatoshi(sums, plus: ports, row: row), times: 1, over: 100)
    return max(price, row.minPrice)
  }

  /// v4+ (compose): one instance's price from the tier-averaged resources and the
  /// options, then the extra instances and the USD floor.
  private func composePrice(_ spec: AppSpec, row: AppPriceRow, floor: Amount?, at height: Int) -> Amount {
    let params = appPricing
    let tierCount = Tier.allCases.count
    // Three times the resources, so that a tiered component's average stays whole.
    let tripled = spec.components.reduce(AppResources.zero) { sum, component in
      guard let tiered = component.tiered else { return sum + tierCount * component.resources }
      return sum + tiered.cumulus + tiered.nimbus + tiered.stratus
    }
    var options = Int64(spec.enterprisePorts) * row.port.satoshi
    if spec.hasScope { options += row.scope.satoshi }
    if spec.staticIP { options += row.staticIP.satoshi }
    let total = centisatoshi(tripled, plus: Int64(tierCount) * options, row: row)
    let perInstance = roundUpToStep(total, times: 1, over: 100 * Int64(tierCount) * Int64(params.tableInstances))
    var price = perInstance
    let extra = spec.instances - 1
    if extra > 0, height >= params.multiInstanceHeight {
      if perInstance < params.flatRateBelow, extra > params.flatRateAboveExtra {
        price = perInstance + Amount(satoshi: params.flatRatePerInstance.satoshi * Int64(extra))
      } else {
        // FluxOS's ceil2(perInstance × extra) + perInstance: perInstance is whole cents,
        // so the rounding is exact and the sum is perInstance × instances.
        price = Amount(satoshi: perInstance.satoshi * Int64(spec.instances))
      }
    }
    if let floor, height >= params.minUSDPriceHeight, price < floor {
      price = floor
    }
    return price
  }

  /// `100 × (cpu × row.cpu + hdd × row.hdd + extra) + ram × row.ram`: the price of
  /// `resources` plus `extra` satoshi, in hundredths of a satoshi, which is exact
  /// because RAM is priced per 100 MB.
  private func centisatoshi(_ resources: AppResources, plus extra: Int64, row: AppPriceRow) -> Int64 {
    let whole = Int64(resources.cpuTenths) * row.cpu.satoshi + Int64(resources.hddGB) * row.hdd.satoshi + extra
    return 100 * whole + Int64(resources.ramMB) * row.ram.satoshi
  }

  /// `value × numerator / denominator` satoshi rounded up to a whole `priceStep` (ceil2),
  /// for non-negative operands, through a 128-bit product so long periods cannot overflow.
  private func roundUpToStep(_ value: Int64, times numerator: Int64, over denominator: Int64) -> Amount {
    let step = appPricing.priceStep.satoshi
    let (quotient, remainder) = (denominator * step).dividingFullWidth(value.multipliedFullWidth(by: numerator))
    return Amount(satoshi: (remainder > 0 ? quotient + 1 : quotient) * step)
  }
}
