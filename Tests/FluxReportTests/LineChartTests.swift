import FluxCore
import Foundation
import Testing

@testable import FluxReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Every element of a parsed SVG, in document order, with its attributes and text.
private final class SVGOutline: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
    /// The index of the enclosing element.
    var parent: Int?
    var text = ""
  }

  private(set) var elements: [Element] = []
  private var stack: [Int] = []

  /// Parses `svg`; nil when it is not well-formed XML.
  static func parse(_ svg: String) -> SVGOutline? {
    let outline = SVGOutline()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = outline
    return parser.parse() && parser.parserError == nil ? outline : nil
  }

  func elements(_ name: String, class className: String? = nil) -> [Element] {
    elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
  }

  /// The text of each `<text>` directly inside a `<g>` of class `groupClass`.
  func texts(inGroup groupClass: String) -> [String] {
    elements.filter { $0.name == "text" && $0.parent.map { elements[$0].attributes["class"] } == groupClass }
      .map(\.text)
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    stack.append(elements.count)
    elements.append(Element(name: elementName, attributes: attributeDict, parent: stack.dropLast().last))
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let index = stack.last { elements[index].text += string }
  }
}

@Suite struct LineChartTests {
  static let banded = LineChart(
    title: "Circulating supply",
    xLabel: "Block height",
    yLabel: "FLUX",
    series: [
      ChartSeries(
        name: "median",
        points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 1_000, y: 300e6), ChartPoint(x: 2_000, y: 550e6)],
        band: [
          ChartBand(x: 0, low: 0, high: 0), ChartBand(x: 1_000, low: 280e6, high: 320e6),
          ChartBand(x: 2_000, low: 500e6, high: 560e6),
        ]),
      ChartSeries(name: "no band", points: [ChartPoint(x: 0, y: 10e6), ChartPoint(x: 2_000, y: 20e6)]),
      ChartSeries(name: "empty band", points: [ChartPoint(x: 500, y: 1e6)], band: []),
      ChartSeries(
        name: "band only", points: [],
        band: [ChartBand(x: 0, low: -5e6, high: 5e6), ChartBand(x: 2_000, low: -1e6, high: 1e6)]),
    ])

  /// Numbers in attributes and labels: nothing may read as NaN or infinity.
  private static func expectFiniteNumbers(_ outline: SVGOutline, sourceLocation: SourceLocation = #_sourceLocation) {
    let values =
      outline.elements.flatMap { $0.attributes.values }
      + outline.elements("text").filter { $0.attributes["class"] == nil }.map(\.text)
    for value in values {
      #expect(
        !value.lowercased().contains("nan") && !value.lowercased().contains("inf"), sourceLocation: sourceLocation)
    }
  }

  @Test func svgParsesWithTitleLegendBandsAndLines() throws {
    let svg = Self.banded.svg()
    let outline = try #require(SVGOutline.parse(svg))
    let root = try #require(outline.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["viewBox"] == "0 0 800 400")
    #expect(outline.elements("title").map(\.text) == ["Circulating supply"])
    let legend = outline.elements("g", class: "legend-entry")
    #expect(legend.count == 4)
    #expect(
      outline.elements("text").map(\.text).filter(Self.banded.series.map(\.name).contains) == [
        "median", "no band", "empty band", "band only",
      ])
    #expect(outline.elements("polygon").count == 2)
    #expect(outline.elements("polyline").count == 2)
    #expect(outline.elements("circle").count == 1)
    #expect(outline.texts(inGroup: "y-ticks") == ["-100M", "0", "100M", "200M", "300M", "400M", "500M", "600M"])
    #expect(outline.texts(inGroup: "x-ticks") == ["0", "500", "1000", "1500", "2000"])
    Self.expectFiniteNumbers(outline)
  }

  @Test func outputIsDeterministic() {
    let copy = LineChart(
      title: Self.banded.title, xLabel: Self.banded.xLabel, yLabel: Self.banded.yLabel, series: Self.banded.series)
    #expect(Self.banded.svg() == Self.banded.svg())
    #expect(Self.banded.svg(width: 640, height: 320) == copy.svg(width: 640, height: 320))
  }

  @Test func textIsEscaped() throws {
    let name = "a < b & \"c\""
    let chart = LineChart(
      title: "Alice's <chart>", xLabel: "x & y", yLabel: "bell\u{7}",
      series: [ChartSeries(name: name, points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)])])
    let svg = chart.svg()
    #expect(svg.contains("a &lt; b &amp; &quot;c&quot;"))
    #expect(svg.contains("Alice&apos;s &lt;chart&gt;"))
    let outline = try #require(SVGOutline.parse(svg))
    #expect(outline.elements("title").map(\.text) == ["Alice's <chart>"])
    #expect(outline.elements("text").contains { $0.text == name })
    #expect(outline.elements("text", class: "y-label").map(\.text) == ["bell\u{FFFD}"])
  }

  @Test func niceTicksForTypicalRanges() {
    #expect(ChartScale.niceTicks(0, 550_000_000) == [0, 100e6, 200e6, 300e6, 400e6, 500e6, 600e6])
    #expect(ChartScale.niceTicks(0.3, 0.7) == [0.3, 0.4, 0.5, 0.6, 0.7])
    #expect(ChartScale.niceTicks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ChartScale.niceTicks(-3, 7) == [-4, -2, 0, 2, 4, 6, 8])
    #expect(ChartScale.niceTicks(0, 17.5) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5])
    #expect(ChartScale.niceTicks(1, 1) == [0.9, 0.95, 1, 1.05, 1.1])
    #expect(ChartScale.niceTicks(0, 0) == [-1, -0.5, 0, 0.5, 1])
  }

  @Test func niceTicksCoverAnyRangeWithFiveToEight() {
    let bounds: [Double] = [-1e300, -7_654_321, -13, -0.4, 0, 1e-7, 0.3, 1, 9.99, 42, 1e5, 123_456_789, 1e300]
    for low in bounds {
      for high in bounds where high > low {
        let ticks = ChartScale.niceTicks(low, high)
        #expect((5...8).contains(ticks.count), "\(low)…\(high): \(ticks)")
        #expect(ticks.first! <= low && ticks.last! >= high, "\(low)…\(high): \(ticks)")
        #expect(ticks.allSatisfy(\.isFinite) && zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 })
      }
    }
  }

  @Test func tickLabelsUseOneSIPrefixPerAxis() {
    #expect(TickLabels.si([0, 100e6, 200e6, 600e6]) == ["0", "100M", "200M", "600M"])
    #expect(TickLabels.si([0, 0.5e6, 1e6, 1.5e6]) == ["0", "0.5M", "1.0M", "1.5M"])
    #expect(TickLabels.si([-20_000, -10_000, 0, 10_000]) == ["-20k", "-10k", "0", "10k"])
    #expect(TickLabels.si([0, 2_500, 5_000, 7_500]) == ["0", "2500", "5000", "7500"])
    #expect(TickLabels.si([0, 2e6, 4e6, 6e6]) == ["0", "2M", "4M", "6M"])
    #expect(TickLabels.si([0.3, 0.4, 0.5]) == ["0.3", "0.4", "0.5"])
    #expect(TickLabels.si([0, 2.5, 5]) == ["0", "2.5", "5.0"])
  }

  @Test func degenerateDataGivesValidSVG() throws {
    let cases: [[ChartSeries]] = [
      [],
      [ChartSeries(name: "empty", points: [])],
      [ChartSeries(name: "one point", points: [ChartPoint(x: 3, y: -7)])],
      [ChartSeries(name: "flat", points: [ChartPoint(x: 0, y: 5), ChartPoint(x: 10, y: 5)])],
      [ChartSeries(name: "zeros", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 0, y: 0)])],
      [ChartSeries(name: "huge", points: [ChartPoint(x: -1e308, y: 1e308), ChartPoint(x: 1e308, y: -1e308)])],
      [
        ChartSeries(
          name: "non-finite", points: [ChartPoint(x: .nan, y: 1), ChartPoint(x: 1, y: .infinity)],
          band: [ChartBand(x: 0, low: .nan, high: 1)])
      ],
    ]
    for series in cases {
      for axis in [ChartAxis.number, .unixTime] {
        let chart = LineChart(title: "Degenerate", xLabel: "x", yLabel: "y", xAxis: axis, series: series)
        let outline = try #require(SVGOutline.parse(chart.svg()), "\(series.map(\.name)) \(axis)")
        #expect(outline.elements("g", class: "legend-entry").count == series.count)
        #expect((5...8).contains(outline.texts(inGroup: "y-ticks").count))
        #expect(!outline.texts(inGroup: "x-ticks").isEmpty)
        Self.expectFiniteNumbers(outline)
      }
    }
  }

  @Test func manySeriesWrapTheLegendAndGrowTheChart() throws {
    let series = (0..<20).map { ChartSeries(name: "scenario number \($0)", points: [ChartPoint(x: 0, y: Double($0))]) }
    let svg = LineChart(title: "Many", xLabel: "x", yLabel: "y", series: series).svg(width: 300, height: 100)
    let outline = try #require(SVGOutline.parse(svg))
    #expect(outline.elements("g", class: "legend-entry").count == 20)
    #expect(Int(outline.elements[0].attributes["height"] ?? "") ?? 0 >= 20 * 18)
    #expect(Set(outline.elements("line").compactMap { $0.attributes["stroke"] }).count == LineChart.palette.count)
  }

  @Test func unixTimeTicksFallOnNewYearOverTwentyYears() throws {
    let start = Double(UTCTime.seconds(UTCTime.Components(year: 2020, month: 6, day: 15, hour: 12)))
    let end = Double(UTCTime.seconds(UTCTime.Components(year: 2040, month: 6, day: 15)))
    let scale = ChartScale.time(start, end)
    #expect(scale.ticks.map(\.label) == ["2025", "2030", "2035", "2040"])
    for tick in scale.ticks {
      #expect(UTCTime.components(Int64(tick.value)) == UTCTime.Components(year: Int(tick.label)!, month: 1, day: 1))
    }
    #expect(scale.lower == start && scale.upper == end)

    let chart = LineChart(
      title: "Supply", xLabel: "Date", yLabel: "FLUX", xAxis: .unixTime,
      series: [ChartSeries(name: "supply", points: [ChartPoint(x: start, y: 0), ChartPoint(x: end, y: 1)])])
    let outline = try #require(SVGOutline.parse(chart.svg()))
    #expect(outline.texts(inGroup: "x-ticks") == ["2025", "2030", "2035", "2040"])
  }

  @Test func unixTimeTicksFallOnMonthsUnderThreeYears() {
    let start = Double(UTCTime.seconds(UTCTime.Components(year: 2025, month: 1, day: 10)))
    let end = Double(UTCTime.seconds(UTCTime.Components(year: 2026, month: 1, day: 10)))
    #expect(
      ChartScale.time(start, end).ticks.map(\.label) == [
        "2025-03", "2025-05", "2025-07", "2025-09", "2025-11", "2026-01",
      ])
    let january = Double(UTCTime.seconds(UTCTime.Components(year: 2024, month: 1, day: 1)))
    let single = ChartScale.time(january, january)
    #expect(single.upper - single.lower == ChartScale.minimumTimeSpan)
    #expect(single.ticks.map(\.label) == ["2023-12", "2024-01", "2024-02", "2024-03"])
  }

  @Test func fixedDecimals() {
    #expect(SVGWriter.fixed(3.14159) == "3.14")
    #expect(SVGWriter.fixed(-12.3) == "-12.30")
    #expect(SVGWriter.fixed(-0.001) == "0.00")
    #expect(SVGWriter.fixed(2.5, decimals: 0) == "3")
    #expect(SVGWriter.fixed(-2.5, decimals: 0) == "-3")
    #expect(SVGWriter.fixed(1_234.5678, decimals: 3) == "1234.568")
    #expect(SVGWriter.fixed(0.05, decimals: 1) == "0.1")
    #expect(SVGWriter.fixed(.nan) == "0")
    #expect(SVGWriter.fixed(-.infinity) == "0")
  }
}
