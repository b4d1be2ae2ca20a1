import FluxCore
import FluxSim

extension ChartSeries {
  /// The median as the line and p5–p95 as the band: how every run chart shows a quantity
  /// across replications, so the reader learns one convention.
  /// - Parameters:
  ///   - x: Where each summary sits, ascending.
  ///   - unit: Divides every quantile (1e8 to show satoshi as FLUX).
  init(name: String, x: [Double], quantiles: [Summary], unit: Double = 1, style: SeriesStyle = SeriesStyle()) {
    self.init(
      name: name, points: zip(x, quantiles).map { ChartPoint(x: $0, y: $1.p50 / unit) },
      band: zip(x, quantiles).map { ChartBand(x: $0, low: $1.p5 / unit, high: $1.p95 / unit) }, style: style)
  }
}

extension SeriesStyle {
  /// A tier's line at a sweep point (or compared scenario): the tier is the colour, the
  /// point the dash, so every chart shows a tier in the same colour and lines of points
  /// with the same result stay apart.
  static func tier(_ tier: Tier, point: Int) -> SeriesStyle { SeriesStyle(colour: tier.index, dash: point) }

  /// A line of its own at a sweep point (or compared scenario): colour and dash both
  /// follow the point.
  static func point(_ point: Int) -> SeriesStyle { SeriesStyle(colour: point, dash: point) }
}
