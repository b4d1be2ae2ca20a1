import FluxCore

/// One registered FluxOS app as the market tracks it.
struct HostedApp {
  var spec: AppSpec
  /// What one instance uses on any node: the sum of its components (the simulator's
  /// specs are untiered).
  var need: AppResources
  /// Seconds a node of each tier waits before taking it (`AppPlacementRules.deferral`),
  /// by tier index (a vector rather than an array: no allocation per app).
  var deferral: SIMD4<Int32>
  /// The nodes running an instance (one array, not two: one allocation and one cache
  /// miss fewer per app).
  var hosts: [Host] = []
  /// Since when the app has had fewer instances than it asks for (deferrals count from here).
  var shortSince: Int64
  var renewal: Double
  /// The current paid period: first height, length in blocks, the nodes' share of its
  /// payment and how much of that has been credited to hosts so far.
  var periodStart: Int
  var periodBlocks: Int
  var periodShare: Int64 = 0
  var periodCredited: Int64 = 0
  /// Its FLUX and USD prices, computed for heights in price epoch `pricedEpoch`
  /// (`AppMarket.priceEpoch`): a renewal in the same epoch pays the same.
  var pricedEpoch = -1
  var fluxPrice = Amount.zero
  var usdPrice = Amount.zero
  /// What the app paid before any instance of it was placed (its registration), counted
  /// in `RevenueLedger.revenueNeverPlaced` until one is: 0 once placed.
  var unplacedPayment: Int64 = 0
  /// Bumped when the slot is reused, so events of a finished app are ignored.
  var generation: UInt32 = 0
  var active = true

  var missing: Int { spec.instances - hosts.count }

  /// Whether `node` runs an instance.
  func isHosted(on node: Int32) -> Bool { hosts.contains { $0.node == node } }
}

/// A node running an instance of an app, and the height from which it has hosted it in
/// the current period (for the revenue share).
struct Host {
  var node: Int32
  var since: Int32
}

/// The FluxOS app market of a job (flux-rules.md §7): the registered apps and their
/// instances (`AppRegistry`), the nodes' room for them (`HostIndex`) and the money
/// (`RevenueLedger`), each owning its state, and the rules that tie them together
/// (placement, payments). Empty and idle when the job has no apps.
///
/// It draws from a stream of its own (seeded from the job's seed), so switching apps on
/// does not change the fleet's own draws: runs with and without apps see the same
/// uptime and churn until app-driven effects (ROI churn) set in.
struct AppMarket {
  let config: AppMarketConfig?
  /// Whether the job has apps (read on hot paths instead of copying `config`).
  let hasApps: Bool
  /// Whether users pay the USD-pegged price when higher.
  let usdPriceFloor: Bool
  /// FluxOS's pricing tables (for the USD conversion) and the heights at which a price may change.
  let pricing: AppPricingParams
  let priceChangeHeights: [Int]
  /// The revenue share to nodes, if any.
  let revenueShare: RevenueShare?
  let stream: RandomStream?
  let rules: AppPlacementRules
  let catalogue: DiscreteDistribution?
  var registry = AppRegistry()
  var hostIndex: HostIndex
  var ledger = RevenueLedger()
  /// Reused by the exhaustive host search.
  var scratch: [Int32] = []

  /// Proposals that may miss before the exhaustive search for a host.
  static let proposals = 6
  /// Waiting apps a node with freed capacity looks at.
  static let offers = 4

  /// - Parameter seed: the seed of the market's own stream, nil when the job draws
  ///   nothing here (no apps and no ROI-driven churn, which also draws from it).
  init(config: AppMarketConfig?, params: ChainParams, seed: UInt64?) {
    self.config = config
    hasApps = config != nil
    usdPriceFloor = config?.usdPriceFloor ?? false
    pricing = params.appPricing
    priceChangeHeights = params.appPricing.priceChangeHeights
    revenueShare = config?.revenueShare
    stream = seed.map { RandomStream(seed: $0) }
    hostIndex = HostIndex(params: params)
    rules = params.appPricing.placement
    if case .catalogue(let entries) = config?.specs {
      catalogue = DiscreteDistribution(weights: entries.map(\.weight))
    } else {
      catalogue = nil
    }
  }

  /// The price epoch of `height`: how many price-change heights are at or below it.
  func priceEpoch(at height: Int) -> Int {
    var epoch = 0
    while epoch < priceChangeHeights.count, priceChangeHeights[epoch] <= height { epoch += 1 }
    return epoch
  }
}
