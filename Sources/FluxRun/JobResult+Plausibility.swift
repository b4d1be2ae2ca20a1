import FluxCore
import FluxSim

extension JobResult {
  /// The first value of a stored result that no run produces, or nil when every value is
  /// in range; `apps` and `economics` say which optional samples the job's configuration
  /// records.
  ///
  /// A job file is read back from disk, where anyone may have edited it, and the report's
  /// arithmetic on it must not trap. The bounds are wide enough for any run the scenario
  /// validator accepts and narrow enough for that arithmetic: amounts 0 … 2^60 satoshi
  /// (a sum of several stays inside Int64), heights and counts up to 2^31 − 1, times from
  /// 1970 to the end of 9999, every number finite, at least one sample, samples in order.
  func implausibility(apps: Bool, economics: Bool) -> String? {
    var check = Plausibility()
    check.count("blocks", blocks)
    check.that(!series.isEmpty, "series: no samples")
    var previous: SampleRow?
    for (row, sample) in series.enumerated() {
      check.sample(sample, "series[\(row)]", apps: apps, economics: economics)
      if let previous, sample.height < previous.height || sample.time < previous.time {
        check.that(false, "series[\(row)]: earlier than the sample before it")
      }
      previous = sample
      if check.problem != nil { break }
    }
    for (index, milestone) in milestones.enumerated() {
      check.height("milestones[\(index)].height", milestone.height)
      check.time("milestones[\(index)].time", milestone.time)
    }
    for (index, end) in yearEnds.enumerated() {
      let name = "yearEnds[\(index)]"
      check.that((1970...9999).contains(end.year), "\(name).year: \(end.year)")
      check.height("\(name).height", end.height)
      check.time("\(name).time", end.time)
      check.amount("\(name).supply", end.supply)
      check.amount("\(name).devFund", end.devFund)
      check.amount("\(name).miner", end.miner)
      check.amount("\(name).funds", end.funds)
      check.tiers("\(name).paid", end.paid) { $0.amount($1, $2) }
      check.tiers("\(name).appShare", end.appShare) { $0.amount($1, $2) }
      check.count("\(name).blocks", end.blocks)
      if let first = end.firstTime { check.time("\(name).firstTime", first) }
      check.tiers("\(name).nodeBlocks", end.nodeBlocks) { check, field, value in
        check.that((0...Int(Plausibility.maxAmount)).contains(value), "\(field): \(value)")
      }
      check.tiers("\(name).confirmed", end.confirmed) { $0.count($1, $2) }
      check.tiers("\(name).locked", end.locked) { $0.amount($1, $2) }
      check.tiers("\(name).lockingNodes", end.lockingNodes) { $0.count($1, $2) }
      check.time("\(name).seconds", end.seconds)
      if let price = end.meanFluxUSD { check.finite("\(name).meanFluxUSD", price) }
    }
    check.tiers("payouts", payouts) { check, name, stats in
      check.summary("\(name).blocksSincePaid", stats.blocksSincePaid)
      check.summary("\(name).incomePerNode", stats.incomePerNode)
      check.amount("\(name).totalPaid", stats.totalPaid)
    }
    for (index, pool) in poolIncome.enumerated() { check.amount("poolIncome[\(index)].income", pool.income) }
    check.tiers("producedBlocks", producedBlocks) { $0.count($1, $2) }
    return check.problem
  }
}

/// The first out-of-range value met, named by its path in the job file.
private struct Plausibility {
  var problem: String?

  static let maxAmount = Int64(1) << 60
  static let maxCount = Int(Int32.max)
  /// 9999-12-31T23:59:59Z.
  static let maxTime = UTCTime.seconds(
    UTCTime.Components(year: 9_999, month: 12, day: 31, hour: 23, minute: 59, second: 59))

  mutating func that(_ condition: Bool, _ text: @autoclosure () -> String) {
    if !condition, problem == nil { problem = text() }
  }

  mutating func count(_ name: String, _ value: Int) { that((0...Self.maxCount).contains(value), "\(name): \(value)") }

  mutating func height(_ name: String, _ value: Int) {
    that((0...ChainParams.maxHeight).contains(value), "\(name): \(value)")
  }

  mutating func time(_ name: String, _ value: Int64) { that((0...Self.maxTime).contains(value), "\(name): \(value)") }

