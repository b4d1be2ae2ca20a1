import FluxCore

/// Where app instances can go: per node, its tier, the resources its apps use, the apps
/// it runs and its free room, and the indexes a host search reads. It owns every per-node
/// figure of the market and keeps them consistent as instances come and go and nodes open
/// and close; which app runs where, and why, is the market's business.
struct HostIndex {
  /// Each tier's app capacity: its FluxOS resources minus the locked ones (FluxCore).
  let capacity: [AppResources]
  /// FluxOS's limit of apps on one node (200).
  let maxAppsPerNode: Int
  /// The smallest instance FluxOS accepts, in `room`'s lanes.
  let smallest: SIMD4<Int32>
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
  /// Per tier: needs for which a search found no node in service with room, kept until
  /// a node of the tier gains room for them (`capacityMayHaveGrown`). Any need at least
  /// as large cannot fit either, so a full tier costs one search per change that could
  /// matter instead of one per attempt.
  var saturated: [[AppResources]] = [[], [], []]
  /// An empty list with capacity, handed to the next node whose apps are all taken off
  /// (`takeApps`): an eviction then frees no list, and the node's next instances
  /// allocate none (about 60,000 allocations a year of the standard app workload).
  private var spareList: [Int32] = []

  init(params: ChainParams) {
    capacity = Tier.allCases.map { params.appCapacity(of: $0) }
    maxAppsPerNode = params.appPricing.placement.maxAppsPerNode
    smallest = Self.lanes(params.appPricing.minComponentResources)
    roomy = RoomIndex(
      maxValues: capacity.flatMap { [$0.cpuTenths, $0.ramMB] }, lanes: capacity.flatMap { _ in [0, 1] })
  }

  static let closed = SIMD4<Int32>(repeating: -1)
  /// The `room` lanes with a `RoomIndex`: CPU and RAM.
  static let indexedLanes = 2

  /// One instance of `need` in `room`'s lanes (it takes one of the node's app slots too).
  static func lanes(_ need: AppResources) -> SIMD4<Int32> {
    SIMD4(Int32(need.cpuTenths), Int32(need.ramMB), Int32(need.hddGB), 1)
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

  /// Takes every app off `node`'s list and returns them, leaving the node an empty list
  /// with capacity; `recycle` takes the returned list back once its reader is done.
  mutating func takeApps(from node: Int) -> [Int32] {
    var apps: [Int32] = []
    swap(&apps, &spareList)
    swap(&apps, &hosted[node])
    return apps
  }

  /// Keeps `list`'s storage, emptied, for the next `takeApps`.
  mutating func recycle(_ list: inout [Int32]) {
    list.removeAll(keepingCapacity: true)
    swap(&list, &spareList)
  }

  /// Whether `node` is closed to placement (its app-slot lane is −1 only then).
  @inline(__always) func isClosed(_ node: Int) -> Bool { room[node].w < 0 }

  /// Whether `node`'s room holds `lanes` (capacity, app count, and open).
  @inline(__always) func hasRoom(_ node: Int, for lanes: SIMD4<Int32>) -> Bool {
    all(room[node] .>= lanes)
  }

  /// Whether `node` is confirmed and online (a PoN producer): it polls for apps.
  @inline(__always) static func isInService(_ node: Int, fleet: Fleet) -> Bool {
    fleet.producers.contains(node)
  }

  /// Opens `node` of tier index `tier` to placement (it is confirmed): its room from
  /// its capacity and what it runs.
  mutating func open(_ node: Int, tier: Int) {
    if isClosed(node) {
      openNodes[tier] += 1
      openUsed[tier] = openUsed[tier] + used[node]
    }
    setRoom(node, tier: tier, expectedRoom(node, tier: tier))
  }

  /// The room of open `node` of tier index `tier`, from its definition.
  func expectedRoom(_ node: Int, tier: Int) -> SIMD4<Int32> {
    let free = capacity[tier] - used[node]
    return SIMD4(
      Int32(free.cpuTenths), Int32(free.ramMB), Int32(free.hddGB), Int32(maxAppsPerNode - hosted[node].count))
  }

  /// Closes `node` of tier index `tier` to placement (it left the payee list).
  mutating func close(_ node: Int, tier: Int) {
    guard node < room.count, !isClosed(node) else { return }
    openNodes[tier] -= 1
    openUsed[tier] = openUsed[tier] - used[node]
    setRoom(node, tier: tier, Self.closed)
  }

  /// Sets the room of `node`, its membership of its tier's `roomy` set and the copy there.
  mutating func setRoom(_ node: Int, tier: Int, _ value: SIMD4<Int32>) {
    let old = room[node]
    room[node] = value
    let (wasRoomy, isRoomy) = (all(old .>= smallest), all(value .>= smallest))
    // Each bucket computed once (a division each), then handed to the index.
    for lane in 0..<Self.indexedLanes {
      let index = tier * Self.indexedLanes + lane
      let from = wasRoomy ? roomy.bucket(index, old[lane]) : -1
      let to = isRoomy ? roomy.bucket(index, value[lane]) : -1
      if from >= 0 && from == to {
        roomy.update(index, node, room: value, bucket: to)
        continue
      }
      if from >= 0 { roomy.remove(index, node, bucket: from) }
      if to >= 0 { roomy.insert(index, node, room: value, bucket: to) }
    }
  }

  /// Counts an instance of `app`, which needs `need`, on `node` of tier index `tier`.
  mutating func add(_ app: Int, need: AppResources, on node: Int, tier: Int) {
    used[node] = used[node] + need
    if !isClosed(node) {
      openUsed[tier] = openUsed[tier] + need
      setRoom(node, tier: tier, room[node] &- Self.lanes(need))
    }
    hosted[node].append(Int32(app))
  }

  /// Takes the instance of `app`, which needs `need`, off `node` of tier index `tier`
  /// (its entry in `hosted` may already be gone: an eviction empties the list first).
  mutating func remove(_ app: Int, need: AppResources, from node: Int, tier: Int) {
    used[node] = used[node] - need
    if !isClosed(node) {
      openUsed[tier] = openUsed[tier] - need
      setRoom(node, tier: tier, room[node] &+ Self.lanes(need))
    }
    if let slot = hosted[node].firstIndex(of: Int32(app)) { hosted[node].remove(at: slot) }
  }

  /// Whether an earlier search showed that no node of tier index `tier` can take `need`.
  func isSaturated(_ tier: Int, for need: AppResources) -> Bool {
    saturated[tier].contains { $0.fits(in: need) }
  }

  /// Records that no node of tier index `tier` can take `need`, keeping the list to its
  /// smallest needs (a larger one is implied by any smaller one).
  mutating func markSaturated(_ tier: Int, for need: AppResources) {
    guard !isSaturated(tier, for: need) else { return }
    saturated[tier].removeAll { need.fits(in: $0) }
    saturated[tier].append(need)
  }

  /// `node` may have more room now (an instance left it, it confirmed, it came back
  /// online): forget the failed searches of its tier for needs that fit in its room.
  /// The others still fit nowhere, as no other node changed.
  mutating func capacityMayHaveGrown(_ node: Int, fleet: Fleet) {
    let tier = Int(tierOf[node])
    guard !saturated[tier].isEmpty, Self.isInService(node, fleet: fleet) else { return }
    let free = room[node]
    saturated[tier].removeAll { all(free .>= Self.lanes($0)) }
  }
}
