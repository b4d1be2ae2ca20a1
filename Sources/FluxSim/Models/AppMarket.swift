import FluxCore

/// One registered FluxOS app as the market tracks it.
struct HostedApp {
  var spec: AppSpec
  /// What one instance uses on any node: the sum of its components (the simulator's
  /// specs are untiered).
  var need: AppResources
  /// Seconds a node of each tier waits before taking it (`AppPlacementRules.deferral`).
  var deferral: [Int]
  /// Nodes running an instance, and the height from which each has hosted it in the
  /// current period (for the revenue share).
  var hosts: [Int32] = []
  var hostSince: [Int32] = []
  /// Since when the app has had fewer instances than it asks for (deferrals count from here).
  var shortSince: Int64
  var renewal: Double
  /// The current paid period: first height, length in blocks, the nodes' share of its
  /// payment and how much of that has been credited to hosts so far.
  var periodStart: Int
  var periodBlocks: Int
  var periodShare: Int64 = 0
  var periodCredited: Int64 = 0
  /// Bumped when the slot is reused, so events of a finished app are ignored.
  var generation: UInt32 = 0
  var active = true

  var missing: Int { spec.instances - hosts.count }
}

/// The FluxOS app market of a job (flux-rules.md §7): registered apps, their instances
/// on nodes, the apps waiting for capacity, and the money. Empty and idle when the job
/// has no apps.
///
/// It draws from a stream of its own (seeded from the job's seed), so switching apps on
/// does not change the fleet's own draws: runs with and without apps see the same
/// uptime and churn until app-driven effects (ROI churn) set in.
struct AppMarket {
  let config: AppMarketConfig?
  let stream: RandomStream?
  /// Each tier's app capacity: its FluxOS resources minus the locked ones (FluxCore).
  let capacity: [AppResources]
  let rules: AppPlacementRules
  let catalogue: DiscreteDistribution?
  var apps: [HostedApp] = []
  var freeSlots: [Int32] = []
  /// Active apps with fewer instances placed than they ask for.
  var waiting = IndexedSet()
  /// Per node: resources in use and the apps it runs.
  var used: [AppResources] = []
  var hosted: [[Int32]] = []
  /// Per node: app revenue share received, satoshi.
  var nodeIncome: [Int64] = []
  /// Reused by the exhaustive host search.
  var scratch: [Int32] = []

  var registered = 0
  var activeApps = 0
  var instancesWanted = 0
  var instancesRunning = 0
  var revenue: Int64 = 0
  var revenueUSD: Double = 0
  var toNodes = [Int64](repeating: 0, count: 3)
  var toFoundation: Int64 = 0

  /// Random proposals tried before the exhaustive search for a host.
  static let proposals = 24
  /// Waiting apps a node with freed capacity looks at.
  static let offers = 16

  /// - Parameter seed: the seed of the market's own stream, nil when the job draws
  ///   nothing here (no apps and no ROI-driven churn, which also draws from it).
  init(config: AppMarketConfig?, params: ChainParams, seed: UInt64?) {
    self.config = config
    stream = seed.map { RandomStream(seed: $0) }
    capacity = Tier.allCases.map { params.appCapacity(of: $0) }
    rules = params.appPricing.placement
    if case .catalogue(let entries) = config?.specs {
      catalogue = DiscreteDistribution(weights: entries.map(\.weight))
    } else {
      catalogue = nil
    }
  }

  /// Adds `app` in a free slot; returns its index.
  mutating func add(_ app: HostedApp) -> Int {
    activeApps += 1
    instancesWanted += app.spec.instances
    if let slot = freeSlots.popLast() {
      let index = Int(slot)
      var reused = app
      reused.generation = apps[index].generation &+ 1
      apps[index] = reused
      return index
    }
    apps.append(app)
    return apps.count - 1
  }

  /// Frees the slot of an app with no instances left.
  mutating func release(_ app: Int) {
    precondition(apps[app].hosts.isEmpty, "an app is released with instances still placed")
    activeApps -= 1
    instancesWanted -= apps[app].spec.instances
    apps[app].active = false
    apps[app].generation &+= 1
    waiting.remove(app)
    freeSlots.append(Int32(app))
  }

  /// Makes the per-node arrays as long as the fleet.
  mutating func grow(to nodes: Int) {
    guard used.count < nodes else { return }
    let extra = nodes - used.count
    used.append(contentsOf: repeatElement(.zero, count: extra))
    hosted.append(contentsOf: repeatElement([], count: extra))
    nodeIncome.append(contentsOf: repeatElement(0, count: extra))
  }

  /// Keeps `waiting` equal to the set of active apps with missing instances.
  mutating func updateWaiting(_ app: Int) {
    if apps[app].active && apps[app].missing > 0 { waiting.insert(app) } else { waiting.remove(app) }
  }
}
