import ArgumentParser
import FluxCore

extension SupplyMode: ExpressibleByArgument {}
extension Network: ExpressibleByArgument {}

/// How a table is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, markdown
}

/// A comma-separated list of distinct block heights, e.g. `1,2,2020000`, each
/// 0 … `ChainParams.maxHeight`.
///
/// Any argument is taken and its mistake kept, for the command's `validate()` to report
/// with the option's range and exit status 2 (ArgumentParser would refuse it with 64).
struct HeightList: ExpressibleByArgument {
  var heights: Result<[Int], OptionMistake>

  init(argument: String) {
    let expected = "--heights: expected comma-separated heights from 0 to \(ChainParams.maxHeight)"
    var heights: [Int] = []
    var seen: Set<Int> = []
    for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard let height = Int(part.filter { $0 != "_" && $0 != " " }), (0...ChainParams.maxHeight).contains(height)
      else {
        self.heights = .failure(OptionMistake("\(expected), found \"\(part)\""))
        return
      }
      guard seen.insert(height).inserted else {
        self.heights = .failure(OptionMistake("--heights: height \(height) is given twice"))
        return
      }
      heights.append(height)
    }
    self.heights = .success(heights)
  }
}

/// Nodes per tier as `cumulus,nimbus,stratus`, e.g. `3247,1615,1627`, each 1 … `maxCount`;
/// a mistake is kept for `validate()`, as in `HeightList`.
struct TierCounts: ExpressibleByArgument {
  /// A billion nodes per tier: far beyond any fleet, and small enough to print.
  static let maxCount = 1_000_000_000

  var counts: Result<TierValues<Int>, OptionMistake>

  init(argument: String) {
    let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.filter { $0 != "_" && $0 != " " })
    }
    guard parts.count == 3, let cumulus = parts[0], let nimbus = parts[1], let stratus = parts[2],
      [cumulus, nimbus, stratus].allSatisfy((1...Self.maxCount).contains)
    else {
      counts = .failure(
        OptionMistake(
          "--nodes: expected three node counts cumulus,nimbus,stratus, each from 1 to \(Self.maxCount), "
            + "found \"\(argument)\""))
      return
    }
    counts = .success(TierValues(cumulus: cumulus, nimbus: nimbus, stratus: stratus))
  }
}
