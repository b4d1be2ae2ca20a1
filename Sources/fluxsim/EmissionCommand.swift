import ArgumentParser
import FluxCore
import FluxReport

/// `fluxsim emission`: the exact emission schedule as CSV or Markdown.
struct EmissionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emission",
    abstract: "Print the exact emission schedule.",
    discussion: """
      By default one row per rule change (halvings, the frozen third halving, PoN start and \
      each reduction, fund outputs, split changes) and per calendar year end through 2060. \
      Dates are projected with each era's block spacing from the rules' time anchor.
      """)

  @OptionGroup var rulesOptions: RulesOptions

  @Option(help: "Exact rows at these heights, comma-separated (e.g. 1,2,2020000).")
  var heights: HeightList?

  @Option(help: "A row every N blocks from genesis instead of the rule-change rows.")
  var every: Int?

  @Option(help: "Last height shown (default: the last block of 2060).")
  var toHeight: Int?

  @Option(help: "Output format: csv or markdown.")
  var format: OutputFormat = .csv

  func validate() throws {
    if let every, every <= 0 { throw ValidationError("--every must be a positive number of blocks, found \(every)") }
    if heights != nil, every != nil { throw ValidationError("--heights and --every exclude each other") }
    if let toHeight, toHeight < 0 { throw ValidationError("--to-height must be ≥ 0, found \(toHeight)") }
  }

  func run() throws {
    let (rules, mode) = try rulesOptions.load()
    let schedule = SupplySchedule(params: rules.params, mode: mode)
    let limit =
      toHeight ?? rules.params.projectedHeight(atOrBefore: UTCTime.seconds(.init(year: 2061, month: 1, day: 1)) - 1)
    if format == .markdown { print(EmissionHeader.markdown(rules: rules, mode: mode)) }
    if let every {
      // Streamed in chunks: --every 1 over 40 million blocks must not build one huge string.
      var start = 0
      var first = true
      while start <= limit {
        let end = min(limit, start + every * 9_999)
        let rows = stride(from: start, through: end, by: every).map { schedule.emissionRow(at: $0) }
        emit(EmissionTable.table(rows), header: first)
        first = false
        start = end + every
      }
      return
    }
    let events: [EmissionEvent]
    if let heights {
      let labels = schedule.ruleChangeEvents(through: Int.max) + schedule.yearEndEvents(through: 9_999)
      events = heights.heights.filter { $0 <= limit }.map { height in
        EmissionEvent(height: height, label: labels.filter { $0.height == height }.map(\.label).joined(separator: "; "))
      }
    } else {
      let lastYear = UTCTime.components(rules.params.projectedTime(at: limit)).year
      events = (schedule.ruleChangeEvents(through: limit) + schedule.yearEndEvents(through: lastYear))
        .filter { $0.height <= limit }
    }
    emit(EmissionTable.table(schedule.emissionRows(events)), header: true)
  }

  private func emit(_ table: Table, header: Bool) {
    print(format == .csv ? table.csv(header: header) : table.markdown(header: header), terminator: "")
  }
}
