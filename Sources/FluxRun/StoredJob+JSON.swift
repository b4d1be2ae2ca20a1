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
      json.key("index")
      json.int(index)
      json.key("point")
      json.int(point)
      json.key("replication")
      json.int(replication)
      json.key("result")
      try result.write(to: &json)
      json.key("seed")
      json.unsigned(seed)
    }
  }
}

extension JobResult {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("blocks")
      json.int(blocks)
      json.key("milestones")
      json.array(milestones) { json, milestone in milestone.write(to: &json) }
      json.key("payouts")
      try payouts.write(to: &json) { json, stats in try stats.write(to: &json) }
      json.key("poolIncome")
      json.array(poolIncome) { json, pool in pool.write(to: &json) }
      json.key("producedBlocks")
      producedBlocks.write(to: &json) { json, count in json.int(count) }
      json.key("seed")
      json.unsigned(seed)
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
      json.key("collateralLocked")
      json.integer(collateralLocked.satoshi)
      json.key("devFund")
      json.integer(devFund.satoshi)
      json.key("difficulty")
      try json.double(difficulty)
      if let economics {
        json.key("economics")
        try economics.write(to: &json) { json, tier in try tier.write(to: &json) }
      }
      if let fluxUSD {
        json.key("fluxUSD")
        try json.double(fluxUSD)
      }
      json.key("funds")
      json.integer(funds.satoshi)
      json.key("height")
      json.int(height)
      json.key("meanBlockInterval")
      try json.double(meanBlockInterval)
      json.key("miner")
      json.integer(miner.satoshi)
      json.key("nodes")
      nodes.write(to: &json) { json, counts in counts.write(to: &json) }
      json.key("onlineShare")
      try json.double(onlineShare)
      json.key("paid")
      paid.write(to: &json)
      json.key("sincePaid")
      try sincePaid.write(to: &json) { json, since in
        if let since { try since.write(to: &json) } else { json.null() }
      }
      json.key("subsidy")
      json.integer(subsidy.satoshi)
      json.key("supply")
      json.integer(supply.satoshi)
      json.key("time")
      json.integer(time)
    }
  }
}

extension NodeCounts {
  func write(to json: inout JSONText) {
    json.object { json in
      json.key("confirmed")
      json.int(confirmed)
      json.key("dosListed")
      json.int(dosListed)
      json.key("expired")
      json.int(expired)
      json.key("offline")
      json.int(offline)
      json.key("starting")
      json.int(starting)
    }
  }
}

extension SincePaid {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("max")
      json.int(max)
      json.key("p50")
      try json.double(p50)
      json.key("p95")
      try json.double(p95)
    }
  }
}

extension AppSample {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("appsRunning")
      json.int(appsRunning)
      json.key("appsWaiting")
      json.int(appsWaiting)
      json.key("instancesRunning")
      json.int(instancesRunning)
      json.key("instancesWaiting")
      json.int(instancesWaiting)
      json.key("registered")
      json.int(registered)
      json.key("revenue")
      json.integer(revenue.satoshi)
      json.key("revenueNeverPlaced")
      json.integer(revenueNeverPlaced.satoshi)
      json.key("revenueUSD")
      try json.double(revenueUSD)
      json.key("toFoundation")
      json.integer(toFoundation.satoshi)
      json.key("toNodes")
      toNodes.write(to: &json)
      json.key("utilization")
      try utilization.write(to: &json) { json, use in
        try json.object { json in
          json.key("cpu")
          try json.double(use.cpu)
          json.key("hdd")
          try json.double(use.hdd)
          json.key("ram")
          try json.double(use.ram)
        }
      }
    }
  }
}

extension TierEconomics {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("collateralUSD")
      try json.double(collateralUSD)
      json.key("hostingUSD")
      try json.double(hostingUSD)
      json.key("incomeFLUX")
      try json.double(incomeFLUX)
      json.key("incomeUSD")
      try json.double(incomeUSD)
      json.key("opportunityUSD")
      try json.double(opportunityUSD)
      if let paybackMonths {
        json.key("paybackMonths")
        try json.double(paybackMonths)
      }
      json.key("profitUSD")
      try json.double(profitUSD)
      json.key("roiPerYear")
      try json.double(roiPerYear)
    }
  }
}

extension Milestone {
  func write(to json: inout JSONText) {
    json.object { json in
      json.key("height")
      json.int(height)
      json.key("label")
      json.string(label)
      json.key("time")
      json.integer(time)
    }
  }
}

extension PoolIncome {
  func write(to json: inout JSONText) {
    json.object { json in
      json.key("income")
      json.integer(income.satoshi)
      json.key("name")
      json.string(name)
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
      json.key("totalPaid")
      json.integer(totalPaid.satoshi)
    }
  }
}

extension Summary {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("count")
      json.int(count)
      json.key("max")
      try json.double(max)
      json.key("mean")
      try json.double(mean)
      json.key("min")
      try json.double(min)
      json.key("p25")
      try json.double(p25)
      json.key("p5")
      try json.double(p5)
      json.key("p50")
      try json.double(p50)
      json.key("p75")
      try json.double(p75)
      json.key("p95")
      try json.double(p95)
    }
  }
}

extension YearEnd {
  func write(to json: inout JSONText) throws {
    try json.object { json in
      json.key("appShare")
      appShare.write(to: &json)
      json.key("blocks")
      json.int(blocks)
      json.key("confirmed")
      confirmed.write(to: &json) { json, count in json.int(count) }
      json.key("devFund")
      json.integer(devFund.satoshi)
      if let firstTime {
        json.key("firstTime")
        json.integer(firstTime)
      }
      json.key("funds")
      json.integer(funds.satoshi)
      json.key("height")
      json.int(height)
      json.key("locked")
      locked.write(to: &json)
      json.key("lockingNodes")
      lockingNodes.write(to: &json) { json, count in json.int(count) }
      if let meanFluxUSD {
        json.key("meanFluxUSD")
        try json.double(meanFluxUSD)
      }
      json.key("miner")
      json.integer(miner.satoshi)
      json.key("nodeBlocks")
      nodeBlocks.write(to: &json) { json, count in json.int(count) }
      json.key("paid")
      paid.write(to: &json)
      json.key("reachedEnd")
      json.bool(reachedEnd)
      json.key("seconds")
      json.integer(seconds)
      json.key("supply")
      json.integer(supply.satoshi)
      json.key("time")
      json.integer(time)
      json.key("year")
      json.int(year)
    }
  }
}
