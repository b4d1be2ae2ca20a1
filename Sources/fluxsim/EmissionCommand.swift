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

  @Option(
    parsing: .unconditional,
    help: "A row every N blocks (1 … 2147483647) from genesis instead of the rule-change rows.",
    transform: { try OptionValue.integer($0, expected: "a number of blocks from 1 to \(ChainParams.maxHeight)") })
  var every: Int?

  @Option(
    parsing: .unconditional, help: "Last height shown, 0 … 2147483647 (default: the last block of 2060).",
    transform: { try OptionValue.integer($0, expected: "a height from 0 to \(ChainParams.maxHeight)") })
  var toHeight: Int?

  @Option(
    help: """
      Output format: csv, markdown or json (an array of records with the CSV's columns as keys; heights as \
      numbers, amounts as strings with the CSV's exact 8 decimals).
      """)
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
    var printer = Printer(format: format)
    defer { printer.end() }
    if let every {
      // Streamed in chunks of 10,000 rows, so that a large table never becomes one huge string.
      var start = 0
      while start <= limit {
        let end = min(limit, start + every * 9_999)
        let rows = stride(from: start, through: end, by: every).map { schedule.emissionRow(at: $0) }
        printer.print(EmissionTable.table(rows))
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
    printer.print(EmissionTable.table(schedule.emissionRows(events)))
  }

  /// Prints a table in chunks: the header (CSV, Markdown) or the opening bracket (JSON)
  /// with the first, the closing bracket at the end.
  struct Printer {
    let format: OutputFormat
    private var records = 0

    init(format: OutputFormat) { self.format = format }

    mutating func print(_ table: Table) {
      let first = records == 0
      switch format {
      case .csv: Swift.print(table.csv(header: first), terminator: "")
      case .markdown: Swift.print(table.markdown(header: first), terminator: "")
      case .json:
        let lines = EmissionTable.jsonRecords(table)
        guard !lines.isEmpty else { return }
        Swift.print((first ? "[\n" : ",\n") + lines.joined(separator: ",\n"), terminator: "")
      }
      records += table.rows.count
    }

    func end() {
      if format == .json { Swift.print(records == 0 ? "[]" : "\n]") }
    }
  }
}
