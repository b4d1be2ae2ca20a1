import FluxCore
import FluxSim

/// Checks of `apps:` and `economics:`: catalogue entries must be specs FluxOS accepts at
/// the start height (flux-rules.md §7.3), distributions and prices in range, and the
/// settings that need each other present.
extension ScenarioValidator {
  /// The largest weight of a catalogue kind (relative: sums of thousands stay exact enough).
  static let maxWeight = 1_000_000.0
  /// The largest hosting cost, USD per node per month.
  static let maxHostingPerMonth = 1_000_000.0

  static func validateMarket(
    _ scenario: Scenario, startHeight: Int, seconds: Double, params: ChainParams, fail: (String, String) -> Void
  ) {
    if let apps = scenario.apps {
      validate(apps, startHeight: startHeight, seconds: seconds, params: params, fail: fail)
      if apps.usdPriceFloor, scenario.economics == nil {
        fail("apps.usd_price_floor", "the USD floor needs a FLUX price: add economics.flux_usd")
      }
    }
    if let economics = scenario.economics { validate(economics, fail: fail) }
  }

  private static func validate(
    _ apps: AppsSpec, startHeight: Int, seconds: Double, params: ChainParams, fail: (String, String) -> Void
  ) {
    validate(
      apps.arrivals, at: "apps.arrivals", range: 0...Double(maxAppArrivals), until: seconds, fail: fail)
    // The simulator registers version 8 specs; FluxOS must accept them at the start.
    let smallest = AppSpec(version: 8, components: [AppComponent(cpuTenths: 1, ramMB: 100, hddGB: 1)])
    for case .versionNotYetSupported(let version, let from, _) in params.validate(smallest, at: startHeight) {
      fail(
        "apps",
        "the simulator registers version \(version) app specs, which FluxOS accepts from height \(from); this run starts at \(startHeight)"
      )
    }
    switch apps.specs {
    case .catalogue(let entries):
      if entries.isEmpty { fail("apps.catalogue", "expected at least one app kind") }
      var names = Set<String>()
      for (index, entry) in entries.enumerated() {
        let path = "apps.catalogue[\(index)]"
        if !names.insert(entry.name).inserted {
          fail("\(path).name", "\(MessageText.quoted(entry.name)) is used twice")
        }
        validate(entry, at: path, startHeight: startHeight, params: params, fail: fail)
      }
    case .distributions(let spec):
      let fields: [(String, String, [(String, String)])] = [
        ("components", spec.components.family, spec.components.rangeProblems),
        ("cpu", spec.cpu.family, spec.cpu.rangeProblems), ("ram", spec.ram.family, spec.ram.rangeProblems),
        ("hdd", spec.hdd.family, spec.hdd.rangeProblems),
        ("instances", spec.instances.family, spec.instances.rangeProblems),
        ("subscription", spec.subscription.family, spec.subscription.rangeProblems),
      ]
      for (field, family, problems) in fields {
        for (name, message) in problems { fail("apps.spec.\(field).\(family).\(name)", message) }
      }
      validateShare(spec.renewal, at: "apps.spec.renewal", fail: fail)
    }
    if case .custom(let share, let fromHeight, let increase, let maximum) = apps.revenueShare {
      let path = "apps.revenue_share"
      validateShare(share, at: "\(path).share", fail: fail)
      validateShare(increase, at: "\(path).increase_per_year", fail: fail)
      validateShare(maximum, at: "\(path).max", fail: fail)
      if maximum.percent < share.percent {
        fail("\(path).max", "must be ≥ the share (\(share)), found \(maximum)")
      }
      if !(0...ChainParams.maxHeight).contains(fromHeight) {
        fail("\(path).from_height", "must be 0 … \(ChainParams.maxHeight.grouped), found \(fromHeight)")
      }
    }
  }

  /// One catalogue entry: its own ranges, then FluxOS's limits on the spec it registers.
  private static func validate(
    _ entry: CatalogueEntrySpec, at path: String, startHeight: Int, params: ChainParams,
    fail: (String, String) -> Void
  ) {
    if !(entry.weight > 0 && entry.weight <= maxWeight) {
      fail(
        "\(path).weight", "must be > 0 and at most \(Int(maxWeight).grouped), found \(entry.weight.compactDescription)")
    }
    validateShare(entry.renewal, at: "\(path).renewal", fail: fail)
    for (index, component) in entry.components.enumerated() {
      let at = "\(path).components[\(index)]"
      if FluxUnits.whole(component.cpu * 10) == nil {
        fail("\(at).cpu", "must be a multiple of 0.1 core, found \(component.cpu.compactDescription)")
      }
      if FluxUnits.whole(component.ram.megabytes / 100) == nil {
        fail("\(at).ram", "must be a multiple of 100MB, found \(component.ram)")
      }
      if FluxUnits.whole(component.hdd.gigabytes) == nil {
        fail("\(at).hdd", "must be a whole number of GB, found \(component.hdd)")
      }
    }
    guard let spec = entry.appSpec else { return }
    for problem in params.validate(spec, at: startHeight) {
      // RAM steps are checked above, with the value as written.
      if case .notMultiple(let field, _, _) = problem, field.hasSuffix("ramMB") { continue }
      if let (key, message) = describe(problem) { fail("\(path)\(key)", message) }
    }
  }

