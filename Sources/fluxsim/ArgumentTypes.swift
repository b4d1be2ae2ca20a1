import ArgumentParser
import FluxCore
import FluxRun

extension SupplyMode: ExpressibleByArgument {}
extension Network: ExpressibleByArgument {}

/// What a shell completes for the arguments that name files (`--generate-completion-script`).
extension CompletionKind {
  /// Scenario and check files.
  static var scenarios: CompletionKind { .file(extensions: ["yaml", "yml"]) }
  /// Rules files, YAML or JSON.
  static var rulesFiles: CompletionKind { .file(extensions: ["yaml", "yml", "json"]) }
}

/// How `emission` prints its table: CSV, a Markdown table under a header, or a JSON
/// array of records with the CSV's columns as keys (`JSONText`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, markdown, json
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

/// Parsers of numeric options that say what is allowed: ArgumentParser's own message for
/// a value it cannot read names the option but not its range.
enum OptionValue {
  /// Why a value was refused; ArgumentParser appends it to "The value 'x' is invalid for '--option'".
  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// A whole number in `range` (underscores allowed as digit separators, as in scenario files).
  static func whole<Number: FixedWidthInteger>(_ text: String, in range: ClosedRange<Number>) throws -> Number {
    guard let value = Number(text.filter { $0 != "_" }), range.contains(value) else {
      throw Refusal(description: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  /// Any whole number, whose range the command's `validate()` checks with its own message;
  /// `expected` says what the option takes when `text` is no whole number at all, which
  /// ArgumentParser's own message would not.
  static func integer(_ text: String, expected: String) throws -> Int {
    guard let value = Int(text.filter { $0 != "_" }) else { throw Refusal(description: "expected \(expected)") }
    return value
  }

  /// Any number, whose range `validate()` checks; `expected` as in `integer`.
  static func decimal(_ text: String, expected: String) throws -> Double {
    guard let value = Double(text) else { throw Refusal(description: "expected \(expected)") }
    return value
  }

  /// A finite number in `range`.
  static func number(_ text: String, in range: ClosedRange<Double>) throws -> Double {
    guard let value = Double(text), value.isFinite, range.contains(value) else {
      throw Refusal(description: "expected a number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }
}

extension ShardSpec {
  /// `K/N` with 0 ≤ K < N ≤ `maxCount`, or the reason it is not.
  static func parse(_ text: String) throws -> ShardSpec {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw OptionValue.Refusal(description: "expected K/N, two whole numbers such as 0/4")
    }
    guard (1...maxCount).contains(count) else {
      throw OptionValue.Refusal(description: "N (the number of shards) must be 1 … \(maxCount), found \(count)")
    }
    guard (0..<count).contains(index) else {
      throw OptionValue.Refusal(description: "K must be 0 … \(count - 1) (below N), found \(index)")
    }
    return ShardSpec(index: index, count: count)
  }
}
