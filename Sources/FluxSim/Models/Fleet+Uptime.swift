import FluxCore

/// Uptime: each node alternates online and offline periods drawn from the job's
/// distributions. A confirmed node that is offline still holds its place and is still
/// paid, but cannot produce; if its last confirm lapses (expiry, §4.2) before it is back
/// it is removed and must START again at the back of its list.
extension Simulation {
  /// Handles an uptime flip.
  mutating func flipUptime(_ node: Int, generation: UInt32) {
    guard fleet.nodes[node].uptimeGeneration == generation, fleet.nodes[node].state != .exited,
      let uptime = config.fleet.uptime
    else { return }
    if fleet.nodes[node].online {
      goOffline(node)
      schedule(
        .uptime(node: Int32(node), generation: fleet.nodes[node].uptimeGeneration), after: uptime.offline.sample(stream)
      )
    } else {
      goOnline(node)
      schedule(
        .uptime(node: Int32(node), generation: fleet.nodes[node].uptimeGeneration), after: uptime.online.sample(stream))
    }
  }

  mutating func goOffline(_ node: Int) {
    fleet.setOnline(node, false)
    guard fleet.nodes[node].state == .confirmed else { return }
    // Its last confirm is the latest scheduled one; it lapses at the era's expiry height.
    let expiry = params.expiryHeight(lastConfirm: lastConfirm(node, at: chain.height))
    schedule(
      .expireIfOffline(node: Int32(node), outage: fleet.nodes[node].uptimeGeneration),
      atHeight: max(expiry, chain.height + 1), .removals)
  }

  mutating func goOnline(_ node: Int) {
    fleet.setOnline(node, true)
    switch fleet.nodes[node].state {
    case .confirmed:
      // Back before expiry: it confirms in the next block if its interval has passed.
      let next = chain.height + 1
      if next - lastConfirm(node, at: chain.height) > params.nodeTimers(at: next).minConfirmInterval {
        fleet.nodes[node].confirmAnchor = next
      }
      // Back online, it polls for apps again.
      market.offer(node, fleet: fleet, now: chain.now, height: chain.height)
      resumeIfStalled()
    case .expired:
      fleet.setState(node, .pending)
      scheduleStart(node)
    case .pending:
      scheduleStart(node)
    case .started, .dosListed, .exited:
      break
    }
  }
}
