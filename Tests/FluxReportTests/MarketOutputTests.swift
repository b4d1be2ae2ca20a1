import FluxCore
import Foundation
import Testing

@testable import FluxReport
@testable import FluxSim

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The app market and operator economics in a run's files: `series.csv` columns with
/// exact cells and empty ones where a value is missing, report sections whose charts
/// exist and parse, bands across replications, and no trace of either in a run without
/// them.
@Suite struct MarketOutputTests {
  /// The series.csv columns of every run, with or without apps and economics.
  static let chainColumns = [
    "job", "point", "replication", "time", "height", "supply", "subsidy", "paid_cumulus", "paid_nimbus",
    "paid_stratus", "dev_fund", "miner", "funds", "confirmed_cumulus", "confirmed_nimbus", "confirmed_stratus",
    "offline_cumulus", "offline_nimbus", "offline_stratus", "starting_cumulus", "starting_nimbus", "starting_stratus",
    "dos_cumulus", "dos_nimbus", "dos_stratus", "expired_cumulus", "expired_nimbus", "expired_stratus",
    "online_share", "block_interval", "difficulty", "issuance", "inflation_annualised", "collateral_locked",
    "supply_not_locked", "since_paid_p50_cumulus", "since_paid_p95_cumulus", "since_paid_max_cumulus",
    "since_paid_p50_nimbus", "since_paid_p95_nimbus", "since_paid_max_nimbus", "since_paid_p50_stratus",
    "since_paid_p95_stratus", "since_paid_max_stratus",
  ]

  static let marketColumns = [
    "flux_usd", "apps_running", "apps_waiting", "instances_running", "instances_waiting", "cpu_utilization_cumulus",
    "cpu_utilization_nimbus", "cpu_utilization_stratus", "ram_utilization_cumulus", "ram_utilization_nimbus",
    "ram_utilization_stratus", "hdd_utilization_cumulus", "hdd_utilization_nimbus", "hdd_utilization_stratus",
    "apps_registered", "revenue_flux", "revenue_never_placed_flux", "revenue_usd", "to_nodes_cumulus",
    "to_nodes_nimbus", "to_nodes_stratus",
    "to_foundation", "income_flux_cumulus", "income_flux_nimbus", "income_flux_stratus", "income_usd_cumulus",
    "income_usd_nimbus", "income_usd_stratus", "cost_usd_cumulus", "cost_usd_nimbus", "cost_usd_stratus",
    "profit_usd_cumulus", "profit_usd_nimbus", "profit_usd_stratus", "roi_per_year_cumulus", "roi_per_year_nimbus",
    "roi_per_year_stratus", "payback_months_cumulus", "payback_months_nimbus", "payback_months_stratus",
  ]

  static let chainFiles = [
    "series.csv", "summary.csv", "payouts.csv", "years.csv", "report.md", "supply.svg", "nodes.svg",
    "block-interval.svg", "income.svg", "since-paid.svg",
  ]

  static func contents(_ files: [OutputFile], _ name: String) -> String {
    files.first { $0.name == name }!.contents
  }

  /// series.csv as rows of cells, the header first.
  static func series(_ run: RunRecord) -> [[String]] {
    TableTests.parseCSV(contents(RunOutputs.files(run), "series.csv"))
  }

