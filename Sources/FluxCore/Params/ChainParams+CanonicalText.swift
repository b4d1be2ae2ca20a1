// The stored fields of the rules, in declaration order, for `CanonicalText` (see there
// and `CanonicalTextTests`, which fails when a field is missing here).

extension ChainParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("network", network)
    text.field("upgrades", upgrades)
    text.field("powTargetSpacing", powTargetSpacing)
    text.field("ponTargetSpacing", ponTargetSpacing)
    text.field("genesisTime", genesisTime)
    text.field("timeAnchor", timeAnchor)
    text.field("subsidy", subsidy)
    text.field("funds", funds)
    text.field("split", split)
    text.field("collateral", collateral)
    text.field("timers", timers)
    text.field("difficulty", difficulty)
    text.field("appPricing", appPricing)
    text.field("benchmarkKeyActivations", benchmarkKeyActivations)
    text.field("changes", changes)
    text.field("firstActivation", firstActivation)
  }
}

extension TimeAnchor: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("height", height)
    text.field("time", time)
  }
}

extension UpgradeHeights: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("lwma", lwma)
    text.field("equihash144x5", equihash144x5)
    text.field("acadia", acadia)
    text.field("kamiooka", kamiooka)
    text.field("kamata", kamata)
    text.field("flux", flux)
    text.field("collateralHalving", collateralHalving)
    text.field("p2shNodes", p2shNodes)
    text.field("pon", pon)
  }
}

extension SubsidyParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("powInitialSubsidy", powInitialSubsidy)
    text.field("slowStartInterval", slowStartInterval)
    text.field("halvingInterval", halvingInterval)
    text.field("frozenAfterHalvings", frozenAfterHalvings)
    text.field("premineHeight", premineHeight)
    text.field("premine", premine)
    text.field("ponInitialSubsidy", ponInitialSubsidy)
    text.field("ponReductionKeep", ponReductionKeep)
    text.field("ponReductionInterval", ponReductionInterval)
    text.field("ponMaxReductions", ponMaxReductions)
    text.field("ponResume", ponResume)
  }
}

extension PonSubsidyOrigin: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("height", height)
    text.field("amount", amount)
    text.field("reductions", reductions)
    text.field("gridOrigin", gridOrigin)
  }
}

extension Ratio: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("numerator", numerator)
    text.field("denominator", denominator)
  }
}

extension FundOutput: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("name", name)
    text.field("address", address)
    text.field("amount", amount)
    text.field("firstHeight", firstHeight)
    text.field("count", count)
    text.field("interval", interval)
  }
}

extension RewardSplitParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("nodePaymentsStartHeight", nodePaymentsStartHeight)
    text.field("powTierFractions", powTierFractions)
    text.field("fluxUpgradeMultiplier", fluxUpgradeMultiplier)
    text.field("ponTierWeights", ponTierWeights)
    text.field("ponWeightDenominator", ponWeightDenominator)
  }
}

extension CollateralParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("v1", v1)
    text.field("v2", v2)
    text.field("transitionWindows", transitionWindows)
    text.field("forcedExpiryCheck", forcedExpiryCheck)
    text.field("minConfirmations", minConfirmations)
    text.field("startAmount", startAmount)
  }
}

extension NodeTimers: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("startConfirmWindow", startConfirmWindow)
    text.field("dosDuration", dosDuration)
    text.field("minConfirmInterval", minConfirmInterval)
    text.field("expiry", expiry)
    text.field("ipChangeMinInterval", ipChangeMinInterval)
  }
}

extension NodeTimerSchedule: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("original", original)
    text.field("flux", flux)
    text.field("collateralHalving", collateralHalving)
    text.field("pon", pon)
  }
}

extension DifficultyParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("powLimit", powLimit)
    text.field("ponLimit", ponLimit)
    text.field("ponStartLimit", ponStartLimit)
    text.field("digishieldAveragingWindow", digishieldAveragingWindow)
    text.field("digishieldMaxAdjustUp", digishieldMaxAdjustUp)
    text.field("digishieldMaxAdjustDown", digishieldMaxAdjustDown)
    text.field("medianTimeSpan", medianTimeSpan)
    text.field("lwmaWindow", lwmaWindow)
    text.field("equihashResetParentHeights", equihashResetParentHeights)
    text.field("zelHashRamp", zelHashRamp)
    text.field("ponWindow", ponWindow)
  }
}

extension EasingRamp: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("parentHeights", parentHeights)
    text.field("anchorParentHeight", anchorParentHeight)
    text.field("divisor", divisor)
  }
}

extension AppPricingParams: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("rows", rows)
    text.field("priceStep", priceStep)
    text.field("tableInstances", tableInstances)
    text.field("multiInstanceHeight", multiInstanceHeight)
    text.field("flatRateBelow", flatRateBelow)
    text.field("flatRatePerInstance", flatRatePerInstance)
    text.field("flatRateAboveExtra", flatRateAboveExtra)
    text.field("minUSDPrice", minUSDPrice)
    text.field("minUSDPriceHeight", minUSDPriceHeight)
    text.field("ponForkHeight", ponForkHeight)
    text.field("defaultExpire", defaultExpire)
    text.field("ponDefaultExpire", ponDefaultExpire)
    text.field("maxExpire", maxExpire)
    text.field("ponMaxExpire", ponMaxExpire)
    text.field("minExpire", minExpire)
    text.field("expireMultiple", expireMultiple)
    text.field("expireMultipleUntil", expireMultipleUntil)
    text.field("minInstances", minInstances)
    text.field("reducedMinInstances", reducedMinInstances)
    text.field("reducedMinInstancesVersion", reducedMinInstancesVersion)
    text.field("reducedMinInstancesHeight", reducedMinInstancesHeight)
    text.field("maxInstances", maxInstances)
    text.field("specVersions", specVersions)
    text.field("minComponentResources", minComponentResources)
    text.field("ramStepMB", ramStepMB)
    text.field("nodeResources", nodeResources)
    text.field("lockedResources", lockedResources)
    text.field("lockedExtraHddGB", lockedExtraHddGB)
    text.field("usableDiskShare", usableDiskShare)
    text.field("maxAppResources", maxAppResources)
    text.field("placement", placement)
    text.field("usdPricing", usdPricing)
  }
}

extension AppPriceRow: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("validAbove", validAbove)
    text.field("cpu", cpu)
    text.field("ram", ram)
    text.field("hdd", hdd)
    text.field("minPrice", minPrice)
    text.field("port", port)
    text.field("scope", scope)
    text.field("staticIP", staticIP)
  }
}

extension AppLimitStep: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("from", from)
    text.field("value", value)
  }
}

extension AppResources: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("cpuTenths", cpuTenths)
    text.field("ramMB", ramMB)
    text.field("hddGB", hddGB)
  }
}

extension AppPlacementRules: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("deferrals", deferrals)
    text.field("maxAppsPerNode", maxAppsPerNode)
  }
}

extension AppDeferral: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("tier", tier)
    text.field("below", below)
    text.field("seconds", seconds)
  }
}

extension AppUSDPricing: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("table", table)
    text.field("minPrice", minPrice)
    text.field("fluxPaymentShare", fluxPaymentShare)
  }
}

/// An era by its rules and when they start: its description and overrides as written are
/// text for reports, and what the overrides do is in `params`.
extension ScheduledEra: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("name", name)
    text.field("activation", activation)
    text.field("date", date)
    text.field("params", params)
  }
}
