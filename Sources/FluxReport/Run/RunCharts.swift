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
    let aggregates = (0..<run.plan.pointCount).map { PointAggregate(results: run.results(ofPoint: $0)) }
    func series(_ name: (Int) -> String, _ value: @escaping (SampleRow) -> Double, band: Bool) -> [ChartSeries] {
      aggregates.enumerated().map { point, aggregate in
        let samples = 0..<aggregate.sampleCount
        let spreads = samples.map { aggregate.spread(ofSample: $0, value) }
        let times = samples.map { aggregate.time(ofSample: $0) }
        return ChartSeries(
          name: name(point), points: zip(times, spreads).map { ChartPoint(x: $0, y: $1.p50) },
          band: band ? zip(times, spreads).map { ChartBand(x: $0, low: $1.p5, high: $1.p95) } : nil)
      }
    }
    let names = { (point: Int) in run.pointName(point) }
    var charts = [
      Named(
        file: Self.supplyFile,
        chart: LineChart(
          title: "Supply", xLabel: "date", yLabel: "FLUX (p50, band p5–p95)", xAxis: .unixTime,
          series: series(names, { Double($0.supply.satoshi) / 1e8 }, band: true)))
    ]
    var nodeSeries: [ChartSeries] = []
    for tier in Tier.allCases {
      nodeSeries += series({ "\(tier) · \(names($0))" }, { Double($0.nodes[tier].confirmed) }, band: true)
    }
    charts.append(
      Named(
        file: "nodes.svg",
        chart: LineChart(
          title: "Confirmed nodes per tier", xLabel: "date", yLabel: "nodes (p50, band p5–p95)", xAxis: .unixTime,
          series: nodeSeries)))
    charts.append(
      Named(
        file: "block-interval.svg",
        chart: LineChart(
          title: "Mean block interval", xLabel: "date", yLabel: "seconds (p50, band p5–p95)", xAxis: .unixTime,
          series: series(names, \.meanBlockInterval, band: true).map { line in
            // The first row has no interval before it.
            var line = line
            line.points = Array(line.points.dropFirst())
            line.band = line.band.map { Array($0.dropFirst()) }
            return line
          })))
    var incomeSeries: [ChartSeries] = []
    for (point, aggregate) in aggregates.enumerated() {
      let years = aggregate.years.filter(aggregate.isFullYear)
      for tier in Tier.allCases {
        let spreads = years.map { aggregate.incomePerNode(tier, in: $0) }
        let times = years.map { aggregate.time(atEndOf: $0) }
        incomeSeries.append(
          ChartSeries(
            name: "\(tier) · \(names(point))", points: zip(times, spreads).map { ChartPoint(x: $0, y: $1.p50 / 1e8) },
            band: zip(times, spreads).map { ChartBand(x: $0, low: $1.p5 / 1e8, high: $1.p95 / 1e8) }))
      }
    }
    charts.append(
      Named(
        file: Self.incomeFile,
        chart: LineChart(
          title: "Income per node per year", xLabel: "year", yLabel: "FLUX per node (p50, band p5–p95)",
          xAxis: .unixTime, series: incomeSeries)))
    all = charts
  }
}
