import FluxCore
import FluxSim
import Foundation
import Testing

@testable import FluxReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// How lines are told apart and where axes go: tiers by colour and sweep points (or
/// compared scenarios) by dash, yearly values at their year, the block interval on a
/// range around the target spacing.
@Suite struct ChartStyleTests {
  /// A drawn line: its colour and dash pattern (nil: solid).
  struct Line: Equatable {
    var stroke: String
    var dash: String?
  }

  /// The `<polyline>`s of an SVG document, in order.
  static func polylines(_ svg: String) throws -> [Line] {
    final class Collector: NSObject, XMLParserDelegate {
      var lines: [Line] = []
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) {
        if name == "polyline" {
          lines.append(Line(stroke: attributes["stroke"] ?? "", dash: attributes["stroke-dasharray"]))
        }
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    try #require(parser.parse())
    return collector.lines
  }

  /// The run report of a sweep (two points): in the nodes chart each tier has its colour at
  /// both points, and each point its dash in every tier; the supply chart's points differ
  /// in both.
  @Test func sweepsColourTiersAndDashPoints() throws {
    let files = try RunOutputTests.run(workers: 2)
    let nodes = try Self.polylines(try #require(files.first { $0.name == "nodes.svg" }).contents)
    let (solid, dashed) = (nil as String?, LineChart.dashes[1])
    #expect(
      nodes == LineChart.palette.prefix(3).flatMap { [Line(stroke: $0, dash: solid), Line(stroke: $0, dash: dashed)] })
    let supply = try Self.polylines(try #require(files.first { $0.name == "supply.svg" }).contents)
    #expect(
      supply == [Line(stroke: LineChart.palette[0], dash: solid), Line(stroke: LineChart.palette[1], dash: dashed)])
    #expect(Set(LineChart.dashes).count == LineChart.dashes.count)
  }

  /// A constant 30 s interval on the ±50 % range: 15 … 45 s, ticks every 5 s, the line in
  /// the middle rather than stretched over the whole plot.
  @Test func blockIntervalAxisSpansTheTargetSpacing() throws {
    #expect(RunCharts.intervalRange([30]) == [15, 45])
    #expect(RunCharts.intervalRange([120, 30]) == [15, 180])
    let times = (0..<5).map { Double($0 * 86_400) }
    let flat = ChartSeries(name: "interval", points: times.map { ChartPoint(x: $0, y: 30.000_4) })
    let layout = ChartLayout([flat], xAxis: .unixTime, yIncludes: [15, 45], width: 800, height: 400)
    #expect(layout.y.lower == 15 && layout.y.upper == 45)
    #expect(layout.y.ticks.map(\.value) == [15, 20, 25, 30, 35, 40, 45])
    // Without the range, the same line fills the plot from its bottom to its top tick.
    let fitted = ChartLayout([flat], xAxis: .unixTime, width: 800, height: 400)
    #expect(fitted.y.upper - fitted.y.lower < 10)
    // A run under PoN only meets the 30 s spacing; the market fixture's blocks 1,000 …
    // 1,003 are PoW blocks, of 120 s.
    let pon = try CompareOutputTests.baseRun.get()
    let interval = try #require(RunCharts(run: pon).all.first { $0.file == RunCharts.intervalFile })
    #expect(interval.chart.yIncludes == [15, 45])
    let pow = try #require(RunCharts(run: try MarketRunFixture.run()).all.first { $0.file == RunCharts.intervalFile })
    #expect(pow.chart.yIncludes == [60, 180])
  }

  /// Yearly values stand at their year: ticks on whole years, half a year of room at the ends.
  @Test func yearAxisTicksOnWholeYears() {
    let twenty = ChartScale.years(2026, 2045)
    #expect(twenty.lower == 2025.5 && twenty.upper == 2045.5)
    #expect(twenty.ticks.map(\.label) == ["2030", "2035", "2040", "2045"])
    #expect(twenty.ticks.map(\.value) == [2030, 2035, 2040, 2045])
    let one = ChartScale.years(2027, 2027)
    #expect(one.lower == 2026.5 && one.upper == 2027.5 && one.ticks.map(\.label) == ["2027"])
    #expect(ChartScale.years(2026, 2030).ticks.map(\.label) == ["2026", "2027", "2028", "2029", "2030"])
    #expect(ChartScale.years(.nan, .infinity).upper == ChartScale.yearLimit + 0.5)
  }

  /// The run report's income chart puts each full year's income at the year itself.
  @Test func incomeIsChartedAtItsYear() throws {
    let market = try MarketRunFixture.run()
    let income = try #require(RunCharts(run: market).all.first { $0.file == RunCharts.incomeFile })
    #expect(income.chart.xAxis == .year)
    // The fixture's only full year is 2026.
    #expect(income.chart.series.allSatisfy { $0.points.map(\.x) == [2026] })
  }

  /// Names of series drawn over each other, in groups; a line with a different point is apart.
  @Test func coincidingSeriesAreGrouped() {
    let line = [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)]
    let chart = LineChart(
      title: "t", xLabel: "x", yLabel: "y",
      series: [
        ChartSeries(name: "a", points: line), ChartSeries(name: "b", points: [ChartPoint(x: 0, y: 1)]),
        ChartSeries(name: "c", points: line, band: [ChartBand(x: 0, low: 0, high: 3)]),
        ChartSeries(name: "d", points: [ChartPoint(x: 0, y: 1)]), ChartSeries(name: "e", points: []),
        ChartSeries(name: "f", points: []), ChartSeries(name: "g", points: line + [ChartPoint(x: 2, y: .nan)]),
      ])
    #expect(chart.coincidingSeries == [["a", "c", "g"], ["b", "d"]])
    #expect(RunReport.coincidence(chart).hasSuffix(": a, c and g; b and d.\n\n"))
    #expect(RunReport.coincidence(LineChart(title: "t", xLabel: "x", yLabel: "y", series: [])) == "")
  }

  /// A style's indices may be anything: colours and dashes cycle.
  @Test func stylesCycleWhateverTheirIndex() throws {
    let series = [-1, 7, 100].map { index in
      ChartSeries(
        name: "s\(index)", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 1, y: 1)],
        style: SeriesStyle(colour: index, dash: index))
    }
    let lines = try Self.polylines(LineChart(title: "t", xLabel: "x", yLabel: "y", series: series).svg())
    let (colours, dashes) = (LineChart.palette, LineChart.dashes)
    #expect(
      lines
        == [
          Line(stroke: colours[colours.count - 1], dash: dashes[dashes.count - 1]),
          Line(stroke: colours[0], dash: dashes[7 % dashes.count]),
          Line(stroke: colours[100 % colours.count], dash: dashes[100 % dashes.count]),
        ].map { Line(stroke: $0.stroke, dash: $0.dash?.isEmpty == true ? nil : $0.dash) })
  }
}
