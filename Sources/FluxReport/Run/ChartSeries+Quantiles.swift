import FluxSim

extension ChartSeries {
  /// The median as the line and p5–p95 as the band: how every run chart shows a quantity
  /// across replications, so the reader learns one convention.
  /// - Parameters:
  ///   - x: Where each summary sits, ascending.
  ///   - unit: Divides every quantile (1e8 to show satoshi as FLUX).
  init(name: String, x: [Double], quantiles: [Summary], unit: Double = 1) {
    self.init(
      name: name, points: zip(x, quantiles).map { ChartPoint(x: $0, y: $1.p50 / unit) },
      band: zip(x, quantiles).map { ChartBand(x: $0, low: $1.p5 / unit, high: $1.p95 / unit) })
  }
}
