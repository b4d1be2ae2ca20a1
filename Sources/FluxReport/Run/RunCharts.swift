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
      // The first row has no interval before it.
      var line = Self.line(name, aggregate, \.meanBlockInterval)
      line.points = Array(line.points.dropFirst())
      line.band = line.band.map { Array($0.dropFirst()) }
      interval.append(line)
      let years = aggregate.years.filter(aggregate.isFullYear)
      let times = years.map { aggregate.time(atEndOf: $0) }
      for tier in Tier.allCases {
        let spreads = years.map { aggregate.incomePerNode(tier, in: $0) }
        income.append(
          ChartSeries(
            name: "\(tier) · \(name)", points: zip(times, spreads).map { ChartPoint(x: $0, y: $1.p50 / 1e8) },
            band: zip(times, spreads).map { ChartBand(x: $0, low: $1.p5 / 1e8, high: $1.p95 / 1e8) }))
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

  /// The p50 line and p5–p95 band of `value` over a point's samples.
  static func line(_ name: String, _ aggregate: PointAggregate, _ value: (SampleRow) -> Double) -> ChartSeries {
    let samples = 0..<aggregate.sampleCount
    let spreads = samples.map { aggregate.spread(ofSample: $0, value) }
    let times = samples.map { aggregate.time(ofSample: $0) }
    return ChartSeries(
      name: name, points: zip(times, spreads).map { ChartPoint(x: $0, y: $1.p50) },
      band: zip(times, spreads).map { ChartBand(x: $0, low: $1.p5, high: $1.p95) })
  }
}