  /// An `AppSpecProblem` as the catalogue entry's key (relative) and a message in the
  /// scenario's units; nil for version problems (reported once for all apps).
  private static func describe(_ problem: AppSpecProblem) -> (String, String)? {
    let field: String
    let bound: String
    let found: Int
    switch problem {
    case .tooSmall(let name, let minimum, let value):
      if name == "components" { return (".components", "expected at least one component") }
      (field, bound, found) = (name, "≥ \(format(minimum, name)) (FluxOS minimum)", value)
    case .tooLarge(let name, let maximum, let value):
      (field, bound, found) = (name, "≤ \(format(maximum, name)) (FluxOS maximum)", value)
    case .notMultiple(let name, let step, let value):
      (field, bound, found) = (name, "a multiple of \(format(step, name))", value)
    case .versionNotYetSupported, .unknownVersion:
      return nil
    }
    let parts = field.split(separator: ".").map(String.init)
    let names = ["cpuTenths": "cpu", "ramMB": "ram", "hddGB": "hdd", "expire": "subscription"]
    if parts.count == 2, parts[0].hasPrefix("components[") {
      return (".\(parts[0]).\(names[parts[1]] ?? parts[1])", "must be \(bound), found \(format(found, field))")
    }
    if parts.count == 2 {
      // A total over the components (`total.ramMB`, or a tier's sum).
      let what = names[parts[1]] ?? parts[1]
      return (".components", "the components' total \(what) must be \(bound), found \(format(found, field))")
    }
    return (".\(names[field] ?? field)", "must be \(bound), found \(format(found, field))")
  }

  /// A FluxOS integer in the scenario's unit for `field` (cores, MB, GB, blocks).
  private static func format(_ value: Int, _ field: String) -> String {
    if field.hasSuffix("cpuTenths") { return (Double(value) / 10).compactDescription }
    if field.hasSuffix("ramMB") { return "\(value)MB" }
    if field.hasSuffix("hddGB") { return "\(value)GB" }
    if field == "expire" { return "\(value) blocks" }
    return "\(value)"
  }

  private static func validateShare(_ value: PercentValue, at path: String, fail: (String, String) -> Void) {
    if !(0...100).contains(value.percent) { fail(path, "must be 0% … 100%, found \(value)") }
  }

  /// Why `price` is not a FLUX price a run can use (`PricePath.usdRange`), or nil.
  static func priceProblem(_ price: USDPriceValue) -> String? {
    if !(price.usd > 0) { return "must be > 0, found \(price)" }
    let range = PricePath.usdRange
    guard range.contains(price.usd) else {
      return
        "must be \(range.lowerBound.compactDescription) … \(range.upperBound.compactDescription) USD, found \(price)"
    }
    return nil
  }

  private static func validate(_ economics: EconomicsSpec, fail: (String, String) -> Void) {
    let price = "economics.flux_usd"
    switch economics.fluxUSD {
    case .constant(let usd):
      if let problem = priceProblem(usd) { fail(price, problem) }
    case .series(let points):
      if points.isEmpty { fail("\(price).series", "expected at least one point") }
      for (index, point) in points.enumerated() {
        if let problem = priceProblem(point.usd) { fail("\(price).series[\(index)].usd", problem) }
        if index > 0, point.time <= points[index - 1].time {
          fail(
            "\(price).series[\(index)].date",
            "must be after the previous point's date (\(UTCTime.iso8601(points[index - 1].time)))")
        }
      }
    case .csv:
      break  // Checked line by line when the file is read (`PriceCSV`).
    case .gbm(let start, let drift, let volatility):
      if let problem = priceProblem(start) { fail("\(price).gbm.start", problem) }
      if !(drift.percent >= -100 && drift.percent <= 100) {
        fail("\(price).gbm.drift", "must be -100%/year … 100%/year, found \(drift)")
      }
      if !(volatility.percent >= 0 && volatility.percent <= 200) {
        fail("\(price).gbm.volatility", "must be 0%/year … 200%/year, found \(volatility)")
      }
    }
    if let hosting = economics.hosting,
      let bad = Tier.allCases.map({ hosting[$0] }).first(where: {
        !($0.rate.amount >= 0 && $0.perMonth <= maxHostingPerMonth)
      })
    {
      fail("economics.hosting", "must be $0 … $\(Int(maxHostingPerMonth).grouped)/month, found \(bad)")
    }
    if !(economics.opportunityCost.percent >= 0 && economics.opportunityCost.percent <= 1_000) {
      fail("economics.opportunity_cost", "must be 0%/year … 1000%/year, found \(economics.opportunityCost)")
    }
    if let roi = economics.roiChurn {
      validate(roi, at: "economics.roi_churn", fail: fail)
      if let hosting = economics.hosting {
        if economics.opportunityCost.percent == 0,
          let free = Tier.allCases.map({ hosting[$0] }).first(where: { $0.rate.amount == 0 })
        {
          fail(
            "economics.hosting",
            "must be > $0 with roi_churn on and no opportunity cost (a margin is relative to the cost), found \(free)")
        }
      } else {
        fail("economics.roi_churn", "needs hosting costs to compute the nodes' profit: add economics.hosting")
      }
    }
  }
}
