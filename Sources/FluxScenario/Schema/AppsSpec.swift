import FluxCore
import FluxSim

/// `apps:` — FluxOS app demand: when apps arrive, what they ask for, whether users pay the
/// USD floor price, and whether nodes get a share of the revenue (flux-rules.md §7, §8).
public struct AppsSpec: Codable, Sendable, Equatable {
  /// Apps registered per day over time.
  public var arrivals: ArrivalsSpec
  /// A weighted catalogue of app kinds, or distributions per field.
  public var specs: AppSpecsSpec
  /// Whether users pay the USD-pegged price when it is higher (needs `economics.flux_usd`).
  public var usdPriceFloor: Bool
  public var revenueShare: RevenueShareSpec

  public init(
    arrivals: ArrivalsSpec, specs: AppSpecsSpec, usdPriceFloor: Bool = false, revenueShare: RevenueShareSpec = .none
  ) {
    self.arrivals = arrivals
    self.specs = specs
    self.usdPriceFloor = usdPriceFloor
    self.revenueShare = revenueShare
  }

  static let keys = ["arrivals", "catalogue", "spec", "usd_price_floor", "revenue_share"]

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "apps")
    arrivals = try fields.required("arrivals")
    switch (fields.has("catalogue"), fields.has("spec")) {
    case (true, true):
      throw ScenarioDecodingFailure.at(
        decoder.codingPath,
        "give either catalogue (a list of app kinds) or spec (distributions per field), not both")
    case (false, false):
      throw ScenarioDecodingFailure.at(
        decoder.codingPath, "missing 'catalogue' (a list of app kinds) or 'spec' (distributions per field)")
    case (true, false):
      specs = .catalogue(try fields.required("catalogue"))
    case (false, true):
      specs = .distributions(try fields.required("spec"))
    }
    usdPriceFloor = try fields.optional("usd_price_floor", BoolValue.self)?.value ?? false
    revenueShare = try fields.optional("revenue_share") ?? RevenueShareSpec.none
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("arrivals", arrivals)
    switch specs {
    case .catalogue(let entries): try fields.set("catalogue", entries)
    case .distributions(let distributions): try fields.set("spec", distributions)
    }
    try fields.set("usd_price_floor", BoolValue(usdPriceFloor))
    try fields.set("revenue_share", revenueShare)
  }

  /// The engine's app market.
  public var config: AppMarketConfig {
    let source: AppSpecSource =
      switch specs {
      case .catalogue(let entries): .catalogue(entries.map(\.entry))
      case .distributions(let distributions): .distributions(distributions.config)
      }
    return AppMarketConfig(
      arrivalsPerDay: arrivals.path, specs: source, usdPriceFloor: usdPriceFloor, revenueShare: revenueShare.share)
  }
}

/// Where app specs come from.
public enum AppSpecsSpec: Sendable, Equatable {
  case catalogue([CatalogueEntrySpec])
  case distributions(AppDistributionsSpec)
}

/// One kind of app in `apps.catalogue`.
public struct CatalogueEntrySpec: Codable, Sendable, Equatable {
  public var name: String
  /// Relative frequency among the catalogue's kinds (> 0).
  public var weight: Double
  public var components: [ComponentSpec]
  public var instances: Int
  public var subscription: SubscriptionValue
  /// Probability that the owner pays for another period when one ends.
  public var renewal: PercentValue

  public init(
    name: String, weight: Double = 1, components: [ComponentSpec], instances: Int = 3,
    subscription: SubscriptionValue = .defaultPeriod, renewal: PercentValue
  ) {
    self.name = name
    self.weight = weight
    self.components = components
    self.instances = instances
    self.subscription = subscription
    self.renewal = renewal
  }

