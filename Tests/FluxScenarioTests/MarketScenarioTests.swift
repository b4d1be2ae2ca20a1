import FluxCore
import FluxSim
import Foundation
import Testing
import Yams

@testable import FluxScenario

/// `apps:` and `economics:`: the bundled scenarios load and round-trip, every field maps to
/// the engine's configuration in its unit, price CSVs are read relative to the scenario and
/// their mistakes named by line, and the new fields sweep.
@Suite struct MarketScenarioTests {
  static let bundled = ["app-demand-boom", "price-crash", "pnr-revenue-share"]

  static func load(_ text: String, file: String = "s.yaml") throws(Diagnostics) -> ScenarioFile {
    try ScenarioLoader.load(file: file, text: text)
  }

  /// Loads `text` from the path it would have as the bundled file, so relative CSVs resolve.
  @Test(arguments: Self.bundled)
  func bundledScenarioLoadsAndRoundTrips(name: String) throws {
    let url = ScenarioSchemaTests.scenariosFolder.appendingPathComponent("\(name).yaml")
    let file = try Self.load(String(contentsOf: url, encoding: .utf8), file: url.path)
    #expect(file.scenario.name == name)
    #expect(file.scenario.apps != nil && file.scenario.economics != nil)
    let encoded = try YAMLEncoder().encode(file.scenario)
    let decoded = try Self.load(encoded, file: url.path).scenario
    #expect(decoded == file.scenario)
  }

