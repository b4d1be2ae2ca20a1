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
  /// in `AppMarket.revenueNeverPlaced` until one is: 0 once placed.
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

/// The FluxOS app market of a job (flux-rules.md §7): registered apps, their instances
/// on nodes, the apps waiting for capacity, and the money. Empty and idle when the job
/// has no apps.
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
  /// Each tier's app capacity: its FluxOS resources minus the locked ones (FluxCore).
  let capacity: [AppResources]
  let rules: AppPlacementRules
  let catalogue: DiscreteDistribution?
  var apps: [HostedApp] = []
  var freeSlots: [Int32] = []
  /// Active apps with fewer instances placed than they ask for.
  var waiting = IndexedSet()
  /// Per node: its tier index (a byte here rather than a read of the fleet's large
  /// node records, which the market would otherwise miss in cache on every update).
  var tierOf: [UInt8] = []
  /// Per node: resources in use and the apps it runs.
  var used: [AppResources] = []
  var hosted: [[Int32]] = []
  /// Per node, packed for the host search: free CPU, RAM and disk and the number of
  /// apps it may still take (FluxOS's 200), or all −1 while the node is out of the
  /// payee list (`close`). One vector comparison rules a node in or out.
  var room: [SIMD4<Int32>] = []
  /// Per tier, per resource (CPU, RAM: the two that run out; disk rarely does): the
  /// open nodes with room for the smallest possible instance, by how much of that
  /// resource they have free. A search draws from the index that leaves the fewest
  /// candidates, so a nearly full fleet is searched only where there is room.
  /// Index `tier × indexedLanes + lane`.
  var roomy: RoomIndex
  /// Per tier: open nodes and what their apps use (for utilization without a pass
  /// over the fleet at every sample).
  var openNodes = [0, 0, 0]
  var openUsed = [AppResources](repeating: .zero, count: 3)
  /// The smallest instance FluxOS accepts, in `room`'s lanes.
  let smallest: SIMD4<Int32>
  /// Reused by the exhaustive host search.
  var scratch: [Int32] = []
  /// Per tier: needs for which a search found no node in service with room, kept until
  /// a node of the tier gains room for them (`capacityMayHaveGrown`). Any need at least
  /// as large cannot fit either, so a full tier costs one search per change that could
  /// matter instead of one per attempt.
  var saturated: [[AppResources]] = [[], [], []]

  var registered = 0
  var activeApps = 0
  var instancesWanted = 0
  var instancesRunning = 0
  var revenue: Int64 = 0
  var revenueUSD: Double = 0
  /// Payments of apps that have had no instance placed yet (`HostedApp.unplacedPayment`).
  var revenueNeverPlaced: Int64 = 0
  var toNodes = [Int64](repeating: 0, count: 3)
  var toFoundation: Int64 = 0

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
    capacity = Tier.allCases.map { params.appCapacity(of: $0) }
    roomy = RoomIndex(maxValues: capacity.flatMap { [$0.cpuTenths, $0.ramMB] })
    rules = params.appPricing.placement
    smallest = Self.lanes(params.appPricing.minComponentResources)
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

  /// Adds `app` in a free slot; returns its index.
  mutating func add(_ app: HostedApp) -> Int {
    var app = app
    app.hosts.reserveCapacity(app.spec.instances)
    activeApps += 1
    instancesWanted += app.spec.instances
    if let slot = freeSlots.popLast() {
      let index = Int(slot)
      app.generation = apps[index].generation &+ 1
      apps[index] = app
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
  mutating func grow(_ fleet: Fleet) {
    let nodes = fleet.nodes.count
    guard used.count < nodes else { return }
    let extra = nodes - used.count
    tierOf.append(contentsOf: fleet.nodes[used.count...].map { UInt8($0.tier.index) })
    used.append(contentsOf: repeatElement(.zero, count: extra))
    room.append(contentsOf: repeatElement(Self.closed, count: extra))
    hosted.append(contentsOf: repeatElement([], count: extra))
  }

  /// A node of tier index `tier` now in slot `node`, which an exited node held: the
  /// slot's figures start afresh (its former node left closed, with no instances).
  mutating func reset(_ node: Int, tier: Int) {
    guard node < tierOf.count else { return }
    precondition(isClosed(node) && hosted[node].isEmpty, "a slot is reused with instances still placed")
    tierOf[node] = UInt8(tier)
    used[node] = .zero
  }

  static let closed = SIMD4<Int32>(repeating: -1)

  /// Whether `node` is closed to placement (its app-slot lane is −1 only then).
  @inline(__always) func isClosed(_ node: Int) -> Bool { room[node].w < 0 }
  /// The `room` lanes with a `RoomIndex`: CPU and RAM.
  static let indexedLanes = 2

  /// One instance of `need` in `room`'s lanes (it takes one of the node's app slots too).
  static func lanes(_ need: AppResources) -> SIMD4<Int32> {
    SIMD4(Int32(need.cpuTenths), Int32(need.ramMB), Int32(need.hddGB), 1)
  }

  /// Opens `node` of tier index `tier` to placement (it is confirmed): its room from
  /// its capacity and what it runs.
  mutating func open(_ node: Int, tier: Int) {
    if isClosed(node) {
      openNodes[tier] += 1
      openUsed[tier] = openUsed[tier] + used[node]
    }
    let free = capacity[tier] - used[node]
    setRoom(
      node, tier: tier,
      SIMD4(
        Int32(free.cpuTenths), Int32(free.ramMB), Int32(free.hddGB), Int32(rules.maxAppsPerNode - hosted[node].count)))
  }

  /// Closes `node` of tier index `tier` to placement (it left the payee list).
  mutating func close(_ node: Int, tier: Int) {
    guard node < room.count, !isClosed(node) else { return }
    openNodes[tier] -= 1
    openUsed[tier] = openUsed[tier] - used[node]
    setRoom(node, tier: tier, Self.closed)
  }

  /// Sets the room of `node` and its membership of its tier's `roomy` set.
  mutating func setRoom(_ node: Int, tier: Int, _ value: SIMD4<Int32>) {
    let old = room[node]
    room[node] = value
    let (wasRoomy, isRoomy) = (all(old .>= smallest), all(value .>= smallest))
    for lane in 0..<Self.indexedLanes {
      let index = tier * Self.indexedLanes + lane
      if wasRoomy && isRoomy && roomy.bucket(index, old[lane]) == roomy.bucket(index, value[lane]) {
        continue
      }
      if wasRoomy { roomy.remove(index, node, value: old[lane]) }
      if isRoomy { roomy.insert(index, node, value: value[lane]) }
    }
  }

  /// Keeps `waiting` equal to the set of active apps with missing instances.
  mutating func updateWaiting(_ app: Int) {
    if apps[app].active && apps[app].missing > 0 { waiting.insert(app) } else { waiting.remove(app) }
  }
}
