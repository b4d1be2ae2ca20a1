import FluxCore
import FluxSim

/// The charts of a run report, built from the results by sweep point.
struct RunCharts {
  struct Named {
    var file: String
    var chart: LineChart
  }

  static let supplyFile = "supply.svg"
  static let incomeFile = "income.svg"
  let all: [Named]

  init(run: RunRecord) {
    // One sweep point's replications at a time: charts keep only the lines they draw.
    var supply: [ChartSeries] = []
    var nodes: [[ChartSeries]] = Tier.allCases.map { _ in [] }
    var interval: [ChartSeries] = []
    var income: [ChartSeries] = []
    for point in 0..<run.plan.pointCount {
      let aggregate = PointAggregate(results: run.results(ofPoint: point))
      let name = run.pointName(point)
      supply.append(Self.line(name, aggregate) { Double($0.supply.satoshi) / 1e8 })
      for tier in Tier.allCases {
        nodes[tier.index].append(Self.line("\(tier) · \(name)", aggregate) { Double($0.nodes[tier].confirmed) })
      }
      interval.append(Self.periodLine(name, aggregate) { _, row in row.meanBlockInterval })
      let years = aggregate.years.filter(aggregate.isFullYear)
      let times = years.map { aggregate.time(atEndOf: $0) }
      for tier in Tier.allCases {
        let spreads = years.map { aggregate.incomePerNode(tier, in: $0) }
        income.append(ChartSeries(name: "\(tier) · \(name)", x: times, quantiles: spreads, unit: 1e8))
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
        file: "block-interval.svg",
        chart: LineChart(
          title: "Mean block interval", xLabel: "date", yLabel: "seconds (p50, band p5–p95)", xAxis: .unixTime,
          series: interval)),
      Named(
        file: Self.incomeFile,
        chart: LineChart(
          title: "Income per node per year", xLabel: "year", yLabel: "FLUX per node (p50, band p5–p95)",
          xAxis: .unixTime, series: income)),
    ]
  }

  /// The p50 line and p5–p95 band of `value` over a point's samples; samples where no
  /// replication has a value (nil) are left out.
  static func line(_ name: String, _ aggregate: PointAggregate, _ value: (SampleRow) -> Double?) -> ChartSeries {
    line(name, aggregate, samples: 0..<aggregate.sampleCount) { value($0.series[$1]) }
  }

  /// The same for a value of the period between consecutive samples (a mean interval, a
  /// rate from two cumulative totals), drawn at the period's end; the first sample has no
  /// period before it.
  static func periodLine(
    _ name: String, _ aggregate: PointAggregate, _ value: (_ previous: SampleRow, _ row: SampleRow) -> Double?
  ) -> ChartSeries {
    line(name, aggregate, samples: 1..<max(1, aggregate.sampleCount)) { value($0.series[$1 - 1], $0.series[$1]) }
  }

  private static func line(
    _ name: String, _ aggregate: PointAggregate, samples: Range<Int>, _ value: (JobResult, Int) -> Double?
  ) -> ChartSeries {
    var times: [Double] = []
    var spreads: [Summary] = []
    for k in samples {
      let spread = aggregate.spread { value($0, k) }
      guard spread.count > 0 else { continue }
      times.append(aggregate.time(ofSample: k))
      spreads.append(spread)
    }
    return ChartSeries(name: name, x: times, quantiles: spreads)
  }
}
