import FluxCore
import FluxSim
import Foundation

/// A file a scenario names besides itself (a price CSV), as read: its contents belong to
/// the run as much as the scenario's text does.
public struct DataFile: Sendable, Equatable {
  /// The path as resolved (relative to the scenario file's folder, or absolute).
  public let path: String
  /// The path as written in the scenario (`data/price-crash.csv`): what the run manifest
  /// records and where a run folder keeps its copy.
  public let written: String
  /// The file's bytes, as read (hashed into the run manifest, copied into the run folder).
  public let bytes: Data
  /// The bytes as UTF-8 text.
  public let text: String
}

/// Reads the files a scenario names, relative to the scenario file's folder, once each
/// however many sweep points name them, and fills their contents into the scenario.
struct DataFileReader {
  /// The file whose folder relative paths start from.
  let scenarioFile: String
  /// The files read, in the order first read.
  private(set) var files: [DataFile] = []
  private var prices: [String: [PricePoint]] = [:]

  init(scenarioFile: String) { self.scenarioFile = scenarioFile }

  /// `scenario` with the points of its price CSV (if it names one) read in.
  mutating func resolve(_ scenario: Scenario, tree: SourceTree) throws(Diagnostics) -> Scenario {
    guard case .csv(let written, _) = scenario.economics?.fluxUSD else { return scenario }
    let path = Self.path(written, relativeTo: scenarioFile)
    if prices[path] == nil {
      guard FileManager.default.fileExists(atPath: path) else {
        throw Diagnostics(items: [
          tree.diagnostic(at: "economics.flux_usd.csv", "cannot read the price series \"\(path)\": no such file")
        ])
      }
      func unreadable(_ reason: String) -> Diagnostics {
        Diagnostics(items: [
          tree.diagnostic(at: "economics.flux_usd.csv", "cannot read the price series \"\(path)\": \(reason)")
        ])
      }
      // Read once, as bytes: the text parsed is exactly the bytes hashed and copied.
      let bytes: Data
      do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw unreadable(error.localizedDescription)
      }
      guard let text = String(data: bytes, encoding: .utf8) else { throw unreadable("not UTF-8 text") }
      prices[path] = try PriceCSV.parse(file: path, text: text)
      files.append(DataFile(path: path, written: written, bytes: bytes, text: text))
    }
    var resolved = scenario
    resolved.economics?.fluxUSD = .csv(path: written, points: prices[path] ?? [])
    return resolved
  }

  /// `path` as seen from the folder of `file` (unchanged when absolute).
  static func path(_ path: String, relativeTo file: String) -> String {
    guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
    return String(file[...slash]) + path
  }
}

/// A FLUX price series as CSV: the header `date,usd`, then one `DATE,USD` line per point
/// (a UTC date or date-time, USD per FLUX > 0), dates ascending. Blank lines are skipped.
/// Every mistake is reported as `file:line: error: …`.
enum PriceCSV {
  static let header = "date,usd"

  static func parse(file: String, text: String) throws(Diagnostics) -> [PricePoint] {
    var problems: [Diagnostic] = []
    func fail(_ line: Int, _ keyPath: String, _ message: String) {
      problems.append(Diagnostic(file: file, line: line, keyPath: keyPath, message: message))
    }
    // "\r\n" is one Character, a newline like "\n".
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    let headerText = lines.first.map { $0.split(separator: ",").map(\.trimmingSpaces).joined(separator: ",") } ?? ""
    guard headerText == header else {
      fail(1, "", "expected the header \(header), found \"\(lines.first ?? "")\"")
      throw Diagnostics(items: problems)
    }
    var points: [PricePoint] = []
    for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
      let number = offset + 1
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
      guard cells.count == 2 else {
        fail(number, "", "expected DATE,USD, found \"\(line)\"")
        continue
      }
      guard let date = DateValue(text: cells[0]) else {
        fail(number, "date", "expected \(DateValue.expected), found \"\(cells[0])\"")
        continue
      }
      guard let price = USDPriceValue(text: cells[1]) else {
        fail(number, "usd", "expected \(USDPriceValue.expected), found \"\(cells[1])\"")
        continue
      }
      if !(price.usd > 0) { fail(number, "usd", "must be > 0, found \(price)") }
      if let last = points.last, date.seconds <= last.time {
        fail(number, "date", "must be after the previous line's date (\(UTCTime.iso8601(last.time)))")
      }
      points.append(PricePoint(time: date.seconds, usd: price.usd))
    }
    if problems.isEmpty, points.isEmpty { fail(2, "", "expected at least one line DATE,USD after the header") }
    guard problems.isEmpty else { throw Diagnostics(items: problems) }
    return points
  }
}