  mutating func amount(_ name: String, _ value: Amount) {
    that((0...Self.maxAmount).contains(value.satoshi), "\(name): \(value.satoshi) satoshi")
  }

  mutating func finite(_ name: String, _ value: Double) { that(value.isFinite, "\(name): \(value)") }

  mutating func tiers<Value>(
    _ name: String, _ values: TierValues<Value>, _ each: (inout Plausibility, String, Value) -> Void
  ) {
    for tier in Tier.allCases { each(&self, "\(name).\(tier)", values[tier]) }
  }

  mutating func summary(_ name: String, _ summary: Summary) {
    count("\(name).count", summary.count)
    for (field, value) in [
      ("mean", summary.mean), ("min", summary.min), ("max", summary.max), ("p5", summary.p5), ("p25", summary.p25),
      ("p50", summary.p50), ("p75", summary.p75), ("p95", summary.p95),
    ] {
      finite("\(name).\(field)", value)
    }
  }

  /// One sample; `apps` says whether it must carry the market's fields, `economics`
  /// whether it may carry a node's economics (the first sample of such a job has none).
  mutating func sample(_ row: SampleRow, _ name: String, apps: Bool, economics: Bool) {
    height("\(name).height", row.height)
    time("\(name).time", row.time)
    amount("\(name).supply", row.supply)
    amount("\(name).subsidy", row.subsidy)
    amount("\(name).devFund", row.devFund)
    amount("\(name).miner", row.miner)
    amount("\(name).funds", row.funds)
    amount("\(name).collateralLocked", row.collateralLocked)
    tiers("\(name).paid", row.paid) { $0.amount($1, $2) }
    tiers("\(name).sincePaid", row.sincePaid) { check, tier, since in
      guard let since else { return }
      check.finite("\(tier).p50", since.p50)
      check.finite("\(tier).p95", since.p95)
      check.count("\(tier).max", since.max)
    }
    tiers("\(name).nodes", row.nodes) { check, tier, nodes in
      for (field, value) in [
        ("confirmed", nodes.confirmed), ("offline", nodes.offline), ("starting", nodes.starting),
        ("dosListed", nodes.dosListed), ("expired", nodes.expired),
      ] {
        check.count("\(tier).\(field)", value)
      }
    }
    finite("\(name).onlineShare", row.onlineShare)
    finite("\(name).meanBlockInterval", row.meanBlockInterval)
    finite("\(name).difficulty", row.difficulty)
    that((row.apps != nil) == apps, "\(name).apps: \(apps ? "missing, though the job has apps" : "present")")
    if let market = row.apps { self.market(market, "\(name).apps") }
    that(row.economics == nil || economics, "\(name).economics: present, though the job has no economics")
    if let price = row.fluxUSD { finite("\(name).fluxUSD", price) }
    if let perTier = row.economics {
      tiers("\(name).economics", perTier) { check, tier, money in
        for (field, value) in [
          ("incomeFLUX", money.incomeFLUX), ("incomeUSD", money.incomeUSD), ("hostingUSD", money.hostingUSD),
          ("opportunityUSD", money.opportunityUSD), ("profitUSD", money.profitUSD),
          ("collateralUSD", money.collateralUSD), ("roiPerYear", money.roiPerYear),
          ("paybackMonths", money.paybackMonths ?? 0),
        ] {
          check.finite("\(tier).\(field)", value)
        }
      }
    }
  }

  mutating func market(_ market: AppSample, _ name: String) {
    for (field, value) in [
      ("appsRunning", market.appsRunning), ("appsWaiting", market.appsWaiting),
      ("instancesRunning", market.instancesRunning), ("instancesWaiting", market.instancesWaiting),
      ("registered", market.registered),
    ] {
      count("\(name).\(field)", value)
    }
    tiers("\(name).utilization", market.utilization) { check, tier, use in
      for (field, value) in [("cpu", use.cpu), ("ram", use.ram), ("hdd", use.hdd)] {
        check.finite("\(tier).\(field)", value)
      }
    }
    amount("\(name).revenue", market.revenue)
    amount("\(name).revenueNeverPlaced", market.revenueNeverPlaced)
    finite("\(name).revenueUSD", market.revenueUSD)
    tiers("\(name).toNodes", market.toNodes) { $0.amount($1, $2) }
    amount("\(name).toFoundation", market.toFoundation)
  }
}
