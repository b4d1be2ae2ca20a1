import FluxCore
import Foundation
import Testing

@testable import FluxScenario

/// Data files resolve under the scenario's folder by one rule for every command: absolute
/// paths, `..` and symbolic links out of the folder are refused, located, before anything
/// is read; a price CSV is bounded in rows and quoted only in short, escaped excerpts.
@Suite struct DataFilePathTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)")

  func load(_ csv: String) -> String {
    let text = "name: c\nhorizon: 1d\neconomics: { flux_usd: { csv: \(csv) } }\n"
    do {
      _ = try ScenarioLoader.load(file: folder.appendingPathComponent("s.yaml").path, text: text)
      return "accepted"
    } catch {
      return error.description
    }
  }

  func setUp(csv: String = "date,usd\n2026-09-03,0.5\n") throws {
    let data = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Data(csv.utf8).write(to: data.appendingPathComponent("p.csv"))
    try Data(csv.utf8).write(
      to: folder.deletingLastPathComponent().appendingPathComponent("outside-\(folder.lastPathComponent).csv"))
  }

  @Test func pathsLeavingTheFolderAreRefused() throws {
    try setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let at = "\(folder.path)/s.yaml:3:26: error: economics.flux_usd.csv: "
    let advice = "data files are read from the scenario's folder: give a path inside it, such as data/prices.csv"
    #expect(load("/etc/passwd") == at + "the path is absolute (\"/etc/passwd\"); " + advice)
    #expect(load("../x.csv") == at + "the path goes up a folder (..) (\"../x.csv\"); " + advice)
    #expect(load("data/../../x.csv") == at + "the path goes up a folder (..) (\"data/../../x.csv\"); " + advice)
    #expect(load("\"\"") == at + "the path is empty (\"\"); " + advice)
    #expect(load("\"data/\\e.csv\"") == at + "the path holds a control character (\"data/\\u{1B}.csv\"); " + advice)
    let outside = "../outside-\(folder.lastPathComponent).csv"
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("data/out.csv").path, withDestinationPath: "../" + outside)
    #expect(
      load("data/out.csv")
        == at + "the path leads out of the scenario's folder through a symbolic link (\"data/out.csv\"); " + advice)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("data/in.csv").path, withDestinationPath: "p.csv")
    #expect(load("data/in.csv") == "accepted")
    #expect(load("./data//p.csv") == "accepted")
    try? FileManager.default.removeItem(
      at: folder.deletingLastPathComponent().appendingPathComponent(String(outside.dropFirst(3))))
  }

  @Test func csvContentIsBoundedAndQuotedShort() throws {
    let rows = (0...InputLimits.maxCSVRows).map { "\(UTCTime.iso8601(Int64($0) * 86_400 + 1_000_000_000)),0.5" }
    try setUp(csv: "date,usd\n" + rows.joined(separator: "\n") + "\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("data/p.csv").path
    #expect(load("data/p.csv") == "\(csv):100002: error: more than 100,000 price lines; at most 100,000")
    try Data("root:x:0:0:\u{1B}[2J and the rest of a secret line\n".utf8).write(to: URL(fileURLWithPath: csv))
    // The line has 45 scalars; an excerpt keeps the first 39 and "…" (40 in all), states
    // the length, and writes the escape character as \u{1B}.
    #expect(
      load("data/p.csv")
        == "\(csv):1: error: expected the header date,usd, found "
        + "\"root:x:0:0:\\u{1B}[2J and the rest of a secre…\" (45 characters)")
  }
}
