/// A table of already-formatted cells, written as CSV (RFC 4180) or as a Markdown table.
///
/// Cells are strings so that every number is formatted once, by the code that knows
/// its precision (amounts with 8 decimals, dates in ISO 8601), and CSV and Markdown
/// always show the same digits.
public struct Table: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[String]]
  /// Columns right-aligned in Markdown (numbers).
  public var numericColumns: Set<String>

  public init(columns: [String], rows: [[String]] = [], numericColumns: Set<String> = []) {
    self.columns = columns
    self.rows = rows
    self.numericColumns = numericColumns
  }

  /// RFC 4180: a header row, CRLF line ends, and fields quoted when they hold a comma,
  /// a double quote, CR or LF (quotes doubled inside).
  /// - Parameter header: false for a continuation chunk of a streamed table.
  public func csv(header: Bool = true) -> String {
    var out = ""
    for row in (header ? [columns] : []) + rows {
      out += row.map(Self.csvField).joined(separator: ",")
      out += "\r\n"
    }
    return out
  }

  static func csvField(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return cell }
    return "\"" + cell.replacing("\"", with: "\"\"") + "\""
  }

  /// A GitHub-flavoured Markdown table; `|` in cells is escaped.
  /// - Parameter header: false for a continuation chunk of a streamed table.
  public func markdown(header: Bool = true) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }
    let rule = columns.map { numericColumns.contains($0) ? "---:" : "---" }
    return (header ? line(columns) + line(rule) : "") + rows.map(line).joined()
  }
}
