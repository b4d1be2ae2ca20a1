import FluxCore
import FluxSim

/// A quantity `fluxsim compare` puts side by side (`--metric NAME`): how each compared
/// scenario's jobs record it, in which unit, and what it needs the jobs to have simulated.
///
/// Every metric is a row of `CompareMetric.all`, so a field the runs start to record
/// becomes comparable by one entry there. A metric is a level (read off a sample: nodes, a
/// price) or a yearly total (issuance, income in a year); per-tier metrics give one column
/// per tier. Levels are compared at each calendar year's end and at the end of the horizon
/// and charted over time; yearly totals are compared per calendar year and charted at
/// their year (full years only: a part-year's total is not a year's).
public struct CompareMetric {
  /// What `--metric` names, and the stem of its CSV columns and chart file.
  public let name: String
  /// What it measures, in its unit, for `--metric list` and the help.
  public let summary: String
  let title: String
  let unit: String
  /// What the jobs must have simulated for a scenario to track the metric.
  let needs: Needs
  /// Decimals in compare.csv (quantiles are doubles: supply is shown to the cent, as the
  /// run report does, since above 90 million FLUX a double no longer holds every satoshi).
  let decimals: Int
  /// How a p50 reads in report.md.
  let markdown: (Double) -> String
  /// Divides every value read (1e8: satoshi to FLUX).
  let scale: Double
  /// One column, or one per tier (`tier` set).
  let columns: [Column]
  /// Whether the chart's y axis spans the runs' target block spacings (see `RunCharts.intervalRange`).
  var spansTargetSpacing = false

  enum Needs: Equatable {
    case chain, apps, economics

    func isMet(by fields: RecordedFields) -> Bool {
      switch self {
      case .chain: true
      case .apps: fields.apps
      case .economics: fields.economics
      }
    }
  }

  /// How a column's values are read from a sweep point's replications.
  enum Reading {
    /// A level read off a sample row (nil where the row lacks it), or at a year's end off
    /// the year's record when `yearEnd` reads one (exact, where a sample is only near).
    case level((SampleRow) -> Double?, yearEnd: ((YearEnd) -> Double)? = nil)
    /// A total over one calendar year, across replications.
    case yearly((PointAggregate, Int) -> Summary)
  }

  struct Column {
    var tier: Tier?
    var reading: Reading
  }

  var isLevel: Bool {
    if case .level = columns[0].reading { return true }
    return false
  }

  /// A metric with one column per tier.
  static func perTier(
    _ name: String, _ summary: String, title: String, unit: String, needs: Needs = .chain, decimals: Int,
    markdown: @escaping (Double) -> String, scale: Double = 1, _ reading: (Tier) -> Reading
  ) -> CompareMetric {
    CompareMetric(
      name: name, summary: summary, title: title, unit: unit, needs: needs, decimals: decimals, markdown: markdown,
      scale: scale, columns: Tier.allCases.map { Column(tier: $0, reading: reading($0)) })
  }

  /// A metric of one column.
  static func single(
    _ name: String, _ summary: String, title: String, unit: String, needs: Needs = .chain, decimals: Int,
    markdown: @escaping (Double) -> String, scale: Double = 1, _ reading: Reading
  ) -> CompareMetric {
    CompareMetric(
      name: name, summary: summary, title: title, unit: unit, needs: needs, decimals: decimals, markdown: markdown,
      scale: scale, columns: [Column(tier: nil, reading: reading)])
  }

