import FluxCore
import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `fluxsim compare`'s outputs: compare.csv (and compare.json) hold every chosen metric of
/// every compared column with the values each run's own outputs show, "not tracked" where
/// a scenario does not record a metric or a milestone, and charts that keep identical
/// scenarios visible.
///
/// The simulated runs start on 2026-12-20 so that 75 days cross a year end (2026 is a
/// part-year checkpoint) and reach the first PoN reduction (height 3,071,200, 154,085
/// blocks after the start: 54 days of 30 s blocks, more with outages); one replication
/// each, so a p50 is the run's own value.
@Suite struct CompareOutputTests {
  static let base = """
    name: base
    horizon: 75d
    sample: 1d
    start: { height: 2917115, time: 2026-12-20T00:00:00Z }
    fleet: { nodes: { cumulus: 12, nimbus: 8, stratus: 6 }, churn: { exits: 1/month, joins: 1/month } }
    milestones: { supply: [1000000000] }
    """

  /// The same scenario under another name: the same seed and configuration, so the same results.
  static let twin = base.replacingOccurrences(of: "name: base", with: "name: twin")

  /// The base with a scheduled change (25 days in) and no supply milestone.
  static let cut = """
    name: cut
    horizon: 75d
    sample: 1d
    start: { height: 2917115, time: 2026-12-20T00:00:00Z }
    rules: { changes: [{ name: cut, at: { height: 2990000 }, overrides: { subsidy.pon_factor: 1/2 } }] }
    fleet: { nodes: { cumulus: 12, nimbus: 8, stratus: 6 }, churn: { exits: 1/month, joins: 1/month } }
    """

  static func simulate(_ text: String, name: String) throws -> RunRecord {
    let plan = RunPlan(file: try ScenarioLoader.load(file: "\(name).yaml", text: text))
    return RunRecord(
      plan: plan, results: JobRunner.run(plan.jobs.indices.map(plan.config), workers: 1),
      command: "fluxsim run \(name).yaml")
  }

  // Simulated once for the suite.
  static let baseRun = Result { try simulate(base, name: "base") }
  static let twinRun = Result { try simulate(twin, name: "twin") }
  static let cutRun = Result { try simulate(cut, name: "cut") }

  static func file(_ files: [OutputFile], _ name: String) throws -> String {
    try #require(files.first { $0.name == name }).contents
  }

  /// The metrics with a column per tier.
  static let tiered: Set<String> = [
    "nodes", "income", "yield", "since_paid_p50", "since_paid_p95", "since_paid_max", "app_cpu", "profit", "roi",
  ]

