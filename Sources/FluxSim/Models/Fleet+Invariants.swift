import FluxCore

/// Bookkeeping checks: every count the models keep incrementally, recomputed from
/// scratch. Tests call this after runs; a non-empty answer is a bug in the engine.
extension Simulation {
  /// Descriptions of every inconsistency found (empty when all is consistent).
  func invariantViolations() -> [String] {
    var problems: [String] = []
    var confirmed = [0, 0, 0]
    var offline = [0, 0, 0]
    var producers = 0
    for (id, node) in fleet.nodes.enumerated() {
      let tier = node.tier.index
      let queued = fleet.queue(tier).contains(node: id)
      if node.state == .confirmed {
        confirmed[tier] += 1
        if node.online { producers += 1 } else { offline[tier] += 1 }
        if !queued { problems.append("confirmed node \(id) is not in its payee list") }
      } else if queued {
        problems.append("node \(id) in state \(node.state) is in a payee list")
      }
      if fleet.producers.contains(id) != (node.state == .confirmed && node.online) {
        problems.append("node \(id) producer membership disagrees with its state")
      }
    }
    for tier in Tier.allCases {
      let index = tier.index
      if confirmed[index] != fleet.counts[index][NodeState.confirmed.rawValue] {
        problems.append(
          "\(tier): \(confirmed[index]) confirmed nodes, counted \(fleet.counts[index][NodeState.confirmed.rawValue])")
      }
      if fleet.queue(index).count != confirmed[index] {
        problems.append("\(tier): payee list holds \(fleet.queue(index).count), \(confirmed[index]) confirmed")
      }
      if offline[index] != fleet.offlineConfirmed[index] {
        problems.append("\(tier): \(offline[index]) offline confirmed, counted \(fleet.offlineConfirmed[index])")
      }
      let total = fleet.counts[index].reduce(0, +)
      let nodes = fleet.nodes.filter { $0.tier == tier }.count
      if total != nodes { problems.append("\(tier): state counts sum to \(total), \(nodes) nodes") }
    }
    if producers != fleet.producers.count {
      problems.append("\(producers) online confirmed nodes, producer set holds \(fleet.producers.count)")
    }
    let expected = SupplySchedule(params: params, mode: config.supplyMode).cumulativeSupply(through: chain.height)
    if chain.supply != expected {
      problems.append("supply \(chain.supply) at height \(chain.height), FluxCore says \(expected)")
    }
    return problems
  }
}