  /// Every metric, in the order `--metric list` shows them.
  public static var all: [CompareMetric] {
    let grouped: (Double) -> String = Format.grouped
    func fixed(_ decimals: Int) -> (Double) -> String { { Format.fixed($0, decimals) } }
    // A yearly total read off each replication's `JobYear` (and its samples, for what
    // only samples carry).
    func yearly(_ value: @escaping (JobResult, JobYear) -> Double?) -> Reading {
      .yearly { aggregate, year in
        aggregate.spread { result in JobYear.year(year, of: result).flatMap { value(result, $0) } }
      }
    }
    func flow(_ value: @escaping (JobYear) -> Double?) -> Reading { yearly { value($1) } }
    func apps(_ value: @escaping (AppSample) -> Double) -> Reading {
      yearly { result, year in
        let (start, end) = (result.sample(atOrBefore: year.timeStart), result.sample(atOrBefore: year.end.time))
        return start.apps.flatMap { start in end.apps.map { value($0) - value(start) } }
      }
    }
    let appsToNodes: (AppSample) -> Double = { apps in
      Tier.allCases.reduce(0) { $0 + Double(apps.toNodes[$1].satoshi) }
    }
    func sincePaid(_ quantile: String, _ value: @escaping (SincePaid) -> Double) -> CompareMetric {
      perTier(
        "since_paid_\(quantile)",
        "the \(quantile) over each tier's confirmed nodes of the blocks since each was last paid (or confirmed), "
          + "at each year's last sample and at the end",
        title: "Blocks since last paid, \(quantile)", unit: "blocks", decimals: 3, markdown: fixed(1)
      ) { tier in .level { $0.sincePaid[tier].map(value) } }
    }
    var metrics = [
      single(
        "supply", "FLUX in existence, at each year's last block and at the end", title: "Supply", unit: "FLUX",
        decimals: 2, markdown: grouped, scale: 1e8,
        .level({ Double($0.supply.satoshi) }, yearEnd: { Double($0.supply.satoshi) })),
      single(
        "collateral_locked",
        "FLUX locked as collateral by STARTed and confirmed nodes, at each year's last block "
          + "and at the end", title: "Collateral locked", unit: "FLUX", decimals: 2, markdown: grouped, scale: 1e8,
        .level({ Double($0.collateralLocked.satoshi) }, yearEnd: { Double($0.collateralLocked.satoshi) })),
      single(
        "supply_not_locked", "FLUX in existence less the collateral locked, at each year's last block and at the end",
        title: "Supply not locked", unit: "FLUX", decimals: 2, markdown: grouped, scale: 1e8,
        .level(
          { Double(($0.supply - $0.collateralLocked).satoshi) },
          yearEnd: { Double(($0.supply - $0.collateralLocked).satoshi) })),
      single(
        "issuance", "FLUX issued in each calendar year (subsidies and fund outputs)", title: "Issuance per year",
        unit: "FLUX per year", decimals: 8, markdown: grouped, scale: 1e8, flow { Double($0.issuance.satoshi) }),
      single(
        "inflation", "each calendar year's issuance ÷ the supply at its start, %", title: "Inflation per year",
        unit: "% of the supply", decimals: 6, markdown: fixed(3), flow { $0.inflation.map { $0 * 100 } }),
      single(
        "dev_fund", "FLUX paid to the development fund in each calendar year", title: "Dev fund per year",
        unit: "FLUX per year", decimals: 8, markdown: grouped, scale: 1e8, flow { Double($0.devFund.satoshi) }),
    ]
    var interval = single(
      "block_interval", "mean seconds between blocks in each calendar year", title: "Mean block interval per year",
      unit: "seconds", decimals: 3, markdown: fixed(3), flow(\.meanBlockInterval))
    interval.spansTargetSpacing = true
    metrics.append(interval)
    metrics += [
      perTier(
        "nodes", "confirmed nodes of each tier, at each year's last sample and at the end", title: "Confirmed nodes",
        unit: "nodes", decimals: 2, markdown: grouped
      ) { tier in .level { Double($0.nodes[tier].confirmed) } },
      perTier(
        "income",
        "FLUX paid per node of each tier in each calendar year (the tier's block rewards and app revenue share ÷ "
          + "its mean confirmed nodes over the year's blocks)",
        title: "Income per node per year", unit: "FLUX per node", decimals: 8, markdown: fixed(2), scale: 1e8
      ) { tier in flow { $0.incomePerNode(tier) } },
      perTier(
        "yield",
        "each calendar year's income per node of each tier ÷ the collateral a node of the tier locks at the "
          + "year's end, % (years.csv's yield)",
        title: "Yield per node per year", unit: "% of the collateral", decimals: 6, markdown: fixed(2)
      ) { tier in flow { $0.yield(tier).map { $0 * 100 } } },
      sincePaid("p50", \.p50), sincePaid("p95", \.p95), sincePaid("max") { Double($0.max) },
      single(
        "app_revenue", "FLUX paid for apps in each calendar year (between the years' last samples)",
        title: "App revenue per year", unit: "FLUX per year", needs: .apps, decimals: 8, markdown: grouped, scale: 1e8,
        apps { Double($0.revenue.satoshi) }),
      single(
        "app_revenue_to_nodes", "of the app revenue, FLUX paid to the nodes hosting the apps, per calendar year",
        title: "App revenue to nodes per year", unit: "FLUX per year", needs: .apps, decimals: 8, markdown: grouped,
        scale: 1e8, apps(appsToNodes)),
      perTier(
        "app_cpu", "share of each tier's app CPU in use, %, at each year's last sample and at the end",
        title: "App CPU in use", unit: "% of the tier's app CPU", needs: .apps, decimals: 4, markdown: fixed(1)
      ) { tier in .level { $0.apps.map { $0.utilization[tier].cpu * 100 } } },
      single(
        "instances_waiting", "app instances waiting for room, at each year's last sample and at the end",
        title: "App instances waiting", unit: "instances", needs: .apps, decimals: 2, markdown: grouped,
        .level { $0.apps.map { Double($0.instancesWaiting) } }),
      single(
        "flux_usd", "FLUX price in USD, at each year's last sample and at the end", title: "FLUX price", unit: "USD",
        needs: .economics, decimals: 6, markdown: fixed(4), .level(\.fluxUSD)),
      perTier(
        "profit",
        "profit per node of each tier, USD per month, over the sample period that ends each year and the "
          + "last one",
        title: "Profit per node per month", unit: "USD per node per month", needs: .economics, decimals: 2,
        markdown: fixed(2)
      ) { tier in .level { $0.economics?[tier].profitUSD } },
      perTier(
        "roi", "ROI per node of each tier, % per year, over the sample period that ends each year and the last one",
        title: "ROI per year", unit: "% per year", needs: .economics, decimals: 4, markdown: fixed(1)
      ) { tier in .level { $0.economics.map { $0[tier].roiPerYear * 100 } } },
    ]
    return metrics
  }

