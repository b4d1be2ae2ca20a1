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

/// Nodes per tier as `cumulus,nimbus,stratus`, e.g. `3247,1615,1627`; each at least 1.
struct TierCounts: ExpressibleByArgument {
  var counts: TierValues<Int>

  init?(argument: String) {
    let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.filter { $0 != "_" && $0 != " " })
    }
    guard parts.count == 3, let cumulus = parts[0], let nimbus = parts[1], let stratus = parts[2],
      min(cumulus, nimbus, stratus) >= 1
    else { return nil }
    self.counts = TierValues(cumulus: cumulus, nimbus: nimbus, stratus: stratus)
  }
}
