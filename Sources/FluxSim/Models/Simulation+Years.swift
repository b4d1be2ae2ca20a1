import FluxCore

/// Calendar years: an event at the last second of each year (23:59:59 UTC on 31
/// December) records the year after every block stamped in it and before any of the next
/// (at equal times a block comes before an event), so a year's figures are exact
/// whatever the sampling; the year a job ends inside is recorded at its end.
extension Simulation {
  /// The open year's last second has come: record it and open the next.
  mutating func endYear() {
    recordYear(until: metrics.openYear.end, reachedEnd: true)
    scheduleYearEnd()
  }

  /// Schedules the end of the open year, unless nothing can happen before the job's end
  /// any more (a stalled chain with no event due): such a job would otherwise record
  /// empty years up to the last date a run may reach.
  mutating func scheduleYearEnd() {
    guard min(nextBlockTime ?? .max, events.peekKey ?? .max) <= endTime else { return }
    events.schedule(.yearEnd, at: metrics.openYear.end - 1)
  }

  /// Records the open year at the tip, the job having covered it up to `until`
  /// (exclusive), with the FLUX price averaged over that part for jobs with economics.
  mutating func recordYear(until: Int64, reachedEnd: Bool) {
    let from = metrics.openYear.coveredFrom
    let meanUSD = price?.meanUSD(from: from, to: min(until, metrics.openYear.end))
    metrics.closeYear(
      chain: chain, fleet: fleet, appShare: market.ledger.toNodes, until: until, reachedEnd: reachedEnd,
      meanFluxUSD: meanUSD)
  }
}