  /// What `compare` shows without `--metric`: supply, inflation, the dev fund, nodes and
  /// income per tier, and app revenue and profit where a scenario tracks them.
  public static let defaultNames = ["supply", "inflation", "dev_fund", "nodes", "income", "app_revenue", "profit"]

  /// The metrics named by `names` (each a name or a comma-separated list; spaces around a
  /// name are ignored), in order and each once, or the first that is not a metric (an
  /// empty one included). No names: the defaults.
  public static func named(_ names: [String]) -> Result<[CompareMetric], UnknownMetric> {
    let all = Self.all
    let wanted =
      names.isEmpty
      ? defaultNames : names.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    var metrics: [CompareMetric] = []
    for name in wanted.map({ String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }) {
      guard let metric = all.first(where: { $0.name == name }) else {
        return .failure(UnknownMetric(name: name, suggestion: Suggestion.closest(to: name, among: all.map(\.name))))
      }
      if !metrics.contains(where: { $0.name == name }) { metrics.append(metric) }
    }
    return .success(metrics)
  }

  /// A `--metric` value that names no metric.
  public struct UnknownMetric: Error, Equatable {
    public let name: String
    public let suggestion: String?
  }

  /// The charts a comparison may hold, one per metric.
  static var chartFiles: [String] { all.map(\.chartFile) }

  var chartFile: String { "\(name).svg" }
}
