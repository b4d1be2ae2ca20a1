import FluxCore

/// FluxOS app demand: when apps arrive, what they ask for, how they are priced and
/// where their revenue goes (flux-rules.md §7, §8).
public struct AppMarketConfig: Sendable, Equatable {
  /// Apps registered per day, as a function of time since the job's start. Arrivals are
  /// Poisson with this rate, held constant within each simulated day.
  public var arrivalsPerDay: TimePath
  /// How each arriving app's spec is drawn.
  public var specs: AppSpecSource
  /// Whether users pay the USD-pegged price when it exceeds the FLUX price
  /// (`ChainParams.appPrice(for:registeredAt:fluxUSD:)`); needs a price path.
  public var usdPriceFloor: Bool
  /// A share of app revenue paid to the nodes that host the instances (the planned
  /// Progressive Node Rewards, §8); nil: all revenue goes to the foundation, as today.
  public var revenueShare: RevenueShare?

  public init(
    arrivalsPerDay: TimePath, specs: AppSpecSource, usdPriceFloor: Bool = false, revenueShare: RevenueShare? = nil
  ) {
    self.arrivalsPerDay = arrivalsPerDay
    self.specs = specs
    self.usdPriceFloor = usdPriceFloor
    self.revenueShare = revenueShare
  }
}

/// Where app specs come from: a weighted catalogue of app kinds, or independent
/// distributions per field.
public enum AppSpecSource: Sendable, Equatable {
  case catalogue([CatalogueEntry])
  case distributions(AppSpecDistributions)
}

/// One kind of app in a catalogue and its weight (relative frequency).
public struct CatalogueEntry: Sendable, Equatable {
  public var name: String
  public var weight: Double
  /// The containers' resources (FluxOS units: tenths of a core, MB, GB).
  public var components: [AppResources]
  public var instances: Int
  /// Blocks per subscription period (FluxOS `expire`).
  public var subscriptionBlocks: Int
  /// Probability that the owner pays for another period when one ends.
  public var renewal: Double

  public init(
    name: String, weight: Double, components: [AppResources], instances: Int, subscriptionBlocks: Int,
    renewal: Double
  ) {
    self.name = name
    self.weight = weight
    self.components = components
    self.instances = instances
    self.subscriptionBlocks = subscriptionBlocks
    self.renewal = renewal
  }
}

/// Independent draws per field. Draws are rounded to FluxOS's granularity (0.1 core,
/// 100 MB, 1 GB, whole instances and blocks) and clamped into its limits (§7.3), so
/// every generated spec is one FluxOS accepts.
public struct AppSpecDistributions: Sendable, Equatable {
  /// Containers per app (rounded, at least 1).
  public var components: Distribution
  /// CPU per container, cores.
  public var cpuCores: Distribution
  /// RAM per container, MB.
  public var ramMB: Distribution
  /// Disk per container, GB.
  public var hddGB: Distribution
  public var instances: Distribution
  /// Blocks per subscription period.
  public var subscriptionBlocks: Distribution
  /// Probability of paying for another period when one ends.
  public var renewal: Double

  public init(
    components: Distribution, cpuCores: Distribution, ramMB: Distribution, hddGB: Distribution,
    instances: Distribution, subscriptionBlocks: Distribution, renewal: Double
  ) {
    self.components = components
    self.cpuCores = cpuCores
    self.ramMB = ramMB
    self.hddGB = hddGB
    self.instances = instances
    self.subscriptionBlocks = subscriptionBlocks
    self.renewal = renewal
  }
}

/// The planned Progressive Node Rewards (flux-rules.md §8, [WP] 07-pnr): from
/// `fromHeight`, `share` of each app payment goes to the nodes hosting the app's
/// instances, rising by `increasePerYear` per year after `fromHeight` up to `maximum`.
/// A scenario, not a rule: no released code pays app revenue to nodes.
public struct RevenueShare: Sendable, Equatable {
  public var share: Double
  public var fromHeight: Int
  public var increasePerYear: Double
  public var maximum: Double

  public init(share: Double, fromHeight: Int = 0, increasePerYear: Double = 0, maximum: Double = 1) {
    self.share = share
    self.fromHeight = fromHeight
    self.increasePerYear = increasePerYear
    self.maximum = maximum
  }

  /// The whitepaper's plan: 20 % from height 3,466,630, +5 points per PoN year (1,051,200
  /// blocks of 30 s) up to 50 %.
  public static let whitepaper = RevenueShare(share: 0.2, fromHeight: 3_466_630, increasePerYear: 0.05, maximum: 0.5)

  /// The nodes' share of a payment made at `height`, `elapsed` target seconds after
  /// `fromHeight` (its blocks counted at the PoN spacing of their era: 30 s on mainnet).
  public func share(at height: Int, elapsed: Int64) -> Double {
    guard height >= fromHeight else { return 0 }
    let years = Double(elapsed) / Double(JobConfig.secondsPerYear)
    return min(maximum, share + increasePerYear * years.rounded(.down))
  }
}
