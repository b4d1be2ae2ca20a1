import FluxCore
import FluxSim

// A job file's JSON, type by type, with each type's members in its keys' byte order (the
// order `.sortedKeys` gives) and its optionals as the synthesized `Codable` writes them:
// an optional member left out when nil, a `TierValues` of optionals with `null` (its
// members are of the generic type, which the synthesized code encodes as it is).
// `JobFileJSONTests` compares the bytes with `JSONEncoder`'s on results that carry every
// member, so a member added to a type and not here fails there.

extension StoredJob {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.int("index", index)
      json.int("point", point)
      json.int("replication", replication)
      json.key("result")
      try result.write(to: &json)
      json.unsigned("seed", seed)
    }
  }
}

extension JobResult {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.int("blocks", blocks)
      json.key("milestones")
      json.array(milestones) { json, milestone in milestone.write(to: &json) }
      json.key("payouts")
      try payouts.write(to: &json) { json, stats in try stats.write(to: &json) }
      json.key("poolIncome")
      json.array(poolIncome) { json, pool in pool.write(to: &json) }
      json.key("producedBlocks")
      producedBlocks.write(to: &json) { json, count in json.int(count) }
      json.unsigned("seed", seed)
      json.key("series")
      try json.array(series) { json, row in try row.write(to: &json) }
      json.key("yearEnds")
      try json.array(yearEnds) { json, year in try year.write(to: &json) }
    }
  }
}

extension TierValues {
  func write(to json: inout JSONText, _ value: (inout JSONText, Value) throws -> Void) rethrows {
    try json.object { json in
      json.key("cumulus")
      try value(&json, cumulus)
      json.key("nimbus")
      try value(&json, nimbus)
      json.key("stratus")
      try value(&json, stratus)
    }
  }
}

extension TierValues<Amount> {
  func write(to json: inout JSONText) { write(to: &json) { json, amount in json.integer(amount.satoshi) } }
}

extension SampleRow {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      if let apps {
        json.key("apps")
        try apps.write(to: &json)
      }
      json.integer("collateralLocked", collateralLocked.satoshi)
      json.integer("devFund", devFund.satoshi)
      try json.double("difficulty", difficulty)
      if let economics {
        json.key("economics")
        try economics.write(to: &json) { json, tier in try tier.write(to: &json) }
      }
      if let fluxUSD {
        try json.double("fluxUSD", fluxUSD)
      }
      json.integer("funds", funds.satoshi)
      json.int("height", height)
      try json.double("meanBlockInterval", meanBlockInterval)
      json.integer("miner", miner.satoshi)
      json.key("nodes")
      nodes.write(to: &json) { json, counts in counts.write(to: &json) }
      try json.double("onlineShare", onlineShare)
      json.key("paid")
      paid.write(to: &json)
      json.key("sincePaid")
      try sincePaid.write(to: &json) { json, since in
        if let since { try since.write(to: &json) } else { json.null() }
      }
      json.integer("subsidy", subsidy.satoshi)
      json.integer("supply", supply.satoshi)
      json.integer("time", time)
    }
  }
}

extension NodeCounts {
  func write(to json: inout JSONText) {
    json.object { json in
      json.int("confirmed", confirmed)
      json.int("dosListed", dosListed)
      json.int("expired", expired)
      json.int("offline", offline)
      json.int("starting", starting)
    }
  }
}

extension SincePaid {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.int("max", max)
      try json.double("p50", p50)
      try json.double("p95", p95)
    }
  }
}

extension AppSample {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.int("appsRunning", appsRunning)
      json.int("appsWaiting", appsWaiting)
      json.int("instancesRunning", instancesRunning)
      json.int("instancesWaiting", instancesWaiting)
      json.int("registered", registered)
      json.integer("revenue", revenue.satoshi)
      json.integer("revenueNeverPlaced", revenueNeverPlaced.satoshi)
      try json.double("revenueUSD", revenueUSD)
      json.integer("toFoundation", toFoundation.satoshi)
      json.key("toNodes")
      toNodes.write(to: &json)
      json.key("utilization")
      try utilization.write(to: &json) { json, use in
        try json.object { json in
          try json.double("cpu", use.cpu)
          try json.double("hdd", use.hdd)
          try json.double("ram", use.ram)
        }
      }
    }
  }
}

extension TierEconomics {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      try json.double("collateralUSD", collateralUSD)
      try json.double("hostingUSD", hostingUSD)
      try json.double("incomeFLUX", incomeFLUX)
      try json.double("incomeUSD", incomeUSD)
      try json.double("opportunityUSD", opportunityUSD)
      if let paybackMonths {
        try json.double("paybackMonths", paybackMonths)
      }
      try json.double("profitUSD", profitUSD)
      try json.double("roiPerYear", roiPerYear)
    }
  }
}

extension Milestone {
  func write(to json: inout JSONText) {
    json.object { json in
      json.int("height", height)
      json.string("label", label)
      json.integer("time", time)
    }
  }
}

extension PoolIncome {
  func write(to json: inout JSONText) {
    json.object { json in
      json.integer("income", income.satoshi)
      json.string("name", name)
    }
  }
}

extension PayoutStats {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("blocksSincePaid")
      try blocksSincePaid.write(to: &json)
      json.key("incomePerNode")
      try incomePerNode.write(to: &json)
      json.integer("totalPaid", totalPaid.satoshi)
    }
  }
}

extension Summary {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.int("count", count)
      try json.double("max", max)
      try json.double("mean", mean)
      try json.double("min", min)
      try json.double("p25", p25)
      try json.double("p5", p5)
      try json.double("p50", p50)
      try json.double("p75", p75)
      try json.double("p95", p95)
    }
  }
}

extension YearEnd {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("appShare")
      appShare.write(to: &json)
      json.int("blocks", blocks)
      json.key("confirmed")
      confirmed.write(to: &json) { json, count in json.int(count) }
      json.integer("devFund", devFund.satoshi)
      if let firstTime {
        json.integer("firstTime", firstTime)
      }
      json.integer("funds", funds.satoshi)
      json.int("height", height)
      json.key("locked")
      locked.write(to: &json)
      json.key("lockingNodes")
      lockingNodes.write(to: &json) { json, count in json.int(count) }
      if let meanFluxUSD {
        try json.double("meanFluxUSD", meanFluxUSD)
      }
      json.integer("miner", miner.satoshi)
      json.key("nodeBlocks")
      nodeBlocks.write(to: &json) { json, count in json.int(count) }
      json.key("paid")
      paid.write(to: &json)
      json.bool("reachedEnd", reachedEnd)
      json.integer("seconds", seconds)
      json.integer("supply", supply.satoshi)
      json.integer("time", time)
      json.int("year", year)
    }
  }
}