  static let keys = ["name", "weight", "components", "instances", "subscription", "renewal"]

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "an app kind")
    name = try fields.required("name")
    weight = try fields.optional("weight", RealNumber.self)?.value ?? 1
    components = try fields.required("components")
    instances = try fields.optional("instances", WholeNumber.self)?.value ?? 3
    subscription = try fields.optional("subscription") ?? .defaultPeriod
    renewal = try fields.required("renewal")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("name", name)
    try fields.set("weight", RealNumber(weight))
    try fields.set("components", components)
    try fields.set("instances", WholeNumber(instances))
    try fields.set("subscription", subscription)
    try fields.set("renewal", renewal)
  }

  /// The engine's catalogue entry (resources rounded to FluxOS units; validated scenarios
  /// hold exact multiples).
  public var entry: CatalogueEntry {
    CatalogueEntry(
      name: name, weight: weight, components: components.map(\.resources), instances: instances,
      subscriptionBlocks: subscription.blocks, renewal: renewal.fraction)
  }

  /// The FluxOS spec this kind registers (version 8, the default for new apps), for
  /// checking it against FluxOS's limits; nil when a resource is not a whole number of
  /// FluxOS units (the validator reports those itself).
  var appSpec: AppSpec? {
    var resources: [AppResources] = []
    for component in components {
      guard let cpu = FluxUnits.whole(component.cpu * 10), let ram = FluxUnits.whole(component.ram.megabytes),
        let hdd = FluxUnits.whole(component.hdd.gigabytes)
      else { return nil }
      resources.append(AppResources(cpuTenths: cpu, ramMB: ram, hddGB: hdd))
    }
    return AppSpec(
      version: 8, components: resources.map(AppComponent.init), instances: instances, expire: subscription.blocks)
  }
}

/// One container of an app kind: CPU in cores, RAM and disk with units.
public struct ComponentSpec: Codable, Sendable, Equatable {
  public var cpu: Double
  public var ram: DataSizeValue
  public var hdd: DataSizeValue

  public init(cpu: Double, ram: DataSizeValue, hdd: DataSizeValue) {
    self.cpu = cpu
    self.ram = ram
    self.hdd = hdd
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["cpu", "ram", "hdd"], what: "a component: cpu, ram and hdd")
    cpu = try fields.required("cpu", RealNumber.self).value
    ram = try fields.required("ram")
    hdd = try fields.required("hdd")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("cpu", RealNumber(cpu))
    try fields.set("ram", ram)
    try fields.set("hdd", hdd)
  }

  /// FluxOS units: tenths of a core, MB, GB (rounded).
  public var resources: AppResources {
    AppResources(
      cpuTenths: FluxUnits.rounded(cpu * 10), ramMB: FluxUnits.rounded(ram.megabytes),
      hddGB: FluxUnits.rounded(hdd.gigabytes))
  }
}

/// `apps.spec:` — independent distributions per field; the engine rounds each draw to
/// FluxOS's granularity and clamps it into its limits.
public struct AppDistributionsSpec: Codable, Sendable, Equatable {
  /// Containers per app.
  public var components: DistributionSpec<CountUnitMarker>
  /// CPU per container, cores.
  public var cpu: DistributionSpec<CoreUnitMarker>
  /// RAM per container, MB.
  public var ram: DistributionSpec<MegabyteUnitMarker>
  /// Disk per container, GB.
  public var hdd: DistributionSpec<GigabyteUnitMarker>
  public var instances: DistributionSpec<CountUnitMarker>
  /// Blocks per subscription period.
  public var subscription: DistributionSpec<SubscriptionUnitMarker>
  public var renewal: PercentValue

  static let keys = ["components", "cpu", "ram", "hdd", "instances", "subscription", "renewal"]
  static let defaultComponents = DistributionSpec<CountUnitMarker>(family: "constant", parameters: ["value": 1])
  static let defaultInstances = DistributionSpec<CountUnitMarker>(family: "constant", parameters: ["value": 3])
  static let defaultSubscription = DistributionSpec<SubscriptionUnitMarker>(
    family: "constant", parameters: ["value": 88_000])

