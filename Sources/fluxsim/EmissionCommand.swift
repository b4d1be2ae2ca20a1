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
      each reduction, fund outputs, split changes, the rules file's scheduled changes) and per \
      calendar year end through 2060. \
      Dates are projected with each era's block spacing from the rules' time anchor. Heights \
      go from 0 to 2147483647; a table has at most 1000000 rows.
      """)

  @OptionGroup var rulesOptions: RulesOptions

  @Option(help: "Exact rows at these heights, comma-separated (e.g. 1,2,2020000), each 0 … 2147483647.")
  var heights: HeightList?

  @Option(help: "A row every N blocks (1 … 2147483647) from genesis instead of the rule-change rows.")
  var every: Int?

  @Option(help: "Last height shown, 0 … 2147483647 (default: the last block of 2060).")
  var toHeight: Int?

  @Option(help: "Output format: csv or markdown.")
  var format: OutputFormat = .csv

  func validate() throws {
    do { try check() } catch { throw error.reported() }
  }

  /// The options' ranges and combinations.
  private func check() throws(OptionMistake) {
    if let every, !(1...ChainParams.maxHeight).contains(every) {
      throw OptionMistake("--every must be a number of blocks from 1 to \(ChainParams.maxHeight), found \(every)")
    }
    if let toHeight, !(0...ChainParams.maxHeight).contains(toHeight) {
      throw OptionMistake("--to-height must be a height from 0 to \(ChainParams.maxHeight), found \(toHeight)")
    }
    guard let heights else { return }
    _ = try heights.heights.get()
    if every != nil { throw OptionMistake("--heights and --every exclude each other") }
    if toHeight != nil {
      throw OptionMistake("--heights and --to-height exclude each other: --heights prints exactly the heights it names")
    }
  }

  func run() throws {
    let (rules, mode) = try rulesOptions.load()
    let params = rules.params
    let limit = toHeight ?? params.lastHeight(throughYear: 2060)
    if let every, limit / every + 1 > EmissionTable.maxRows {
      // The other tables are bounded by the rules: at most 10,000 fund payments, 10,001
      // PoN stretches, 64 halvings and a year end per year of the clock.
      throw OptionMistake(
        "--every \(every) through height \(limit) would print \(limit / every + 1) rows; a table has at most "
          + "\(EmissionTable.maxRows): raise --every or lower --to-height"
      ).reported()
    }
    let schedule = SupplySchedule(params: params, mode: mode)
    if format == .markdown { print(EmissionHeader.markdown(rules: rules, mode: mode)) }
    if let every {
      // Streamed in chunks of 10,000 rows, so that a large table never becomes one huge string.
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
      // Every height asked for is shown, labelled with the events the full schedule has there.
      let all =
        schedule.ruleChangeEvents(through: ChainParams.maxHeight)
        + schedule.yearEndEvents(through: params.yearOfMaxHeight)
      var labels: [Int: [String]] = [:]
      for event in all { labels[event.height, default: []].append(event.label) }
      events = try heights.heights.get().map {
        EmissionEvent(height: $0, label: labels[$0, default: []].joined(separator: "; "))
      }
    } else {
      let lastYear = UTCTime.components(params.projectedTime(at: limit)).year
      events = (schedule.ruleChangeEvents(through: limit) + schedule.yearEndEvents(through: lastYear))
        .filter { $0.height <= limit }
    }
    emit(EmissionTable.table(schedule.emissionRows(events)), header: true)
  }

  private func emit(_ table: Table, header: Bool) {
    print(format == .csv ? table.csv(header: header) : table.markdown(header: header), terminator: "")
  }
}
