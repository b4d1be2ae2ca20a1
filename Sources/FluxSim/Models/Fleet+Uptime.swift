import FluxCore

/// Uptime: each node alternates online and offline periods drawn from the job's
/// distributions. A confirmed node that is offline still holds its place and is still
/// paid, but cannot produce; if its last confirm lapses (expiry, §4.2) before it is back
/// it is removed and must START again at the back of its list.
///
/// A flip is two calls, `flipUptime` and then `scheduleUptime`, with the simulation's
/// reaction to the first between them: block production resumes (a draw from the same
/// stream) before the next period is drawn, as it always has.
extension Fleet {
  /// Flips `node` for its uptime event of `generation`; nil when the event is stale (the
  /// node flipped since, or left) and nothing changed.
  mutating func flipUptime(
    _ node: Int, generation: UInt32, tip: Int, actions: inout EventQueue<HeightAction>
  ) -> FleetChange? {
    guard nodes[node].uptimeGeneration == generation, nodes[node].state != .exited, rules.config.uptime != nil
    else { return nil }
    if nodes[node].online {
      goOffline(node, tip: tip, actions: &actions)
      return FleetChange.none
    }
    return goOnline(node, tip: tip, actions: &actions)
  }

  /// Schedules `node`'s next flip after a period of its current state (none without uptime).
  mutating func scheduleUptime(_ node: Int, now: Int64, events: inout EventQueue<Event>) {
    guard let uptime = rules.config.uptime else { return }
    let period = nodes[node].online ? uptime.online : uptime.offline
    events.schedule(
      .uptime(node: Int32(node), generation: nodes[node].uptimeGeneration),
      at: Checked.time(after: period.sample(rules.stream), from: now))
  }

  /// `node` goes offline after block `tip`: a confirmed node expires at the era's expiry
  /// height of its last confirm unless it is back before.
  mutating func goOffline(_ node: Int, tip: Int, actions: inout EventQueue<HeightAction>) {
    setOnline(node, false)
    guard nodes[node].state == .confirmed else { return }
    // Its last confirm is the latest scheduled one; it lapses at the era's expiry height.
    let expiry = rules.book.expiryHeight(lastConfirm: lastConfirm(node, at: tip))
    actions.schedule(
      .expireIfOffline(node: Int32(node), outage: nodes[node].uptimeGeneration),
      at: BlockPhase.removals.key(max(expiry, tip + 1)))
  }

  /// `node` comes back online after block `tip`: a confirmed node produces again, an
  /// expired or pending one STARTs.
  mutating func goOnline(_ node: Int, tip: Int, actions: inout EventQueue<HeightAction>) -> FleetChange {
    setOnline(node, true)
    switch nodes[node].state {
    case .confirmed:
      // Back before expiry: it confirms in the next block if its interval has passed.
      let next = tip + 1
      if next - lastConfirm(node, at: tip) >= rules.book.confirmPeriod(at: next) {
        nodes[node].confirmAnchor = next
      }
      // Back online, it polls for apps again.
      return .enteredService(node: node, height: tip)
    case .expired:
      setState(node, .pending)
      scheduleStart(node, tip: tip, actions: &actions)
    case .pending:
      scheduleStart(node, tip: tip, actions: &actions)
    case .started, .dosListed, .exited:
      break
    }
    return .none
  }
}
