import FluxCore

/// Operator economics: what a node of each tier earns and costs in USD, and the joins
/// and exits of `ROIChurnModel` that respond to it (its doc states the response
/// function and the equilibrium it leads to).
extension TierEconomics {
  /// A node's economics from its income per month in FLUX, at `usd` dollars per FLUX.
  init(incomeFLUX: Double, usd: Double, hosting: Double, opportunityPerYear: Double, collateral: Amount) {
    let collateralUSD = Double(collateral.satoshi) / 1e8 * usd
    let incomeUSD = incomeFLUX * usd
    let opportunity = collateralUSD * opportunityPerYear / 12
    let net = incomeUSD - hosting
    self.init(
      incomeFLUX: incomeFLUX, incomeUSD: incomeUSD, hostingUSD: hosting, opportunityUSD: opportunity,
      profitUSD: net - opportunity, collateralUSD: collateralUSD,
      roiPerYear: collateralUSD > 0 ? net * 12 / collateralUSD : 0,
      paybackMonths: net > 0 ? collateralUSD / net : nil)
  }

  /// Profit over cost: the margin the ROI churn responds to (0 when nothing costs anything).
  var margin: Double {
    let cost = hostingUSD + opportunityUSD
    return cost > 0 ? profitUSD / cost : 0
  }
}

/// The operators' response to profitability (`ROIChurnModel`): once a day, per tier,
/// the margin of the past day sets the exit and join rates of the coming day, drawn as
/// Poisson counts at uniform times in it. It owns the tier income and time of its last
/// tick, draws from the stream it is handed (the app market's, so that the fleet's draws
/// stay as they are without it) and schedules `roiExit` / `roiJoin` events, which the
/// fleet carries out (`Fleet.removeRandomNode`, `Fleet.addNode`).
struct Operators {
  let response: ROIChurnModel
  /// The time of the last tick and each tier's income then (satoshi); nil before the first.
  private(set) var lastTick: (time: Int64, income: [Int64])?

  init(response: ROIChurnModel) { self.response = response }

  /// The tick at `now`, when the tiers' income so far is `income`: with each tier's
  /// `economics` since the last tick (nil at the first, or without a price), schedules
  /// the day's exits (at most the tier's nodes) and joins (at most what the job may
  /// still create) into `events`.
  mutating func tick(
    now: Int64, income: [Int64], economics: TierValues<TierEconomics>?, fleet: Fleet, stream: RandomStream,
    events: inout EventQueue<Event>
  ) {
    defer { lastTick = (now, income) }
    guard let economics else { return }
    let day = PriceModel.day
    let monthsPerDay = Double(day) / JobConfig.secondsPerMonth
    for tier in Tier.allCases {
      let margin = economics[tier].margin
      let alive = fleet.alive[tier.index].count
      let size = Double(max(1, alive))
      let exits = min(stream.poisson(mean: response.exitResponse[tier] * max(0, -margin) * size * monthsPerDay), alive)
      let joins = min(
        stream.poisson(mean: response.joinResponse[tier] * max(0, margin) * size * monthsPerDay),
        max(0, JobConfig.maxNodes - fleet.created))
      for _ in 0..<exits { events.schedule(.roiExit(tier), at: now + Int64(stream.integer(below: Int(day)))) }
      for _ in 0..<joins { events.schedule(.roiJoin(tier), at: now + Int64(stream.integer(below: Int(day)))) }
    }
  }
}
