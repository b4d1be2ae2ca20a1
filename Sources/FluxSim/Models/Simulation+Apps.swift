import FluxCore

/// The app market's events: a daily tick that draws the day's arrivals, arrivals,
/// retries after a deferral, the end of each paid period (renewal or removal), and the
/// eviction of a node's instances when it leaves the payee list.
extension Simulation {
  /// Starts the daily market tick when the job has apps or ROI-driven churn.
  mutating func setUpMarket() {
    guard config.apps != nil || config.economics?.roiChurn != nil else { return }
    // Only apps need the nodes' room (`offer` opens none without them, and a node's slot
    // may be reused: with ROI churn alone the market keeps no per-node state at all).
    if market.hasApps {
      market.hostIndex.grow(fleet)
      for (node, entry) in fleet.nodes.enumerated() where entry.state == .confirmed {
        market.hostIndex.open(node, tier: entry.tier.index)
      }
    }
    schedule(.marketDay, after: 0)
  }

  /// The day's app arrivals (Poisson at the day's rate, at uniform times in the day)
  /// and the ROI-driven joins and exits; then the next tick.
  mutating func marketDay() {
    let day = PriceModel.day
    if let apps = config.apps, let stream = market.stream {
      let rate = apps.arrivalsPerDay.value(at: chain.now - startTime)
      for _ in 0..<stream.poisson(mean: max(0, rate)) {
        events.schedule(.appArrival, at: chain.now + Int64(stream.integer(below: Int(day))))
      }
    }
    respondToProfitability()
    events.schedule(.marketDay, at: chain.now + day)
  }

  /// A new app registers in the next block: it pays, and its instances are placed.
  mutating func appArrives() {
    let height = chain.height + 1
    let (spec, renewal) = market.drawSpec(at: height, limits: params.appPricing)
    let need = spec.components.reduce(AppResources.zero) { $0 + $1.resources }
    let rules = market.rules
    let app = market.registry.add(
      HostedApp(
        spec: spec, need: need,
        deferral: SIMD4(
          Int32(rules.deferral(of: need, on: .cumulus)), Int32(rules.deferral(of: need, on: .nimbus)),
          Int32(rules.deferral(of: need, on: .stratus)), 0),
        shortSince: chain.now, renewal: renewal, periodStart: height,
        periodBlocks: spec.expire ?? params.appPricing.defaultExpire(at: height)))
    chargeApp(app, at: height)
    placeApp(app)
  }

  /// Books the price of `app`'s next period at `height` and schedules its end.
  /// FluxCore prices the app once per price epoch; renewals within it pay the same.
  private mutating func chargeApp(_ app: Int, at height: Int) {
    let epoch = market.priceEpoch(at: height)
    if market.registry.apps[app].pricedEpoch != epoch {
      let spec = market.registry.apps[app].spec
      market.registry.apps[app].fluxPrice = params.appPrice(for: spec, registeredAt: height)
      market.registry.apps[app].usdPrice =
        market.usdPriceFloor ? params.appPriceUSD(for: spec, registeredAt: height) : .zero
      market.registry.apps[app].pricedEpoch = epoch
    }
    let usd = fluxUSD() ?? 0
    let price =
      market.usdPriceFloor && usd > 0
      ? market.pricing.userPrice(
        flux: market.registry.apps[app].fluxPrice, usd: market.registry.apps[app].usdPrice, fluxUSD: usd)
      : market.registry.apps[app].fluxPrice
    let share = market.revenueShare.map {
      $0.share(at: height, elapsed: hot.ponSeconds(from: $0.fromHeight, to: height))
    }
    market.charge(app, price: price, usd: usd, height: height, nodeShare: share ?? 0)
    let end = height + market.registry.apps[app].periodBlocks
    appPeriodEnds.schedule(
      AppPeriodEnd(app: Int32(app), generation: market.registry.apps[app].generation), at: Int64(end))
  }

  /// Places what it can of `app` now and schedules a retry for when a deferral ends.
  mutating func placeApp(_ app: Int) {
    if let retry = market.place(app, fleet: fleet, now: chain.now, height: chain.height) {
      events.schedule(
        .appRetry(app: Int32(app), generation: market.registry.apps[app].generation), at: max(retry, chain.now + 1))
    }
  }

  /// A deferral of `app` has passed: the larger tiers may now take it.
  mutating func retryApp(_ app: Int32, generation: UInt32) {
    let index = Int(app)
    guard market.registry.isCurrent(index, generation: generation), market.registry.apps[index].missing > 0
    else { return }
    placeApp(index)
  }

  /// Ends the paid periods due in block `height` (after its node removals).
  @inline(__always) mutating func endAppPeriods(height: Int) {
    while let key = appPeriodEnds.peekKey, key <= Int64(height), let (_, end) = appPeriodEnds.pop() {
      endAppPeriod(end.app, generation: end.generation, height: height)
    }
  }

  /// The paid period of `app` ends in block `height`: the owner renews with the app's
  /// renewal probability, paying the price of that height, if the app runs at all (no
  /// one pays again for an app that never got an instance); otherwise it is removed and
  /// its nodes' capacity is offered to waiting apps.
  mutating func endAppPeriod(_ app: Int32, generation: UInt32, height: Int) {
    let index = Int(app)
    guard market.registry.isCurrent(index, generation: generation), let stream = market.stream
    else { return }
    market.closePeriod(index, height: height)
    if !market.registry.apps[index].hosts.isEmpty, stream.bernoulli(market.registry.apps[index].renewal) {
      chargeApp(index, at: height)
      return
    }
    let hosts = market.registry.apps[index].hosts.map(\.node)
    for node in hosts {
      market.removeInstance(index, from: Int(node), fleet: fleet, height: height, now: chain.now)
    }
    market.registry.release(index)
    for node in hosts { market.offer(Int(node), fleet: fleet, now: chain.now, height: height) }
  }

  /// `node` leaves the payee list for good or for a while (expired, DoS-listed, exited):
  /// its instances stop and are placed elsewhere, as FluxOS nodes pick up apps that run
  /// on too few nodes.
  mutating func evictApps(_ node: Int) {
    market.hostIndex.close(node, tier: fleet.nodes[node].tier.index)
    guard node < market.hostIndex.hosted.count, !market.hostIndex.hosted[node].isEmpty else { return }
    // Taken out of the market first, so that removing each instance edits no shared list.
    var apps = market.hostIndex.takeApps(from: node)
    defer { market.hostIndex.recycle(&apps) }
    // Each app's record and then its host list are loads that miss the cache. Read here
    // for every app first, they are independent and overlap; one app at a time, inside
    // `removeInstance`, each waited for the one before. Every app hosted here lists a host.
    var hosts = 0
    for app in apps { hosts &+= market.registry.apps[Int(app)].hosts.count }
    precondition(hosts >= apps.count, "an app hosted on node \(node) lists no host")
    for app in apps {
      market.removeInstance(Int(app), from: node, fleet: fleet, height: chain.height, now: chain.now)
    }
    for app in apps { placeApp(Int(app)) }
  }

  /// FLUX/USD now, for jobs with economics.
  mutating func fluxUSD() -> Double? { price?.usd(at: chain.now) }
}
