import FluxCore
import FluxSim

/// The "App market" section of `report.md` and its charts, for runs whose jobs simulate
/// FluxOS apps: CPU in use per tier, instances running and waiting, revenue per month
/// (FLUX, and USD with a price path), and where the revenue went.
struct AppMarketSection {
  let charts: [RunCharts.Named]

  /// - Parameter usd: Whether the jobs priced FLUX in USD (operator economics), so that
  ///   revenue has a USD value.
  init(run: RunRecord, usd: Bool) {
    var cpu: [ChartSeries] = []
    var instances: [ChartSeries] = []
    var revenue: [ChartSeries] = []
    var revenueUSD: [ChartSeries] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      let name = run.pointName(point)
      for tier in Tier.allCases {
        cpu.append(
          RunCharts.line("\(tier) · \(name)", aggregate, style: .tier(tier, point: point)) {
            $0.apps.map { $0.utilization[tier].cpu * 100 }
          })
      }
      instances.append(
        RunCharts.line("running · \(name)", aggregate, style: SeriesStyle(colour: 0, dash: point)) {
          $0.apps.map { Double($0.instancesRunning) }
        })
      instances.append(
        RunCharts.line("waiting · \(name)", aggregate, style: SeriesStyle(colour: 1, dash: point)) {
          $0.apps.map { Double($0.instancesWaiting) }
        })
      revenue.append(
        RunCharts.periodLine(name, aggregate, style: .point(point)) {
          Self.perMonth($0, $1) { Double($0.revenue.satoshi) / 1e8 }
        })
      revenueUSD.append(
        RunCharts.periodLine(name, aggregate, style: .point(point)) { previous, row in
          row.fluxUSD == nil ? nil : Self.perMonth(previous, row, \.revenueUSD)
        })
    }
    let band = "(p50, band p5–p95)"
    var charts = [
      RunCharts.Named(
        file: "app-cpu.svg",
        chart: LineChart(
          title: "App CPU in use per tier", xLabel: "date", yLabel: "% of the tier's app CPU \(band)",
          xAxis: .unixTime, series: cpu)),
      RunCharts.Named(
        file: "app-instances.svg",
        chart: LineChart(
          title: "App instances running and waiting", xLabel: "date", yLabel: "instances \(band)", xAxis: .unixTime,
          series: instances)),
      RunCharts.Named(
        file: "app-revenue.svg",
        chart: LineChart(
          title: "App revenue", xLabel: "date", yLabel: "FLUX per month \(band)", xAxis: .unixTime, series: revenue)),
    ]
    if usd {
      charts.append(
        RunCharts.Named(
          file: "app-revenue-usd.svg",
          chart: LineChart(
            title: "App revenue in USD", xLabel: "date", yLabel: "USD per month \(band)", xAxis: .unixTime,
            series: revenueUSD)))
    }
    self.charts = charts
  }

  /// The change of a cumulative app total over a sample period, per month (a twelfth of
  /// a Gregorian year): periods of any length compare, the shorter last one included.
  static func perMonth(_ previous: SampleRow, _ row: SampleRow, _ total: (AppSample) -> Double) -> Double? {
    guard let before = previous.apps, let after = row.apps, row.time > previous.time else { return nil }
    return (total(after) - total(before)) / Double(row.time - previous.time) * JobConfig.secondsPerMonth
  }

  func markdown(_ run: RunRecord) -> String {
    var text = "## App market\n\n"
    text += "Apps arrive, are priced by the FluxOS rules and take the app capacity of confirmed nodes "
    text += "(flux-rules.md §7); an app waits while any of its instances finds no room, or while the larger tiers "
    text += "defer small apps. Users pay the foundation's app payment address (§7.2): no released code pays app "
    text += "revenue to nodes. Revenue reaches nodes only when the scenario sets the planned revenue share "
    text += "(Progressive Node Rewards, §8), and then only for instance time a node hosted.\n\n"
    text += neverPlaced(run)
    for chart in charts {
      text += RunReport.embed(chart, heading: "###")
      if chart.file == "app-revenue.svg" {
        text += "Per month from the change in cumulative payments (registrations and renewals) over each sample "
        text += "period. Lumpy: an app pays for its whole subscription when it registers or renews.\n\n"
      }
    }
    return text + destinations(run)
  }

  /// The statement that apps pay at registration, placed or not, with how much of the
  /// revenue by the end came from apps never placed (p50 across replications, per point).
  func neverPlaced(_ run: RunRecord) -> String {
    var text = "Apps pay at registration, even when no node has room for them and they wait for capacity; an app "
    text += "that never gets an instance is not renewed. Of the revenue by the end (p50 across replications), this "
    text += "much came from apps never placed:\n\n"
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      func flux(_ amount: (AppSample) -> Amount) -> Double? {
        let spread = aggregate.spread { $0.final.apps.map { Double(amount($0).satoshi) / 1e8 } }
        return spread.count == 0 ? nil : spread.p50
      }
      guard let revenue = flux(\.revenue), let unplaced = flux(\.revenueNeverPlaced) else { continue }
      let share = revenue > 0 ? " (\(Format.fixed(unplaced / revenue * 100, 1)) %)" : ""
      text += "- \(MarkdownText.escape(run.pointName(point))): \(Format.fixed(unplaced, 2)) of "
      text += "\(Format.fixed(revenue, 2)) FLUX\(share)\n"
    }
    return text + "\n"
  }

  /// Cumulative revenue and its destinations at each year's last sample and at the end.
  func destinations(_ run: RunRecord) -> String {
    var rows: [[String]] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      for at in aggregate.checkpoints(years: aggregate.years) {
        func flux(_ amount: (AppSample) -> Amount) -> String {
          let spread = aggregate.spread { at.sample($0)?.apps.map { Double(amount($0).satoshi) / 1e8 } }
          return spread.count == 0 ? "" : Format.fixed(spread.p50, 2)
        }
        let share = aggregate.spread { result in
          at.sample(result)?.apps.flatMap { apps in
            apps.revenue.satoshi > 0 ? Double(apps.toFoundation.satoshi) / Double(apps.revenue.satoshi) * 100 : nil
          }
        }
        rows.append(
          [at.label, run.pointName(point), flux(\.revenue), flux(\.revenueNeverPlaced), flux(\.toFoundation)]
            + Tier.allCases.map { tier in flux { $0.toNodes[tier] } }
            + [share.count == 0 ? "" : Format.fixed(share.p50, 1)])
      }
    }
    let amounts =
      ["revenue", "from apps never placed", "to foundation"]
      + Tier.allCases.map { "to \(RunReport.tierTitle($0)) nodes" }
    let table = Table(
      columns: ["at", "point"] + amounts + ["foundation %"], rows: rows,
      numericColumns: Set(amounts + ["foundation %"]), textColumns: ["point"])
    return "### Where app revenue went (FLUX since the start, p50 across replications; per job in series.csv)\n\n"
      + "At each year's last sample and at the end.\n\n" + table.markdown() + "\n"
  }
}