  public init(
    components: DistributionSpec<CountUnitMarker>? = nil, cpu: DistributionSpec<CoreUnitMarker>,
    ram: DistributionSpec<MegabyteUnitMarker>, hdd: DistributionSpec<GigabyteUnitMarker>,
    instances: DistributionSpec<CountUnitMarker>? = nil, subscription: DistributionSpec<SubscriptionUnitMarker>? = nil,
    renewal: PercentValue
  ) {
    self.components = components ?? Self.defaultComponents
    self.cpu = cpu
    self.ram = ram
    self.hdd = hdd
    self.instances = instances ?? Self.defaultInstances
    self.subscription = subscription ?? Self.defaultSubscription
    self.renewal = renewal
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "apps.spec: a distribution per field")
    components = try fields.optional("components") ?? Self.defaultComponents
    cpu = try fields.required("cpu")
    ram = try fields.required("ram")
    hdd = try fields.required("hdd")
    instances = try fields.optional("instances") ?? Self.defaultInstances
    subscription = try fields.optional("subscription") ?? Self.defaultSubscription
    renewal = try fields.required("renewal")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("components", components)
    try fields.set("cpu", cpu)
    try fields.set("ram", ram)
    try fields.set("hdd", hdd)
    try fields.set("instances", instances)
    try fields.set("subscription", subscription)
    try fields.set("renewal", renewal)
  }

  public var config: AppSpecDistributions {
    AppSpecDistributions(
      components: components.distribution, cpuCores: cpu.distribution, ramMB: ram.distribution,
      hddGB: hdd.distribution, instances: instances.distribution, subscriptionBlocks: subscription.distribution,
      renewal: renewal.fraction)
  }
}

/// `apps.revenue_share:` — `none` (all app revenue to the foundation, as today),
/// `whitepaper` (the planned Progressive Node Rewards, `RevenueShare.whitepaper`), or
/// `{share, from_height, increase_per_year, max}`.
public enum RevenueShareSpec: Codable, Sendable, Equatable {
  case none
  case whitepaper
  case custom(share: PercentValue, fromHeight: Int, increasePerYear: PercentValue, maximum: PercentValue)

  static let keys = ["share", "from_height", "increase_per_year", "max"]

  public init(from decoder: Decoder) throws {
    if let word = try? decoder.singleValueContainer().decode(String.self) {
      switch word {
      case "none": self = .none
      case "whitepaper": self = .whitepaper
      default:
        throw ScenarioDecodingFailure.at(
          decoder.codingPath,
          "expected none, whitepaper or a mapping {share, from_height, increase_per_year, max}, found \"\(word)\"")
      }
      return
    }
    let fields = try Fields(
      decoder, known: Self.keys, what: "revenue_share: share, from_height, increase_per_year, max")
    self = .custom(
      share: try fields.required("share"),
      fromHeight: try fields.optional("from_height", WholeNumber.self)?.value ?? 0,
      increasePerYear: try fields.optional("increase_per_year") ?? PercentValue(percent: 0),
      maximum: try fields.optional("max") ?? PercentValue(percent: 100))
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .none, .whitepaper:
      var container = encoder.singleValueContainer()
      try container.encode(self == .none ? "none" : "whitepaper")
    case .custom(let share, let fromHeight, let increase, let maximum):
      var fields = EncodedFields(encoder)
      try fields.set("share", share)
      try fields.set("from_height", WholeNumber(fromHeight))
      try fields.set("increase_per_year", increase)
      try fields.set("max", maximum)
    }
  }

  /// The engine's revenue share; nil for `none`.
  public var share: RevenueShare? {
    switch self {
    case .none: nil
    case .whitepaper: .whitepaper
    case .custom(let share, let fromHeight, let increase, let maximum):
      RevenueShare(
        share: share.fraction, fromHeight: fromHeight, increasePerYear: increase.fraction, maximum: maximum.fraction)
    }
  }
}

/// Conversions of scenario values to FluxOS's integer units.
enum FluxUnits {
  /// Far beyond any FluxOS limit, and small enough that sums of many never overflow.
  static let bound = 1e12

  /// `value` as an Int when it is a whole number (within rounding noise); values beyond
  /// `bound` are clamped to it (FluxOS's limits then report them as too large).
  static func whole(_ value: Double) -> Int? {
    let clamped = max(-bound, min(bound, value))
    let rounded = clamped.rounded()
    guard abs(clamped - rounded) < 1e-6 else { return nil }
    return Int(rounded)
  }

  /// `value` rounded to an Int, clamped to `bound`.
  static func rounded(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    return Int(max(-bound, min(bound, value)).rounded())
  }
}
