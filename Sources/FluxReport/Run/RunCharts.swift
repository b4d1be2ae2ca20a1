import FluxCore
import FluxSim

/// The charts of a run report, built from the results by sweep point.
///
/// In a sweep each tier keeps its colour in every chart and each sweep point has its own
/// dash pattern (`SeriesStyle`), so points with the same result stay visible.
struct RunCharts {
  struct Named {
    var file: String
    var chart: LineChart
  }

  static let supplyFile = "supply.svg"
  static let incomeFile = "income.svg"
  static let intervalFile = "block-interval.svg"
  let all: [Named]

  init(run: RunRecord) {
    // One sweep point's replications at a time: charts keep only the lines they draw.
    var supply: [ChartSeries] = []
    var nodes: [[ChartSeries]] = Tier.allCases.map { _ in [] }
    var interval: [ChartSeries] = []
    var income: [ChartSeries] = []
    var spacings: [Int64] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      let name = run.pointName(point)
      supply.append(Self.line(name, aggregate, style: .point(point)) { Double($0.supply.satoshi) / 1e8 })
      for tier in Tier.allCases {
        nodes[tier.index].append(
          Self.line("\(tier) · \(name)", aggregate, style: .tier(tier, point: point)) {
            Double($0.nodes[tier].confirmed)
          })
      }
      interval.append(Self.periodLine(name, aggregate, style: .point(point)) { _, row in row.meanBlockInterval })
      spacings += Self.targetSpacings(run.plan.config(point * run.plan.replications).rules.params, aggregate)
      let years = aggregate.years.filter(aggregate.isFullYear)
      for tier in Tier.allCases {
        let spreads = years.map { aggregate.incomePerNode(tier, in: $0) }
        income.append(
          ChartSeries(
            name: "\(tier) · \(name)", x: years.map(Double.init), quantiles: spreads, unit: 1e8,
            style: .tier(tier, point: point)))
      }
    }
    all = [
      Named(
        file: Self.supplyFile,
        chart: LineChart(
          title: "Supply", xLabel: "date", yLabel: "FLUX (p50, band p5–p95)", xAxis: .unixTime, series: supply)),
      Named(
        file: "nodes.svg",
        chart: LineChart(
          title: "Confirmed nodes per tier", xLabel: "date", yLabel: "nodes (p50, band p5–p95)", xAxis: .unixTime,
          series: nodes.flatMap { $0 })),
      Named(
        file: Self.intervalFile,
        chart: LineChart(
          title: "Mean block interval", xLabel: "date", yLabel: "seconds (p50, band p5–p95)", xAxis: .unixTime,
          series: interval, yIncludes: Self.intervalRange(spacings))),
      Named(
        file: Self.incomeFile,
        chart: LineChart(
          title: "Income per node per year", xLabel: "year", yLabel: "FLUX per node (p50, band p5–p95)",
          xAxis: .year, series: income)),
    ]
  }

  /// How far the block-interval axis reaches either side of a target spacing, as a share
  /// of it: a day's mean interval varies by milliseconds around the target (mint delay
  /// noise over 2,880 blocks), which on an axis fitted to the data would fill the plot;
  /// on ±50 % it is the flat line it is, while an outage's hours-long gap still shows.
  static let intervalMargin = 0.5

  /// The values the block-interval axis spans: the smallest target spacing the run met,
  /// less the margin, through the largest, plus it.
  static func intervalRange(_ spacings: [Int64]) -> [Double] {
    guard let low = spacings.min(), let high = spacings.max() else { return [] }
    return [Double(low) * (1 - intervalMargin), Double(high) * (1 + intervalMargin)]
  }

  /// The target spacings (seconds) of `params` at the heights the point's jobs connected,
  /// from the first sample's block to the last final block (flux-rules.md §1: 120 s before
  /// PoN, 30 s from it, or a scheduled change's).
  static func targetSpacings(_ params: ChainParams, _ aggregate: PointAggregate) -> [Int64] {
    guard let first = aggregate.results.map({ $0.series[0].height }).min(),
      let last = aggregate.results.map(\.final.height).max()
    else { return [] }
    let stretches = params.spacingStretches
    return stretches.indices.compactMap { index in
      let end = index + 1 < stretches.count ? stretches[index + 1].start - 1 : Int.max
      return stretches[index].start <= last && end >= first ? stretches[index].spacing : nil
    }
  }

  /// The p50 line and p5–p95 band of `value` over a point's samples; samples where no
  /// replication has a value (nil) are left out.
  static func line(
    _ name: String, _ aggregate: PointAggregate, style: SeriesStyle = SeriesStyle(), _ value: (SampleRow) -> Double?
  ) -> ChartSeries {
    line(name, aggregate, samples: 0..<aggregate.sampleCount, style: style) { value($0.series[$1]) }
  }

  /// The same for a value of the period between consecutive samples (a mean interval, a
  /// rate from two cumulative totals), drawn at the period's end; the first sample has no
  /// period before it.
  static func periodLine(
    _ name: String, _ aggregate: PointAggregate, style: SeriesStyle = SeriesStyle(),
    _ value: (_ previous: SampleRow, _ row: SampleRow) -> Double?
  ) -> ChartSeries {
    line(name, aggregate, samples: 1..<max(1, aggregate.sampleCount), style: style) {
      value($0.series[$1 - 1], $0.series[$1])
    }
  }

  private static func line(
    _ name: String, _ aggregate: PointAggregate, samples: Range<Int>, style: SeriesStyle,
    _ value: (JobResult, Int) -> Double?
  ) -> ChartSeries {
    var times: [Double] = []
    var spreads: [Summary] = []
    for k in samples {
      let spread = aggregate.spread { value($0, k) }
      guard spread.count > 0 else { continue }
      times.append(aggregate.time(ofSample: k))
      spreads.append(spread)
    }
    return ChartSeries(name: name, x: times, quantiles: spreads, style: style)
  }
}
