/// The parts of a FluxOS app specification that its price and its limits depend on.
///
/// Mirrors the fields read by FluxOS `ZelBack/src/services/utils/appUtilities.js`
/// `appPricePerMonth` and `appRequirements/appValidator.js` (flux-rules.md §7.2, §7.3):
/// names, images, ports other than the enterprise count, environment and so on do not
/// affect either and are left out. Resources are integers in FluxOS's own granularity
/// (tenths of a core, MB, GB), so prices derived from them stay exact.
public struct AppSpec: Sendable, Equatable {
  /// Spec version (1 … 8). Versions 1–3 describe one container; 4 and later a compose list.
  public var version: Int
  /// The containers; a v1–v3 spec has exactly one.
  public var components: [AppComponent]
  /// Number of instances the network should run.
  public var instances: Int
  /// Number of enterprise ports (each priced at the table's `port`). A v1/v2 spec has one
  /// port, so its count is 0 or 1.
  public var enterprisePorts: Int
  /// Whether placement is restricted (`nodes[]` set) or the app is enterprise: charged `scope` once.
  public var hasScope: Bool
  /// Whether the app requires nodes with a static IP: charged `staticIP` once.
  public var staticIP: Bool
  /// The period in blocks, or nil for the default period of the registration height.
  public var expire: Int?

  public init(
    version: Int, components: [AppComponent], instances: Int = 3, enterprisePorts: Int = 0,
    hasScope: Bool = false, staticIP: Bool = false, expire: Int? = nil
  ) {
    self.version = version
    self.components = components
    self.instances = instances
    self.enterprisePorts = enterprisePorts
    self.hasScope = hasScope
    self.staticIP = staticIP
    self.expire = expire
  }
}

/// One container of an app: its resources, and optionally different resources per tier.
public struct AppComponent: Sendable, Equatable {
  /// CPU in tenths of a core (FluxOS `cpu` × 10).
  public var cpuTenths: Int
  /// RAM in MB.
  public var ramMB: Int
  /// Disk in GB.
  public var hddGB: Int
  /// Per-tier resources (`cpubasic`/`cpusuper`/`cpubamf`, …) if the component is tiered:
  /// a node of each tier runs it with that tier's values.
  public var tiered: TierValues<AppResources>?

  public init(cpuTenths: Int, ramMB: Int, hddGB: Int, tiered: TierValues<AppResources>? = nil) {
    self.cpuTenths = cpuTenths
    self.ramMB = ramMB
    self.hddGB = hddGB
    self.tiered = tiered
  }

  /// A component with `resources` and no tiered values.
  public init(_ resources: AppResources) {
    self.init(cpuTenths: resources.cpuTenths, ramMB: resources.ramMB, hddGB: resources.hddGB)
  }

  /// The untiered resources as one value.
  public var resources: AppResources {
    AppResources(cpuTenths: cpuTenths, ramMB: ramMB, hddGB: hddGB)
  }

  /// What a node of `tier` provides for this component: its tiered values if it has them.
  public func resources(on tier: Tier) -> AppResources {
    tiered?[tier] ?? resources
  }
}

/// CPU, RAM and disk in FluxOS units: tenths of a core, MB, GB.
public struct AppResources: Sendable, Hashable {
  public var cpuTenths: Int
  public var ramMB: Int
  public var hddGB: Int

  public static let zero = AppResources(cpuTenths: 0, ramMB: 0, hddGB: 0)

  public init(cpuTenths: Int, ramMB: Int, hddGB: Int) {
    self.cpuTenths = cpuTenths
    self.ramMB = ramMB
    self.hddGB = hddGB
  }

  public static func + (a: AppResources, b: AppResources) -> AppResources {
    AppResources(cpuTenths: a.cpuTenths + b.cpuTenths, ramMB: a.ramMB + b.ramMB, hddGB: a.hddGB + b.hddGB)
  }

  public static func - (a: AppResources, b: AppResources) -> AppResources {
    AppResources(cpuTenths: a.cpuTenths - b.cpuTenths, ramMB: a.ramMB - b.ramMB, hddGB: a.hddGB - b.hddGB)
  }

  public static func * (factor: Int, a: AppResources) -> AppResources {
    AppResources(cpuTenths: factor * a.cpuTenths, ramMB: factor * a.ramMB, hddGB: factor * a.hddGB)
  }
}