  @Test func csvHoldsEveryMetricOfEveryColumn() throws {
    let base = try Self.baseRun.get()
    let market = try MarketRunFixture.run()
    let files = CompareReport.files([base, market], command: "c", metrics: CompareMetric.all)
    #expect(files.map(\.name) == ["report.md", "compare.csv"] + CompareMetric.all.map { "\($0.name).svg" })
    let csv = TableTests.parseCSV(try Self.file(files, "compare.csv"))
    let names = [
      "supply", "collateral_locked", "supply_not_locked", "issuance", "inflation", "dev_fund", "block_interval",
      "nodes", "income", "yield", "since_paid_p50", "since_paid_p95", "since_paid_max", "app_revenue",
      "app_revenue_to_nodes", "app_cpu", "instances_waiting", "flux_usd", "profit", "roi",
    ]
    let metricColumns = names.flatMap { name in
      (Self.tiered.contains(name) ? ["cumulus", "nimbus", "stratus"].map { "\(name)_\($0)" } : [name])
        .flatMap { stem in ["p5", "p50", "p95"].map { "\(stem)_\($0)" } }
    }
    #expect(csv[0] == ["scenario", "point", "replications", "checkpoint", "year", "time"] + metricColumns)
    #expect(csv.dropFirst().allSatisfy { $0.count == csv[0].count })
    // base: the part of 2026 after 2026-12-20, then the end; market: 2025 (part), 2026, the end.
    #expect(
      csv.dropFirst().map { [$0[0], $0[3], $0[4]] } == [
        ["base", "2026 (part)", "2026"], ["base", "end", "2027"], ["market", "2025 (part)", "2025"],
        ["market", "2026", "2026"], ["market", "end", "2027"],
      ])
    let column = Dictionary(uniqueKeysWithValues: csv[0].enumerated().map { ($1, $0) })
    func cell(_ row: Int, _ name: String) -> String { csv[row][column[name]!] }
    // base recorded neither apps nor economics: every such cell says so; market tracks them.
    let marketColumns = metricColumns.filter { name in
      ["app_", "instances_", "flux_usd", "profit_", "roi_"].contains { name.hasPrefix($0) }
    }
    #expect(marketColumns.count == 3 * (2 + 3 + 1 + 1 + 3 + 3))
    for row in 1...2 { #expect(marketColumns.allSatisfy { cell(row, $0) == "not tracked" }) }
    for row in 3...5 { #expect(marketColumns.allSatisfy { cell(row, $0) != "not tracked" }) }
    // The market's price at the end: 0.875 and 1.125 USD in its two replications (GSL's
    // p5 interpolates 5 % of the way between them).
    #expect(cell(5, "flux_usd_p5") == "0.887500" && cell(5, "flux_usd_p50") == "1.000000")
    #expect(cell(5, "flux_usd_p95") == "1.112500")
    // A yearly total has no value at the end.
    #expect(cell(2, "issuance_p50") == "" && cell(2, "income_cumulus_p50") == "" && cell(2, "yield_nimbus_p50") == "")
  }

  /// With one replication every p5, p50 and p95 is the run's own value, as its series.csv,
  /// summary.csv and report show it.
  @Test func valuesAreEachRunsOwnOutputs() throws {
    let base = try Self.baseRun.get()
    let own = RunOutputs.files(base)
    let series = TableTests.parseCSV(try Self.file(own, "series.csv"))
    let summary = TableTests.parseCSV(try Self.file(own, "summary.csv"))
    let report = try Self.file(own, "report.md")
    let csv = TableTests.parseCSV(
      try Self.file(CompareReport.files([base, base], command: "c", metrics: CompareMetric.all), "compare.csv"))
    let column = Dictionary(uniqueKeysWithValues: csv[0].enumerated().map { ($1, $0) })
    let (year, end) = (csv[1], csv[2])
    #expect(year[3] == "2026 (part)" && end[3] == "end")
    func value(_ row: [String], _ name: String) -> Double { Double(row[column[name]!]) ?? .nan }
    for name in csv[0].dropFirst(6) where name.hasSuffix("_p50") && value(year, name).isFinite {
      let stem = name.dropLast(4)
      #expect(value(year, stem + "_p5") == value(year, name) && value(year, stem + "_p95") == value(year, name))
    }
    // Nodes at the year's last sample and at the end: series.csv's rows.
    let seriesColumn = Dictionary(uniqueKeysWithValues: series[0].enumerated().map { ($1, $0) })
    let yearEnd = try #require(UTCTime.parse("2026-12-31T23:59:59Z"))
    let lastOf2026 = try #require(series.dropFirst().last { UTCTime.parse($0[3])! <= yearEnd })
    for tier in ["cumulus", "nimbus", "stratus"] {
      #expect(value(year, "nodes_\(tier)_p50") == Double(lastOf2026[seriesColumn["confirmed_\(tier)"]!]))
      #expect(value(end, "nodes_\(tier)_p50") == Double(series.last![seriesColumn["confirmed_\(tier)"]!]))
    }
    // Supply at the end: summary.csv's final supply, to the cent.
    let final = try #require(Amount(parsing: summary[1][summary[0].firstIndex(of: "final_supply")!]))
    #expect(end[column["supply_p50"]!] == Format.fixed(Double(final.satoshi) / 1e8, 2))
    // Supply at the end of 2026: the report's year-end table (p5 / p50 / p95 columns).
    let yearRow = try #require(report.split(separator: "\n").first { $0.hasPrefix("| 2026 | base | ") })
    let yearCells = yearRow.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(year[column["supply_p50"]!] == yearCells[3])
    // Issuance in 2026: the year-end supply less series.csv's first row; inflation: ÷ that.
    let startSupply = try #require(Double(series[1][seriesColumn["supply"]!]))
    let issuance = try #require(Double(yearCells[3])) - startSupply
    #expect(abs(value(year, "issuance_p50") - issuance) <= 0.005)
    #expect(abs(value(year, "inflation_p50") - issuance / startSupply * 100) <= 1e-6)
    // Income per node: the report's income table (to the cent).
    let incomeRow = try #require(report.split(separator: "\n").first { $0.hasPrefix("| 2026 (part) | base | ") })
    let incomes = incomeRow.split(separator: "|").dropFirst(2).map {
      Double($0.split(separator: "/")[1].trimmingCharacters(in: .whitespaces))!
    }
    for (tier, income) in zip(["cumulus", "nimbus", "stratus"], incomes) {
      #expect(abs(value(year, "income_\(tier)_p50") - income) <= 0.005)
    }
  }

  /// The token indicators and rotation read the run's own tables: collateral locked and
  /// the supply not locked at the end of 2026 are years.csv's (the engine's year-end
  /// record) and at the end series.csv's last row; the blocks since paid are series.csv's
  /// last row of 2026 and its last row; the yield is years.csv's, as a percentage; the
  /// block interval spans the year's blocks as years.csv bounds them.
  @Test func indicatorsAreEachRunsOwnSeriesAndYears() throws {
    let base = try Self.baseRun.get()
    let own = RunOutputs.files(base)
    let series = TableTests.parseCSV(try Self.file(own, "series.csv"))
    let years = TableTests.parseCSV(try Self.file(own, "years.csv"))
    let names = [
      "collateral_locked", "supply_not_locked", "yield", "since_paid_p50", "since_paid_p95", "since_paid_max",
      "block_interval",
    ]
    let metrics = try CompareMetric.named(names).get()
    let csv = TableTests.parseCSV(
      try Self.file(CompareReport.files([base], command: "c", metrics: metrics), "compare.csv"))
    let column = Dictionary(uniqueKeysWithValues: csv[0].enumerated().map { ($1, $0) })
    let (year, end) = (csv[1], csv[2])
    #expect(year[3] == "2026 (part)" && end[3] == "end" && csv.count == 3)
    func cell(_ row: [String], _ name: String) throws -> String { row[try #require(column[name])] }
    func value(_ row: [String], _ name: String) throws -> Double { try #require(Double(try cell(row, name))) }

    // years.csv's row of 2026 and series.csv's last row of 2026 and last row.
    let yearsColumn = Dictionary(uniqueKeysWithValues: years[0].enumerated().map { ($1, $0) })
    let year2026 = try #require(years.dropFirst().first { $0[yearsColumn["year"]!] == "2026" })
    #expect(year2026[yearsColumn["partial"]!] == "true")
    let seriesColumn = Dictionary(uniqueKeysWithValues: series[0].enumerated().map { ($1, $0) })
    let yearEnd = try #require(UTCTime.parse("2026-12-31T23:59:59Z"))
    let lastOf2026 = try #require(series.dropFirst().last { UTCTime.parse($0[seriesColumn["time"]!])! <= yearEnd })
    let last = try #require(series.last)

    // The mean block interval of 2026: from the start (series.csv's first row) to the
    // year's last block (years.csv's `end`), over the blocks between (its heights).
    let startTime = try #require(UTCTime.parse(series[1][seriesColumn["time"]!]))
    let lastTime = try #require(UTCTime.parse(year2026[yearsColumn["end"]!]))
    let blocks = try #require(Int(year2026[yearsColumn["last_height"]!])) - Int(series[1][seriesColumn["height"]!])!
    #expect(blocks > 0)
    #expect(try abs(value(year, "block_interval_p50") - Double(lastTime - startTime) / Double(blocks)) <= 5e-4)

    // Amounts to the cent, as compare.csv gives FLUX levels; locked + not locked = supply.
    func cents(_ text: String) throws -> String {
      Format.fixed(Double(try #require(Amount(parsing: text)).satoshi) / 1e8, 2)
    }
    for name in ["collateral_locked", "supply_not_locked"] {
      for stat in ["p5", "p50", "p95"] {
        #expect(try cell(year, "\(name)_\(stat)") == cents(year2026[yearsColumn[name]!]))
        #expect(try cell(end, "\(name)_\(stat)") == cents(last[seriesColumn[name]!]))
      }
    }
    let supply = try #require(Amount(parsing: last[seriesColumn["supply"]!]))
    let locked = try #require(Amount(parsing: last[seriesColumn["collateral_locked"]!]))
    #expect(locked > .zero)
    #expect(try cell(end, "supply_not_locked_p50") == Format.fixed(Double((supply - locked).satoshi) / 1e8, 2))

    for tier in ["cumulus", "nimbus", "stratus"] {
      // Rotation: the quantiles at the year's last sample and at the end.
      for quantile in ["p50", "p95", "max"] {
        let name = "since_paid_\(quantile)_\(tier)"
        #expect(try value(year, name + "_p50") == Double(lastOf2026[seriesColumn[name]!]))
        #expect(try value(end, name + "_p50") == Double(last[seriesColumn[name]!]))
      }
      // Yield: years.csv's fraction, itself income ÷ collateral per node, × 100 (compare's
      // six decimals of a percentage are eight of the fraction, which years.csv gives to ten).
      let income = try #require(Double(year2026[yearsColumn["income_\(tier)"]!]))
      let collateral = try #require(Double(year2026[yearsColumn["collateral_\(tier)"]!]))
      let fraction = try #require(Double(year2026[yearsColumn["yield_\(tier)"]!]))
      #expect(collateral > 0 && abs(fraction - income / collateral) <= 1e-9)
      #expect(abs(try value(year, "yield_\(tier)_p50") - fraction * 100) <= 5e-7 + 1e-8)
      #expect(try cell(end, "yield_\(tier)_p50") == "")
    }
  }

  /// compare.json: the same rows and fields: text as strings (an empty sweep label too),
  /// numbers as JSON numbers, other empty cells null.
  @Test func jsonHasTheFieldsOfTheCSV() throws {
    let base = try Self.baseRun.get()
    let market = try MarketRunFixture.run()
    let csv = TableTests.parseCSV(
      try Self.file(CompareReport.files([base, market], command: "c", metrics: CompareMetric.all), "compare.csv"))
    let files = CompareReport.files([base, market], command: "c", metrics: CompareMetric.all, format: .json)
    #expect(files.map(\.name).prefix(2) == ["report.md", "compare.json"])
    let text = try Self.file(files, "compare.json")
    let objects = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(objects.count == csv.count - 1)
    for (object, row) in zip(objects, csv.dropFirst()) {
      #expect(Set(object.keys) == Set(csv[0]))
      for (name, cell) in zip(csv[0], row) {
        let field = object[name]
        if ["scenario", "point", "checkpoint", "time"].contains(name) || (!cell.isEmpty && Double(cell) == nil) {
          #expect(field as? String == cell, "\(name)")
        } else if cell.isEmpty {
          #expect(field is NSNull, "\(name)")
        } else {
          #expect((field as? NSNumber)?.doubleValue == Double(cell), "\(name)")
        }
      }
    }
    // Keys in the CSV's column order.
    let firstLine = try #require(text.split(separator: "\n").dropFirst().first)
    let positions = csv[0].map { firstLine.range(of: "\"\($0)\":")!.lowerBound }
    #expect(positions == positions.sorted())
  }

  /// A milestone only one scenario has is "not tracked" by the other; one it tracks but
  /// never reaches is "not reached".
  @Test func milestonesSayNotTrackedAndNotReached() throws {
    let (base, cut) = (try Self.baseRun.get(), try Self.cutRun.get())
    let report = try Self.file(CompareReport.files([base, cut], command: "c"), "report.md")
    // The first PoN reduction after the start height, by the rules (not the simulation).
    let schedule = SupplySchedule(params: RuleSet(.mainnet).params, mode: .observed)
    let reduction = try #require(
      schedule.ruleChangeEvents(through: 3_100_000).first { $0.height > 2_917_115 && $0.label.hasPrefix("PoN") })
    func date(_ run: RunRecord, _ height: Int) throws -> String {
      Format.day(try #require(run.result(0).milestones.first { $0.height == height }).time)
    }
    let reached = [try date(base, reduction.height), try date(cut, reduction.height)]
    #expect(report.contains("| milestone | base | cut | Δ days cut |"))
    #expect(report.contains("| \(reduction.label) | \(reached[0]) | \(reached[1]) | "))
    #expect(report.contains("| change: cut | not tracked | \(try date(cut, 2_990_000)) |  |"))
    #expect(report.contains("| supply 1000000000.00000000 FLUX | not reached | not tracked |  |"))
  }

  /// Identical scenarios: every chart dashes each one differently and the report names
  /// the lines that coincide; tiers keep their colours.
  @Test func identicalScenariosStayVisible() throws {
    let (base, twin) = (try Self.baseRun.get(), try Self.twinRun.get())
    let files = CompareReport.files([base, twin], command: "c")
    let report = try Self.file(files, "report.md")
    #expect(report.contains("Lines that coincide, drawn one over another: base and twin.\n"))
    #expect(
      report.contains(
        "Lines that coincide, drawn one over another: cumulus · base and "
          + "cumulus · twin; nimbus · base and nimbus · twin; stratus · base and stratus · twin.\n"))
    let nodes = try Self.file(files, "nodes.svg")
    let lines = try ChartStyleTests.polylines(nodes)
    // Per tier (in tier order) a solid line for base and the first dash pattern for twin.
    let expected = LineChart.palette.prefix(3).flatMap { colour in
      [ChartStyleTests.Line(stroke: colour, dash: nil), ChartStyleTests.Line(stroke: colour, dash: "8 4")]
    }
    #expect(lines == expected)
  }

  /// The run report's note on `fluxsim emission`, its figures derived here from the
  /// rules' projected clock: from block 2,020,000 at 2025-10-25T18:00:35Z, 30 s a block.
  @Test func emissionDifferenceIsDerivedFromTheProjectedClock() throws {
    let base = try Self.baseRun.get()
    let report = try Self.file(RunOutputs.files(base), "report.md")
    let result = base.result(0)
    let (first, final) = (result.series[0], result.final)
    let anchor = Int64(1_761_415_235)
    func projected(_ height: Int) -> Int64 { anchor + Int64(height - 2_020_000) * 30 }
    let startDays = Double(first.time - projected(first.height)) / 86_400
    let tableHeight = 2_020_000 + Int((final.time - anchor) / 30)
    let endDays = Double(final.time - projected(final.height)) / 86_400
    let schedule = SupplySchedule(params: RuleSet(.mainnet).params, mode: .observed)
    // The run issues the rules' supply at its height (`supply_matches_rules`).
    #expect(final.supply == schedule.cumulativeSupply(through: final.height))
    let supply = schedule.cumulativeSupply(through: tableHeight) - final.supply
    #expect(report.contains("### Against `fluxsim emission` (p50 across replications)\n"))
    let row = [
      "base", Format.fixed(startDays, 1), Format.day(final.time), Format.grouped(Double(final.height)),
      Format.grouped(Double(tableHeight)), Format.grouped(Double(tableHeight - final.height)),
      Format.fixed(endDays, 1), supply.description,
    ]
    #expect(report.contains("| " + row.joined(separator: " | ") + " |\n"))
  }

  @Test func metricsAreNamedOnceInOrder() throws {
    #expect(try CompareMetric.named(["nodes, supply", "nodes"]).get().map(\.name) == ["nodes", "supply"])
    #expect(try CompareMetric.named([]).get().map(\.name) == CompareMetric.defaultNames)
    func refusal(_ names: [String]) -> CompareMetric.UnknownMetric? {
      if case .failure(let unknown) = CompareMetric.named(names) { return unknown }
      return nil
    }
    #expect(refusal(["nodez"]) == CompareMetric.UnknownMetric(name: "nodez", suggestion: "nodes"))
    #expect(refusal(["supply,,nodes"]) == CompareMetric.UnknownMetric(name: "", suggestion: nil))
    #expect(Set(CompareMetric.all.map(\.name)).count == CompareMetric.all.count)
    // Without --metric: the defaults a scenario tracks (no market here: no app revenue, no profit).
    let base = try Self.baseRun.get()
    let report = try Self.file(CompareReport.files([base, base], command: "c"), "report.md")
    let headings = report.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## Assumptions", "## Rules", "## Milestones (p50 date; difference to base in days)", "## Supply",
        "## Inflation per year", "## Dev fund per year", "## Confirmed nodes", "## Income per node per year",
        "## Reproduce",
      ])
  }
}
