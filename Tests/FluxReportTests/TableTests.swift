import FluxCore
import Testing

@testable import FluxReport

@Suite struct TableTests {
  /// A small RFC 4180 reader, independent of the writer, to prove the output parses back.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\r\n" || c == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(c)
      }
    }
    return rows
  }

  @Test func csvQuotesOnlyWhatNeedsQuoting() {
    let table = Table(columns: ["a", "b"], rows: [["1", "x,y"], ["say \"hi\"", "line\nbreak"]])
    #expect(table.csv() == "a,b\r\n1,\"x,y\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n")
    #expect(Self.parseCSV(table.csv()) == [["a", "b"], ["1", "x,y"], ["say \"hi\"", "line\nbreak"]])
  }

  /// "\r\n" is one Character, equal to neither "\r" nor "\n", and a quote or comma
  /// followed by a combining accent is one Character as well: a check by Character left
  /// such cells unquoted (a row broken in two) or their quotes undoubled. RFC 4180 fields
  /// are byte sequences; expected bytes are written out by hand.
  @Test func csvQuotesByBytesNotCharacters() {
    let table = Table(columns: ["a"], rows: [["x\r\ny"], ["\"\u{301}"], [",\u{301}"]])
    let expected = "a\r\n" + "\"x\r\ny\"\r\n" + "\"\"\"\u{301}\"\r\n" + "\",\u{301}\"\r\n"
    #expect(Array(table.csv().utf8) == Array(expected.utf8))
  }

  @Test func markdownEscapesPipesAndAlignsNumbers() {
    let table = Table(columns: ["n", "text"], rows: [["1", "a|b"]], numericColumns: ["n"])
    #expect(table.markdown() == "| n | text |\n| ---: | --- |\n| 1 | a\\|b |\n")
  }

  @Test func csvTextThatASpreadsheetWouldRunStartsWithAQuote() {
    let dangerous = ["=HYPERLINK(\"http://e.example\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
    let table = Table(
      columns: ["name", "amount"], rows: dangerous.map { [$0, "-1.50000000"] } + [["plain", "2"]],
      textColumns: ["name"])
    let parsed = Self.parseCSV(table.csv())
    #expect(parsed.dropFirst().map { $0[0] } == dangerous.map { "'" + $0 } + ["plain"])
    // Numbers are not text: a negative amount stays a number.
    #expect(parsed.dropFirst().map { $0[1] } == Array(repeating: "-1.50000000", count: dangerous.count) + ["2"])
    #expect(table.csv().contains("\"'=HYPERLINK(\"\"http://e.example\"\")\",-1.50000000\r\n"))
  }

  @Test func csvHeadersAreTextAndControlCharactersAreReplaced() {
    let table = Table(columns: ["-x", "y"], rows: [["a\u{1B}[31mb\u{7}", "c\u{1B}"]], textColumns: ["y", "-x"])
    #expect(table.csv() == "'-x,y\r\na\u{FFFD}[31mb\u{FFFD},c\u{FFFD}\r\n")
  }

  @Test func markdownEscapesTextColumnsAndKeepsTheMarkupOfOthers() {
    let table = Table(
      columns: ["label", "value"], rows: [["# <b>a|b</b>\n- `x`", "`12.50` | **bold**\nnext"]],
      textColumns: ["label"])
    #expect(
      table.markdown()
        == "| label | value |\n| --- | --- |\n"
        + "| \\# &lt;b&gt;a\\|b&lt;/b&gt; - \\`x\\` | `12.50` \\| **bold** next |\n")
  }

  @Test func emissionTableParsesBackWithItsColumns() {
    let schedule = SupplySchedule(params: .mainnet, mode: .observed)
    let rows = schedule.emissionRows(schedule.ruleChangeEvents(through: 30_000_000))
    let parsed = Self.parseCSV(EmissionTable.table(rows).csv())
    #expect(parsed.first == EmissionTable.columns)
    #expect(parsed.count == rows.count + 1)
    for (line, row) in zip(parsed.dropFirst(), rows) {
      #expect(line.count == EmissionTable.columns.count)
      #expect(Int(line[0]) == row.height)
      #expect(Amount(parsing: line[10]) == row.cumulativeSupply)
      let parts = line[3...8].map { Amount(parsing: $0)! }
      #expect(parts[1] + parts[2] + parts[3] + parts[4] + parts[5] == parts[0], "amounts of block \(row.height)")
    }
  }
}