  @Test func seriesHasTheMarketColumnsWithExactCells() throws {
    let rows = Self.series(try MarketRunFixture.run())
    #expect(rows[0] == Self.chainColumns + Self.marketColumns)
    #expect(rows.count == 1 + 2 * 4)
    #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
    // Job 1 (replication 1), the final sample.
    let final = Array(rows[8].dropFirst(Self.chainColumns.count))
    #expect(rows[8].prefix(5) == ["1", "", "1", "2027-01-01T00:00:00Z", "1003"])
    #expect(
      final == [
        "1.125000", "31", "3", "91", "6", "0.375000", "0.437500", "0.500000", "0.187500", "0.218750", "0.250000",
        "0.625000", "0.562500", "0.500000", "37", "3.70370368", "4.00000000", "185.50", "0.00003000", "0.00006000",
        "0.00009000",
        "3.70352368", "104.00000000", "114.00000000", "124.00000000", "117.00", "128.25", "139.50", "25.00", "35.00",
        "45.00", "92.00", "93.25", "94.50", "1.164000", "0.589500", "0.398000", "", "20.36", "30.15",
      ])
  }

  @Test func missingValuesAreEmptyCells() throws {
    let rows = Self.series(try MarketRunFixture.run())
    let first = Array(rows[1].dropFirst(Self.chainColumns.count))
    // The price and the market are known at the start; the economics of a period are not.
    #expect(first.prefix(4) == ["0.500000", "0", "0", "0"])
    #expect(first[15] == "0.00000000" && first[16] == "0.00000000" && first[17] == "0.00")
    #expect(first.suffix(18) == Array(repeating: "", count: 18))
    // Apps without a price path: the market's columns, no USD value, no economics.
    let appsOnly = Self.series(try MarketRunFixture.run(economics: false))
    let revenueUSD = Self.chainColumns.count + Self.marketColumns.firstIndex(of: "revenue_usd")! - 1
    #expect(appsOnly[0] == Self.chainColumns + Self.marketColumns.dropFirst().prefix(21))
    #expect(appsOnly.dropFirst().allSatisfy { $0[revenueUSD] == "" })
  }

  @Test func runsWithoutTheMarketKeepTheirColumnsAndFiles() throws {
    let run = try MarketRunFixture.run(apps: false, economics: false)
    let files = RunOutputs.files(run)
    #expect(files.map(\.name) == Self.chainFiles + ["scenario.yaml", "manifest.json"])
    #expect(TableTests.parseCSV(Self.contents(files, "series.csv"))[0] == Self.chainColumns)
    let report = Self.contents(files, "report.md")
    #expect(!report.contains("App market") && !report.contains("Operator economics"))
    let comparison = CompareReport.files([run, run], command: "c")[0].contents
    #expect(!comparison.contains("## App revenue") && !comparison.contains("## Profit"))
    // A simulated run (no market) has the same columns, and its sweep axis after `point`.
    let simulated = try RunOutputTests.run(workers: 2)
    var swept = Self.chainColumns
    swept.insert("fleet.churn.exits", at: 2)
    #expect(TableTests.parseCSV(Self.contents(simulated, "series.csv"))[0] == swept)
  }

  /// A simulated run with apps, a GBM price and ROI churn, through the scenario layer.
  static let marketScenario = """
    name: market
    horizon: 20d
    sample: 2d
    replications: 3
    fleet:
      nodes: { cumulus: 30, nimbus: 20, stratus: 20 }
      uptime: { online: { exponential: { mean: 3d } }, offline: { exponential: { mean: 8h } } }
    apps:
      arrivals: 40/day
      spec:
        components: { uniform: { low: 0.5, high: 2.5 } }
        cpu: { lognormal: { median: 1, sigma: 0.8 } }
        ram: { lognormal: { median: 2GB, sigma: 0.8 } }
        hdd: { lognormal: { median: 20GB, sigma: 1 } }
        instances: { uniform: { low: 1, high: 6 } }
        subscription: { uniform: { low: 2000, high: 20000 } }
        renewal: 70%
      usd_price_floor: true
      revenue_share: { share: 30% }
    economics:
      flux_usd: { gbm: { start: 0.3, volatility: 80%/year } }
      hosting: { cumulus: $8/month, nimbus: $20/month, stratus: $45/month }
      opportunity_cost: 5%/year
      roi_churn: { exits: 1/month, joins: 1/month }
    """

  static func simulatedMarket(workers: Int) throws -> [OutputFile] {
    try RunOutputTests.run(workers: workers, text: marketScenario, name: "market")
  }

  @Test func simulatedMarketRunsAreByteIdenticalForAnyWorkerCount() throws {
    let one = try Self.simulatedMarket(workers: 1)
    #expect(try Self.simulatedMarket(workers: 2) == one)
    #expect(try Self.simulatedMarket(workers: 3) == one)
    let series = TableTests.parseCSV(Self.contents(one, "series.csv"))
    let header = series[0]
    let registered = try #require(header.firstIndex(of: "apps_registered"))
    let toNodes = try #require(header.firstIndex(of: "to_nodes_cumulus"))
    #expect(series.dropFirst().contains { Int($0[registered]) ?? 0 > 0 })
    #expect(series.dropFirst().contains { (Double($0[toNodes]) ?? 0) > 0 })
  }

  @Test func reportShowsTheMarketAndTheEconomics() throws {
    let files = RunOutputs.files(try MarketRunFixture.run())
    let charts = [
      "app-cpu.svg", "app-instances.svg", "app-revenue.svg", "app-revenue-usd.svg", "flux-price.svg",
      "node-profit.svg", "node-roi.svg",
    ]
    #expect(files.map(\.name) == Self.chainFiles + charts + ["scenario.yaml", "manifest.json"])
    let report = Self.contents(files, "report.md")
    for heading in [
      "## App market", "### App CPU in use per tier", "### App instances running and waiting", "### App revenue",
      "### Where app revenue went", "## Operator economics", "### FLUX price", "### Profit per node per month",
      "### ROI per year", "### Per node at year ends", "#### Cumulus", "#### Nimbus", "#### Stratus",
    ] {
      #expect(report.contains(heading + "\n") || report.contains(heading + " "), "missing \(heading)")
    }
    #expect(report.contains("profit = income − hosting − opportunity cost"))
    #expect(report.contains("ROI per year = (income − hosting) × 12 / collateral value"))
    #expect(report.contains("profit ≈ 0"))
    #expect(
      report.firstRange(of: "## Operator economics")!.lowerBound < report.firstRange(of: "## Reproduce")!.lowerBound)
    for chart in files.filter({ $0.name.hasSuffix(".svg") }) {
      #expect(report.contains("](\(chart.name))"), "report does not show \(chart.name)")
      let parser = XMLParser(data: Data(chart.contents.utf8))
      #expect(parser.parse(), "\(chart.name) is not well-formed: \(String(describing: parser.parserError))")
    }
    // Revenue: p50 of 3.70370367 and 3.70370368 FLUX, nodes' share 0.00003–0.00009 FLUX; the
    // foundation's share at the start only of replication 1 (1 satoshi), 0 has no revenue.
    // From apps never placed: k + r FLUX at sample k of replication r, p50 0.5 at the
    // start and 3.5 at the end.
    #expect(report.contains("| 2025 (part) | market | 0.00 | 0.50 | 0.00 | 0.00 | 0.00 | 0.00 | 100.0 |\n"))
    #expect(report.contains("| end 2027-01-01 | market | 3.70 | 3.50 | 3.70 | 0.00 | 0.00 | 0.00 | 100.0 |\n"))
    // 3.5 of 3.703703675 FLUX: 94.5 %.
    #expect(report.contains("Apps pay at registration, even when no node has room for them"))
    #expect(report.contains("- market: 3.50 of 3.70 FLUX (94.5 %)\n"))
    // Cumulus at the end: income 90.125 and 117 USD; only replication 0 covers its hosting (nil payback).
    #expect(
      report.contains(
        "| end 2027-01-01 | market | 91.47 / 103.56 / 115.66 | 25.00 / 25.00 / 25.00 | 66.47 / 78.56 / 90.66 | "
          + "85.8 / 100.3 / 114.8 | 14.3 / 14.3 / 14.3 (1 of 2) |\n"))
  }

  @Test func bandsSpanTheReplications() throws {
    // Five replications whose Cumulus profit and CPU use at every sample are 10 … 50 and 0 … 100 %.
    let run = try MarketRunFixture.run(replications: 5) { row, r, _ in
      row.economics?.cumulus.profitUSD = Double([30, 10, 50, 20, 40][r])
      row.apps?.utilization.cumulus.cpu = [0.5, 1, 0, 0.25, 0.75][r]
    }
    // GSL quantiles of five sorted values: p5 = x0 + 0.2 (x1 − x0), p95 = x3 + 0.8 (x4 − x3).
    func expectBand(_ series: ChartSeries?, samples: Int, _ low: Double, _ median: Double, _ high: Double) {
      guard let series else { return #expect(Bool(false), "no series") }
      #expect(series.points.count == samples && series.band?.count == samples)
      for (point, band) in zip(series.points, series.band ?? []) {
        #expect(abs(point.y - median) < 1e-9 && abs(band.low - low) < 1e-9 && abs(band.high - high) < 1e-9)
      }
    }
    let economics = EconomicsSection(run: run).charts
    let profit = economics.first { $0.file == "node-profit.svg" }?.chart.series
    // No economics on the first sample: three points.
    expectBand(profit?.first { $0.name == "cumulus · market" }, samples: 3, 12, 30, 48)
    #expect(
      profit?.last
        == ChartSeries(
          name: "break-even",
          points: [
            ChartPoint(x: Double(MarketRunFixture.times[1]), y: 0),
            ChartPoint(x: Double(MarketRunFixture.times[3]), y: 0),
          ],
          // Black and dotted, apart from every tier's colour and every point's dash.
          style: SeriesStyle(
            colour: LineChart.palette.firstIndex(of: "#000000"), dash: LineChart.dashes.firstIndex(of: "2 3")!)))
    let cpu = AppMarketSection(run: run, usd: true).charts.first { $0.file == "app-cpu.svg" }?.chart.series
    expectBand(cpu?.first { $0.name == "cumulus · market" }, samples: 4, 5, 50, 95)
    let report = Self.contents(RunOutputs.files(run), "report.md")
    #expect(report.contains("| 2026 | market | ") && report.contains(" | 12.00 / 30.00 / 48.00 | "))
  }

  @Test func revenuePerMonthComesFromTheCumulativeTotal() throws {
    let run = try MarketRunFixture.run()
    let revenue = AppMarketSection(run: run, usd: true).charts.first { $0.file == "app-revenue.svg" }!.chart
    let line = revenue.series[0]
    // 1.23456789 FLUX more each period; the last period is one day long.
    let month = JobConfig.secondsPerMonth
    let periods = zip(MarketRunFixture.times, MarketRunFixture.times.dropFirst()).map { Double($1 - $0) }
    #expect(line.points.map(\.x) == MarketRunFixture.times.dropFirst().map(Double.init))
    for (point, seconds) in zip(line.points, periods) {
      // p50 of 1.23456789 in both replications (revenue differs by 1 satoshi between them, not per period).
      #expect(abs(point.y - 1.23456789 / seconds * month) < 1e-9)
    }
  }

  @Test func compareTablesTheMarketAndTheEconomics() throws {
    let a = try MarketRunFixture.run()
    let b = try MarketRunFixture.run { row, _, _ in row.nodes.cumulus.confirmed += 50 }
    let report = CompareReport.files([a, b], command: "fluxsim compare a b")[0].contents
    for heading in ["## Confirmed nodes", "## App revenue per year", "## Profit per node per month"] {
      #expect(report.contains(heading + "\n"), "missing \(heading)")
    }
    #expect(report.contains("| at | tier | market | market | Δ market |"))
    // 100 and 101 Cumulus nodes in the two replications (p50 100.5, shown rounded), 50 more in b.
    #expect(report.contains("| end 2027-01-01 | Cumulus | 101 | 151 | 50 |"))
    #expect(report.contains("| end 2027-01-01 | Cumulus | 78.56 | 78.56 | 0.00 |"))
    // 2026: from the start's sample to 2026-12-31's, 2 × 1.23456789 FLUX; app revenue is yearly, so no end row.
    #expect(report.contains("| 2026 | 2 | 2 | 0 |"))
  }
}
