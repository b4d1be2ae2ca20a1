import ArgumentParser
import FluxCore

extension SupplyMode: ExpressibleByArgument {}
extension Network: ExpressibleByArgument {}

/// How a table is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, markdown
}

/// A comma-separated list of block heights, e.g. `1,2,2020000`.
struct HeightList: ExpressibleByArgument {
  var heights: [Int]

  init?(argument: String) {
    var heights: [Int] = []
    for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard let height = Int(part.filter { $0 != "_" && $0 != " " }), height >= 0 else { return nil }
      heights.append(height)
    }
    self.heights = heights
  }
}
