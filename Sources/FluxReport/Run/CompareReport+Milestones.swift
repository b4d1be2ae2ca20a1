import FluxCore
import FluxSim

extension CompareReport {
  /// What a compared column would record as milestones: its rules' changes after its
  /// start (each event on its own: a job joins the events of one height into one label),
  /// and its supply levels.
  struct TrackedMilestones {
    /// Rule-change events by label, with their heights.
    var rules: [String: Int] = [:]
    var supply: Set<String> = []

    init(_ config: JobConfig) {
      let start: Int
      if case .tip(let tip) = config.start { start = tip.height } else { start = 0 }
      let schedule = SupplySchedule(params: config.rules.params, mode: config.supplyMode)
      for event in schedule.ruleChangeEvents(through: ChainParams.maxHeight) where event.height > start {
        rules[event.label] = min(rules[event.label] ?? .max, event.height)
      }
      supply = Set(config.supplyMilestones.map(Milestone.supplyLabel))
    }

    func tracks(_ label: String) -> Bool { rules[label] != nil || supply.contains(label) }

    /// The date `result` reached the milestone `label`: a rule event's height was reached
    /// when any milestone is at that height (events of one block share its label and time).
    func time(_ label: String, in result: JobResult) -> Int64? {
      if let height = rules[label] { return result.milestones.first { $0.height == height }?.time }
      return result.milestones.first { $0.label == label }?.time
    }
  }

  /// The milestones any column reached, in order of height (then label), and the supply
  /// levels any column tracks, after them: each column's p50 date, or "not reached"
  /// (tracked, reached by no replication), or "not tracked" (not among its rules' events
  /// or supply levels: a change another scenario schedules), and the difference to the
  /// first column in days.
  static func milestones(_ columns: [CompareColumn]) -> String {
    let tracked = columns.map { TrackedMilestones($0.config) }
    var first: [String: Int] = [:]
    for label in tracked.flatMap(\.supply) { first[label] = .max }
    for (column, milestones) in zip(columns, tracked) {
      for result in column.aggregate.results {
        for milestone in result.milestones {
          // A block's rule events, joined into one label by the job, each on its own.
          let events = milestones.rules.filter { $0.value == milestone.height }.map(\.key)
          let supply = milestones.supply.contains(milestone.label)
          for label in supply || events.isEmpty ? [milestone.label] : events {
            first[label] = min(first[label] ?? .max, milestone.height)
          }
        }
      }
    }
    let labels = first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }
    let rows = labels.map { label -> [String] in
      let dates = zip(columns, tracked).map { column, milestones -> Summary? in
        guard milestones.tracks(label) else { return nil }
        return column.aggregate.spread { milestones.time(label, in: $0).map(Double.init) }
      }
      let cells = dates.map { date -> String in
        guard let date else { return "not tracked" }
        return date.count == 0 ? "not reached" : Format.day(Int64(date.p50))
      }
      let deltas = dates.map { date -> String in
        guard let date, date.count > 0, let reference = dates[0], reference.count > 0 else { return "" }
        return Format.fixed((date.p50 - reference.p50) / 86_400, 1)
      }
      return [label] + withDeltas(cells, deltas)
    }
    let names = columns.map(\.markdownName)
    let header = ["milestone"] + withDeltas(names, names.map { "Δ days \($0)" })
    return Table(columns: header, rows: rows, textColumns: ["milestone"]).markdown() + "\n"
  }
}
