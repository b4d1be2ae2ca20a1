import FluxCore
import FluxSim
import Foundation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

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

/// Where a data file named in a scenario may be: below the scenario file's folder, by
/// the same rule whether the scenario is validated, run, resumed or merged.
///
/// A scenario is shared as a folder (its run folder keeps copies of its data files at their
/// paths as written), so a path that leaves the folder would read a file the folder does
/// not hold: an absolute path, a `..` component or a symbolic link pointing outside is
/// refused before anything is read.
public enum DataFilePath {
  /// Why `written` cannot name a data file, or nil when it may.
  public static func problem(_ written: String) -> String? {
    if written.isEmpty { return "the path is empty" }
    if written.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      return "the path holds a control character"
    }
    if written.hasPrefix("/") { return "the path is absolute" }
    let components = written.split(separator: "/")
    if components.contains("..") { return "the path goes up a folder (..)" }
    if components.allSatisfy({ $0 == "." }) { return "the path names the scenario's folder, not a file" }
    return nil
  }

  /// The advice that follows a refusal.
  static let advice = "data files are read from the scenario's folder: give a path inside it, such as data/prices.csv"
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
    let key = "economics.flux_usd.csv"
    func refuse(_ reason: String) -> Diagnostics { Diagnostics(items: [tree.diagnostic(at: key, reason)]) }
    if let problem = DataFilePath.problem(written) {
      throw refuse("\(problem) (\(MessageText.quoted(written))); \(DataFilePath.advice)")
    }
    let path = Self.path(written, relativeTo: scenarioFile)
    if prices[path] == nil {
      if let problem = Self.leavesFolder(path, of: scenarioFile) {
        throw refuse("\(problem) (\(MessageText.quoted(written))); \(DataFilePath.advice)")
      }
      // Read once, as bytes: the text parsed is exactly the bytes hashed and copied.
      let bytes: Data
      func unreadable(_ reason: String) -> Diagnostics {
        refuse("cannot read the price series \(MessageText.quoted(path)): \(reason)")
      }
      do { bytes = try BoundedFile.read(path, limit: InputLimits.maxFileBytes, what: "a price series") } catch {
        throw unreadable(error.description)
      }
      guard let text = String(data: bytes, encoding: .utf8) else { throw unreadable("not UTF-8 text") }
      prices[path] = try PriceCSV.parse(file: path, text: text)
      files.append(DataFile(path: path, written: written, bytes: bytes, text: text))
    }
    var resolved = scenario
    resolved.economics?.fluxUSD = .csv(path: written, points: prices[path] ?? [])
    return resolved
  }

  /// `path` as seen from the folder of `file`.
  static func path(_ path: String, relativeTo file: String) -> String {
    guard let slash = file.lastIndex(of: "/") else { return path }
    return String(file[...slash]) + path
  }

  /// Why `path`, once symbolic links are followed, is not inside the folder of `file`;
  /// nil when it is (or does not exist: reading it then says so).
  static func leavesFolder(_ path: String, of file: String) -> String? {
    let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
    guard let real = realPath(path), let realFolder = realPath(folder.isEmpty ? "/" : folder) else { return nil }
    let inside = realFolder == "/" ? real.hasPrefix("/") : real.hasPrefix(realFolder + "/")
    return inside ? nil : "the path leads out of the scenario's folder through a symbolic link"
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// A FLUX price series as CSV: the header `date,usd`, then one `DATE,USD` line per point
/// (a UTC date or date-time, USD per FLUX > 0 and at most `ScenarioValidator.maxUSD`),
/// dates ascending, at most `InputLimits.maxCSVRows` of them. Blank lines are skipped.
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
      fail(1, "", "expected the header \(header), found \((lines.first ?? "").excerpt)")
      throw Diagnostics(items: problems)
    }
    var points: [PricePoint] = []
    for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
      let number = offset + 1
      if points.count + problems.count >= InputLimits.maxCSVRows {
        fail(
          number, "",
          "more than \(InputLimits.maxCSVRows.grouped) price lines; at most \(InputLimits.maxCSVRows.grouped)")
        break
      }
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
      guard cells.count == 2 else {
        fail(number, "", "expected DATE,USD, found \(line.excerpt)")
        continue
      }
      guard let date = DateValue(text: cells[0]) else {
        fail(number, "date", "expected \(DateValue.expected), found \(cells[0].excerpt)")
        continue
      }
      guard let price = USDPriceValue(text: cells[1]) else {
        fail(number, "usd", "expected \(USDPriceValue.expected), found \(cells[1].excerpt)")
        continue
      }
      if let problem = ScenarioValidator.priceProblem(price) { fail(number, "usd", problem) }
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
