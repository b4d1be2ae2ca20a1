extension LineChart {
  /// Gridlines at every tick, the two axis lines, tick labels and axis labels.
  func writeAxes(_ layout: ChartLayout, to svg: inout SVGWriter) {
    let (left, right) = (SVGWriter.fixed(layout.left), SVGWriter.fixed(layout.right))
    let (top, bottom) = (SVGWriter.fixed(layout.top), SVGWriter.fixed(layout.bottom))
    svg.open("g", ["class": "grid", "stroke": "#e0e0e0", "stroke-width": "1"])
    for tick in layout.x.ticks {
      let x = SVGWriter.fixed(layout.px(tick.value))
      svg.element("line", ["x1": x, "y1": top, "x2": x, "y2": bottom])
    }
    for tick in layout.y.ticks {
      let y = SVGWriter.fixed(layout.py(tick.value))
      svg.element("line", ["x1": left, "y1": y, "x2": right, "y2": y])
    }
    svg.close()
    svg.open("g", ["class": "axes", "stroke": "#333333", "stroke-width": "1"])
    svg.element("line", ["x1": left, "y1": bottom, "x2": right, "y2": bottom])
    svg.element("line", ["x1": left, "y1": top, "x2": left, "y2": bottom])
    svg.close()
    svg.open("g", ["class": "x-ticks", "text-anchor": "middle", "fill": "#333333"])
    for tick in layout.x.ticks {
      let x = SVGWriter.fixed(layout.px(tick.value))
      svg.element("text", ["x": x, "y": SVGWriter.fixed(layout.bottom + 18)], text: tick.label)
    }
    svg.close()
    svg.open("g", ["class": "y-ticks", "text-anchor": "end", "fill": "#333333"])
    for tick in layout.y.ticks {
      let y = SVGWriter.fixed(layout.py(tick.value) + 4)
      svg.element("text", ["x": SVGWriter.fixed(layout.left - 8), "y": y], text: tick.label)
    }
    svg.close()
    let middleX = SVGWriter.fixed((layout.left + layout.right) / 2)
    svg.element(
      "text", ["class": "x-label", "x": middleX, "y": SVGWriter.fixed(layout.bottom + 38), "text-anchor": "middle"],
      text: xLabel)
    let middleY = SVGWriter.fixed((layout.top + layout.bottom) / 2)
    svg.element(
      "text",
      [
        "class": "y-label", "x": "0", "y": "0", "text-anchor": "middle",
        "transform": "translate(18 " + middleY + ") rotate(-90)",
      ],
      text: yLabel)
  }

  /// All bands, then all lines, so that no band covers another series' line.
  func writeSeries(_ series: [ChartSeries], _ layout: ChartLayout, to svg: inout SVGWriter) {
    svg.open("g", ["class": "bands", "stroke": "none", "fill-opacity": "0.2"])
    for (index, item) in series.enumerated() {
      guard let band = item.band, !band.isEmpty else { continue }
      let edges = band.map { layout.point($0.x, $0.low) } + band.reversed().map { layout.point($0.x, $0.high) }
      svg.element("polygon", ["points": edges.joined(separator: " "), "fill": Self.color(of: item, index)])
    }
    svg.close()
    svg.open("g", ["class": "lines", "fill": "none", "stroke-width": "2", "stroke-linejoin": "round"])
    for (index, item) in series.enumerated() {
      if item.points.count == 1, let only = item.points.first {
        let (x, y) = (SVGWriter.fixed(layout.px(only.x)), SVGWriter.fixed(layout.py(only.y)))
        svg.element("circle", ["cx": x, "cy": y, "r": "3", "fill": Self.color(of: item, index)])
      } else if item.points.count > 1 {
        let points = item.points.map { layout.point($0.x, $0.y) }.joined(separator: " ")
        svg.element("polyline", ["points": points, "stroke": Self.color(of: item, index)], more: Self.dash(item))
      }
    }
    svg.close()
  }

  /// One entry per series: a line swatch, over a band swatch when the series has a band,
  /// and the name.
  func writeLegend(_ series: [ChartSeries], _ layout: ChartLayout, to svg: inout SVGWriter) {
    svg.open("g", ["class": "legend"])
    for (index, (item, slot)) in zip(series, layout.legend).enumerated() {
      let (x, y) = (slot.x, slot.y - 4)
      svg.open("g", ["class": "legend-entry"])
      if let band = item.band, !band.isEmpty {
        svg.element(
          "rect",
          [
            "x": SVGWriter.fixed(x), "y": SVGWriter.fixed(y - 6), "width": "24", "height": "12",
            "fill": Self.color(of: item, index), "fill-opacity": "0.2",
          ])
      }
      svg.element(
        "line",
        [
          "x1": SVGWriter.fixed(x), "y1": SVGWriter.fixed(y), "x2": SVGWriter.fixed(x + 24), "y2": SVGWriter.fixed(y),
          "stroke": Self.color(of: item, index), "stroke-width": "2",
        ], more: Self.dash(item))
      svg.element("text", ["x": SVGWriter.fixed(x + 30), "y": SVGWriter.fixed(slot.y)], text: item.name)
      svg.close()
    }
    svg.close()
  }

  /// The colour of `series`, the `index`-th of the chart: its style's, or by its index.
  static func color(of series: ChartSeries, _ index: Int) -> String {
    palette[cycled(series.style.colour ?? index, palette.count)]
  }

  /// The `stroke-dasharray` attribute of `series`' style; none for a solid line.
  static func dash(_ series: ChartSeries) -> [(String, String)] {
    let pattern = dashes[cycled(series.style.dash, dashes.count)]
    return pattern.isEmpty ? [] : [("stroke-dasharray", pattern)]
  }

  /// `index` modulo `count`, in 0..<count for any index (a style's are the caller's).
  private static func cycled(_ index: Int, _ count: Int) -> Int { (index % count + count) % count }
}
