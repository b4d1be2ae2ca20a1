/// Numeric tick labels with SI suffixes: `0`, `250k`, `1.5M`, `-2G`.
///
/// SI suffixes (k, M, G, T, P, E) rather than thousands separators, because supplies in
/// the hundreds of millions stay short enough for a y axis: `550M`, not `550,000,000`.
/// One suffix and one number of decimals serve the whole axis, chosen from its largest
/// tick and the fewest decimals that show every tick exactly, so labels line up
/// (`0.5M`, `1.0M`, `1.5M`). Axes up to 9999 keep plain numbers (`2500`, not `2.5k`),
/// which are as short and easier to read. Zero is always `0`. Steps finer than 1e-9, which
/// would need more than nine decimals, fall back to Swift's shortest round-trip form
/// (`2.5e-12`).
enum TickLabels {
  static let suffixes = ["", "k", "M", "G", "T", "P", "E"]

  static func si(_ values: [Double]) -> [String] {
    let largest = values.map(abs).max() ?? 0
    var group = 0
    while group + 1 < suffixes.count, largest >= 10_000, largest >= ChartScale.scaled(1, 3 * (group + 1)) {
      group += 1
    }
    let units = values.map { ChartScale.scaled($0, -3 * group) }
    guard let decimals = (0...9).first(where: { d in units.allSatisfy { isWhole(ChartScale.scaled($0, d)) } })
    else { return values.map { $0 == 0 ? "0" : $0.description } }
    return units.map { $0 == 0 ? "0" : SVGWriter.fixed($0, decimals: decimals) + suffixes[group] }
  }

  private static func isWhole(_ value: Double) -> Bool {
    abs(value - value.rounded()) <= 1e-6 * max(1, abs(value))
  }
}