  @Test func priceCrashReadsItsCSV() throws {
    let url = ScenarioSchemaTests.scenariosFolder.appendingPathComponent("price-crash.yaml")
    let file = try Self.load(String(contentsOf: url, encoding: .utf8), file: url.path)
    #expect(file.dataFiles.map(\.path) == [url.deletingLastPathComponent().path + "/data/price-crash.csv"])
    guard case .series(let points) = file.scenario.jobConfig(jobIndex: 0).economics?.price else {
      Issue.record("expected a series")
      return
    }
    #expect(points.first == PricePoint(time: 1_788_393_600, usd: 0.3))
    #expect(points.last?.usd == 0.09)
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.time < $1.time })
  }

  @Test func catalogueAndEconomicsMapFieldByField() throws {
    let config = try Self.load(
      """
      name: market
      horizon: 1y
      apps:
        arrivals: { piecewise: [{ from: 0s, rate: 50/day }, { from: 2y, rate: 14/week }] }
        catalogue:
          - name: web
            weight: 6
            components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }, { cpu: 0.1, ram: 300MB, hdd: 1GB }]
            subscription: 30d
            renewal: 80%
          - name: ai
            weight: 0.5
            components: [{ cpu: 12, ram: 48000MB, hdd: 0.3TB }]
            instances: 1
            subscription: 176000
            renewal: 60%
        usd_price_floor: true
        revenue_share: { share: 20%, from_height: 3466630, increase_per_year: 5%, max: 50% }
      economics:
        flux_usd: { series: [{ date: 2026-09-03, usd: 0.30 }, { date: 2027-01-01T12:00:00Z, usd: $0.09 }] }
        hosting: { cumulus: $8/month, nimbus: $0.5/day, stratus: $540/year }
        opportunity_cost: 5%/year
        roi_churn: { exits: 1/month, joins: { cumulus: 0/month, nimbus: 6/year, stratus: 0.5/month } }
      """
    ).scenario.jobConfig(jobIndex: 0)
    let apps = try #require(config.apps)
    #expect(
      apps.arrivalsPerDay
        == .piecewise([TimeStep(from: 0, value: 50), TimeStep(from: 2 * JobConfig.secondsPerYear, value: 2)]))
    #expect(
      apps.specs
        == .catalogue([
          CatalogueEntry(
            name: "web", weight: 6,
            components: [
              AppResources(cpuTenths: 5, ramMB: 1_000, hddGB: 10), AppResources(cpuTenths: 1, ramMB: 300, hddGB: 1),
            ], instances: 3, subscriptionBlocks: 86_400, renewal: 0.8),
          CatalogueEntry(
            name: "ai", weight: 0.5, components: [AppResources(cpuTenths: 120, ramMB: 48_000, hddGB: 300)],
            instances: 1, subscriptionBlocks: 176_000, renewal: 0.6),
        ]))
    #expect(apps.usdPriceFloor)
    #expect(apps.revenueShare == .whitepaper)
    let economics = try #require(config.economics)
    #expect(
      economics.price
        == .series([PricePoint(time: 1_788_393_600, usd: 0.3), PricePoint(time: 1_798_804_800, usd: 0.09)]))
    #expect(economics.hostingUSDPerMonth.cumulus == 8)
    #expect(abs(economics.hostingUSDPerMonth.nimbus - 0.5 * 30.436875) < 1e-9)
    #expect(abs(economics.hostingUSDPerMonth.stratus - 45) < 1e-9)
    #expect(economics.opportunityCostPerYear == 0.05)
    let roi = try #require(economics.roiChurn)
    #expect(roi.exitResponse == TierValues(cumulus: 1, nimbus: 1, stratus: 1))
    #expect(roi.joinResponse.cumulus == 0 && abs(roi.joinResponse.nimbus - 0.5) < 1e-12)
    #expect(roi.joinResponse.stratus == 0.5)
  }

  @Test func distributionsAndDefaultsMap() throws {
    let scenario = try Self.load(
      """
      name: market
      horizon: 1y
      apps:
        arrivals: { exponential: { initial: 50/day, growth_per_year: 150% } }
        spec:
          cpu: { lognormal: { median: 1, sigma: 0.7 } }
          ram: { lognormal: { median: 2GB, sigma: 0.8 } }
          hdd: { uniform: { low: 500MB, high: 1TB } }
          subscription: { exponential: { mean: 30d } }
          renewal: 75%
        revenue_share: whitepaper
      economics:
        flux_usd: { gbm: { start: 0.30, volatility: 80%/year } }
      """
    ).scenario
    let config = scenario.jobConfig(jobIndex: 0)
    let apps = try #require(config.apps)
    #expect(apps.arrivalsPerDay == .exponential(initial: 50, growthPerYear: 1.5))
    #expect(
      apps.specs
        == .distributions(
          AppSpecDistributions(
            components: .constant(1), cpuCores: .lognormal(mu: 0, sigma: 0.7),
            ramMB: .lognormal(mu: log(2_000), sigma: 0.8), hddGB: .uniform(low: 0.5, high: 1_000),
            instances: .constant(3), subscriptionBlocks: .exponential(mean: 86_400), renewal: 0.75)))
    #expect(!apps.usdPriceFloor)
    #expect(apps.revenueShare == RevenueShare.whitepaper)
    let economics = try #require(config.economics)
    #expect(economics.price == .gbm(start: 0.3, driftPerYear: 0, volatilityPerYear: 0.8))
    #expect(economics.hostingUSDPerMonth == TierValues(cumulus: 0, nimbus: 0, stratus: 0))
    #expect(economics.opportunityCostPerYear == 0 && economics.roiChurn == nil)
    // Without the keys: no apps, no economics; a spec round-trips.
    #expect(try Self.load("name: x\nhorizon: 1y\n").scenario.jobConfig(jobIndex: 0).apps == nil)
    #expect(try Self.load(YAMLEncoder().encode(scenario)).scenario == scenario)
  }

  @Test func sweepsOverArrivalsRevenueShareAndOpportunityCost() throws {
    let file = try Self.load(
      """
      name: sweep
      horizon: 1y
      apps:
        arrivals: 50/day
        catalogue: [{ name: web, components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }], renewal: 80% }]
        revenue_share: none
      economics: { flux_usd: 0.3, opportunity_cost: 5%/year }
      sweep:
        apps.arrivals: [50/day, 2/week]
        apps.revenue_share: [none, whitepaper]
        economics.opportunity_cost: [0%/year, 8%/year]
      """)
    #expect(file.points.count == 8)
    let configs = file.points.map { $0.scenario.jobConfig(jobIndex: 0) }
    let arrivals: [TimePath?] = configs.map { $0.apps?.arrivalsPerDay }
    let perWeek: TimePath = .constant(2.0 / 7)
    #expect(
      arrivals == [.constant(50), .constant(50), .constant(50), .constant(50), perWeek, perWeek, perWeek, perWeek])
    let shares: [RevenueShare?] = configs.map { $0.apps?.revenueShare }
    #expect(shares == [nil, nil, .whitepaper, .whitepaper, nil, nil, .whitepaper, .whitepaper])
    let costs: [Double?] = configs.map { $0.economics?.opportunityCostPerYear }
    #expect(costs == [0, 0.08, 0, 0.08, 0, 0.08, 0, 0.08])
    // A swept value is checked like a written one.
    #expect(throws: Diagnostics.self) {
      try Self.load(
        "name: s\nhorizon: 1y\napps: { arrivals: 5/day, catalogue: [{ name: a, components: [{ cpu: 1, ram: 1GB, hdd: 1GB }], renewal: 5% }] }\nsweep: { apps.arrivals: [5/day, -1/day] }\n"
      )
    }
  }

  /// A scenario and its price CSV in a fresh folder: the CSV is found next to the scenario
  /// and each of its mistakes is named by file and line.
  @Test func priceCSVIsReadRelativeToTheScenario() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = "name: c\nhorizon: 1y\neconomics: { flux_usd: { csv: data/p.csv } }\n"
    let file = folder.appendingPathComponent("c.yaml").path
    let csv = folder.appendingPathComponent("data/p.csv").path
    func load(_ text: String) throws(Diagnostics) -> ScenarioFile {
      _ = FileManager.default.createFile(atPath: csv, contents: Data(text.utf8))
      return try Self.load(scenario, file: file)
    }
    func messages(_ text: String) -> String {
      do {
        _ = try load(text)
        return "accepted"
      } catch { return error.description }
    }
    let text = "date, usd\r\n2026-09-03,0.30\r\n\r\n2027-03-01T12:00:00Z,$0.09\r\n"
    let loaded = try load(text)
    #expect(loaded.dataFiles == [DataFile(path: csv, written: "data/p.csv", bytes: Data(text.utf8), text: text)])
    // Read beside another file (a run folder's copy of the scenario), the path stays as written.
    let copy = folder.appendingPathComponent("copy")
    try FileManager.default.createDirectory(
      at: copy.appendingPathComponent("data"), withIntermediateDirectories: true)
    try Data("date,usd\n2026-09-03,0.5\n".utf8).write(to: copy.appendingPathComponent("data/p.csv"))
    let elsewhere = try ScenarioLoader.load(
      file: file, text: scenario, dataFrom: copy.appendingPathComponent("c.yaml").path)
    #expect(elsewhere.path == file)
    #expect(elsewhere.dataFiles.map(\.written) == ["data/p.csv"])
    #expect(elsewhere.dataFiles.map(\.text) == ["date,usd\n2026-09-03,0.5\n"])
    #expect(
      loaded.scenario.economics?.fluxUSD
        == .csv(
          path: "data/p.csv",
          points: [PricePoint(time: 1_788_393_600, usd: 0.3), PricePoint(time: 1_803_902_400, usd: 0.09)]))
    #expect(
      messages("day,price\n2026-09-03,0.30\n") == "\(csv):1: error: expected the header date,usd, found \"day,price\"")
    #expect(messages("date,usd\n") == "\(csv):2: error: expected at least one line DATE,USD after the header")
    #expect(
      messages("date,usd\n2026-09-03,0.30\n2026-09-31,0.2\n2026-10-01,zero\n2026-10-02\n2026-08-01,0\n")
        == """
        \(csv):3: error: date: expected a UTC date such as 2026-09-03 or 2026-09-03T01:32:00Z, found "2026-09-31"
        \(csv):4: error: usd: expected a price in USD such as 0.30, found "zero"
        \(csv):5: error: expected DATE,USD, found "2026-10-02"
        \(csv):6: error: usd: must be > 0, found 0
        \(csv):6: error: date: must be after the previous line's date (2026-09-03T00:00:00Z)
        """)
  }

  /// Scenarios/README.md names every key of `apps:` and `economics:`.
  @Test func everyMarketKeyIsDocumented() throws {
    let readme = ScenarioSchemaTests.scenariosFolder.appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    var keys: [String] = Scenario.keys.filter { ["apps", "economics"].contains($0) }
    keys += AppsSpec.keys.map { "apps.\($0)" }
    keys += CatalogueEntrySpec.keys.map { "apps.catalogue[].\($0)" }
    keys += AppDistributionsSpec.keys.map { "apps.spec.\($0)" }
    keys += EconomicsSpec.keys.map { "economics.\($0)" }
    for key in keys { #expect(text.contains("`\(key)`"), "\(key) is not documented in Scenarios/README.md") }
    for name in Self.bundled { #expect(text.contains("`\(name).yaml`"), "\(name).yaml is not listed") }
  }
}
