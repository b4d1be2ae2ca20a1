import Foundation
import Testing

/// `--format json` of `emission` and `diff-rules`: parsed back, every record holds the
/// fields of the CSV (or of the Markdown report's tables) with the same values: heights as
/// JSON numbers, amounts as the CSV's exact 8-decimal text.
@Suite struct JSONOutputTests {
  /// RFC 4180 records of `text` (CRLF lines, quoted fields with doubled quotes).
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    while let character = characters.next() {
      if quoted {
        if character == "\"" {
          // A doubled quote is a quote; a single one ends the quoted part.
          if let next = characters.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              if next == "," {
                row.append(field)
                field = ""
              } else if next == "\r\n" {
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
              }
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r\n":
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      default: field.append(character)
      }
    }
    return rows
  }

  static func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  /// The keys of the first record of a JSON array printed one record a line, in order.
  static func keyOrder(_ text: String) -> [String] {
    let line = text.split(separator: "\n").first { $0.hasPrefix("{") } ?? ""
    return line.matches(of: #/"([a-z_]+)":/#).map { String($0.output.1) }
  }

  /// The emission table as CSV and as JSON, for the same options: equal field by field.
  func expectSameTable(_ options: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let csv = try CLI.run(["emission"] + options)
    let json = try CLI.run(["emission", "--format", "json"] + options)
    #expect(csv.status == 0 && json.status == 0, sourceLocation: sourceLocation)
    let table = Self.parseCSV(csv.stdout)
    let header = try #require(table.first)
    let records = try #require(try Self.json(json.stdout) as? [[String: Any]])
    #expect(records.count == table.count - 1 && !records.isEmpty, sourceLocation: sourceLocation)
    #expect(Self.keyOrder(json.stdout) == header, sourceLocation: sourceLocation)
    for (row, record) in zip(table.dropFirst(), records) {
      #expect(Set(record.keys) == Set(header), sourceLocation: sourceLocation)
      for (column, cell) in zip(header, row) {
        if column == "height" {
          #expect((record[column] as? NSNumber)?.intValue == Int(cell), sourceLocation: sourceLocation)
        } else {
          #expect(record[column] as? String == cell, "\(column)", sourceLocation: sourceLocation)
        }
      }
    }
  }

  @Test func emissionJSONHasTheCSVFields() throws {
    try expectSameTable([])
    try expectSameTable(["--heights", "0,2,2020000,23044000", "--mode", "code"])
    // Streamed in chunks of 10,000 rows: 12,501 rows in two chunks and the start of a third.
    try expectSameTable(["--every", "2", "--to-height", "25000"])
  }

  /// Amounts stay exact: a supply of 17 significant digits, which a double would round.
  @Test func amountsAreExactStrings() throws {
    let result = try CLI.run(["emission", "--format", "json", "--heights", "39031598"])
    let records = try #require(try Self.json(result.stdout) as? [[String: Any]])
    #expect(records.first?["cumulative_supply"] as? String == "573466469.25732287")
    #expect(Double("573466469.25732287")!.description != "573466469.25732287")
    #expect(result.stdout.hasPrefix("[\n{\"height\":39031598,\"date\":\"2060-12-31T23:59:35Z\","))
    #expect(result.stdout.hasSuffix("}\n]\n"))
  }

  /// The rows of the Markdown table under `heading` in `report`, cells trimmed.
  static func markdownRows(_ report: String, under heading: String) -> [[String]] {
    let section = report.components(separatedBy: "\n## \(heading)\n").dropFirst().first ?? ""
    let lines = section.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
    return lines.dropFirst(2).map { line in
      line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  @Test func diffRulesJSONHoldsTheReportsTables() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = directory.appendingPathComponent("p15.yaml")
    try "overrides:\n  subsidy.pon_reduction_percent: 15\n".write(to: rules, atomically: true, encoding: .utf8)
    let markdown = try CLI.run(["diff-rules", "--rules", rules.path])
    let out = directory.appendingPathComponent("diff.json")
    let written = try CLI.run(["diff-rules", "--rules", rules.path, "--format", "json", "--out", out.path])
    #expect(markdown.status == 0 && written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
    let text = try String(contentsOf: out, encoding: .utf8)
    let report = try #require(try Self.json(text) as? [String: Any])
    #expect(report["report"] as? String == "fluxsim diff-rules")
    #expect(report["horizon"] as? Int == 39_031_598)
    #expect(
      report["first_difference"] as? [String: Int] == ["subsidy": 3_071_200, "split": 3_071_200, "supply": 3_071_200])
    let proposal = try #require(report["proposal"] as? [String: Any])
    #expect(proposal["overrides"] as? [String: String] == ["subsidy.pon_reduction_percent": "15"])
    #expect(report["nodes"] as? [String: Int] == ["cumulus": 3_247, "nimbus": 1_615, "stratus": 1_627])

    // Emission side by side: the Markdown table's rows, field by field.
    let emission = try #require(report["emission"] as? [[String: Any]])
    let rows = Self.markdownRows(markdown.stdout, under: "Emission side by side")
    #expect(emission.count == rows.count && !rows.isEmpty)
    let keys = [
      "height", "date", "event", "base_subsidy", "proposal_subsidy", "base_supply", "proposal_supply",
      "supply_difference",
    ]
    for (row, record) in zip(rows, emission) {
      #expect(record["height"] as? Int == Int(row[0]))
      #expect(
        (record["event"] as? String)?.replacingOccurrences(of: "\\", with: "") == row[2].replacing("\\", with: ""))
      for (key, cell) in zip(keys, row) where key != "height" && key != "event" {
        #expect(record[key] as? String == cell, "\(key)")
      }
    }

    // The supply difference at the horizon: the Markdown row, its percentage a number.
    let supply = try #require(report["supply_difference"] as? [[String: Any]])
    let last = try #require(supply.last)
    #expect(last["at"] as? String == "end of 2060 (horizon)")
    #expect(last["difference"] as? String == "-53503239.36259228")
    #expect((last["difference_percent_of_base"] as? NSNumber)?.doubleValue == -9.3298)
    #expect(supply.count == Self.markdownRows(markdown.stdout, under: "Supply difference").count)

    // Income per node in 2047, a full year after reduction 20: 1,051,200 blocks × 0.12157665
    // FLUX to cumulus (base) over 3,247 nodes, rounded down to the satoshi.
    let income = try #require(report["income_per_node"] as? [[String: Any]])
    let year = try #require(income.first { $0["year"] as? Int == 2047 })
    #expect(year["blocks"] as? Int == 1_051_200 && year["complete"] as? Bool == true)
    let satoshi = 1_051_200 * 12_157_665 / 3_247
    #expect(year["cumulus_base"] as? String == String(format: "%d.%08d", satoshi / 100_000_000, satoshi % 100_000_000))
    #expect(
      Self.keyOrder(text.components(separatedBy: "\"income_per_node\": ").last ?? "").prefix(5) == [
        "year", "last_height", "complete", "blocks", "cumulus_base",
      ])

    // The JSON file is fluxsim's: a Markdown report may replace it, and back.
    let replaced = try CLI.run(["diff-rules", "--rules", rules.path, "--out", out.path])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(try String(contentsOf: out, encoding: .utf8) == markdown.stdout)
    #expect(try CLI.run(["diff-rules", "--rules", rules.path, "--format", "json", "--out", out.path]).status == 0)
    #expect(try String(contentsOf: out, encoding: .utf8) == text)
  }
}
