import FluxCore

/// A table of already-formatted cells, written as CSV (RFC 4180) or as a Markdown table.
///
/// Cells are strings so that every number is formatted once, by the code that knows
/// its precision (amounts with 8 decimals, dates in ISO 8601), and CSV and Markdown
/// always show the same digits.
///
/// The table knows which columns hold user text (names, labels, paths): their cells are
/// written as text in either format, safe whatever they hold (see `csv` and `markdown`),
/// while every other cell is written as it is, so a negative amount stays a number.
public struct Table: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[String]]
  /// Columns right-aligned in Markdown (numbers).
  public var numericColumns: Set<String>
  /// Columns whose cells are plain text from the user (a sweep label, a fund's name):
  /// neutralised in CSV, escaped in Markdown.
  public var textColumns: Set<String>

  public init(
    columns: [String], rows: [[String]] = [], numericColumns: Set<String> = [], textColumns: Set<String> = []
  ) {
    self.columns = columns
    self.rows = rows
    self.numericColumns = numericColumns
    self.textColumns = textColumns
  }

  /// RFC 4180: a header row, CRLF line ends, and fields quoted when they hold a comma,
  /// a double quote, CR or LF (quotes doubled inside). Header cells and cells of text
  /// columns are text (`csvText`).
  /// - Parameter header: false for a continuation chunk of a streamed table.
  public func csv(header: Bool = true) -> String {
    let isText = columns.map(textColumns.contains)
    var out = header ? columns.map { Self.csvField(Self.csvText($0)) }.joined(separator: ",") + "\r\n" : ""
    for row in rows {
      out += Self.cells(row, isText, text: Self.csvText, other: { $0 }).map(Self.csvField).joined(separator: ",")
      out += "\r\n"
    }
    return out
  }

  /// `row` with the cells of text columns (`isText`, by column) through `text` and the
  /// others through `other`.
  private static func cells(
    _ row: [String], _ isText: [Bool], text: (String) -> String, other: (String) -> String
  ) -> [String] {
    row.enumerated().map { index, cell in index < isText.count && isText[index] ? text(cell) : other(cell) }
  }

  /// `cell` as an RFC 4180 field, quoted when it holds a comma, a double quote, CR or LF.
  ///
  /// Byte by byte, not by `Character`: "\r\n" is one Character, equal to neither "\r"
  /// nor "\n", and a quote or comma followed by a combining mark is a Character of its
  /// own, so a check by Character left such cells unquoted or their quotes undoubled
  /// (`TableTests`). The bytes inserted are ASCII quotes next to ASCII quotes, so the
  /// result is valid UTF-8 again.
  static func csvField(_ cell: String) -> String {
    let quote = UInt8(ascii: "\"")
    func isSpecial(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: ",") || byte == quote || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
    guard cell.utf8.contains(where: isSpecial) else { return cell }
    var field: [UInt8] = [quote]
    field.reserveCapacity(cell.utf8.count + 8)
    for byte in cell.utf8 {
      field.append(byte)
      if byte == quote { field.append(quote) }
    }
    field.append(quote)
    return String(decoding: field, as: UTF8.self)
  }

  /// A text cell as a spreadsheet must read it: as text.
  ///
  /// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (which can
  /// fetch URLs or, through DDE, start programs), and some drop a leading tab or CR first;
  /// OWASP's CSV-injection guidance is to start such a cell with `'`, which spreadsheets
  /// read as "text follows" and do not show. Control characters other than tab, CR and
  /// LF, which RFC 4180 text does not include and a terminal would act on, become U+FFFD.
  static func csvText(_ cell: String) -> String {
    let kept: Set<Unicode.Scalar> = ["\t", "\r", "\n"]
    let text = String(
      String.UnicodeScalarView(
        cell.unicodeScalars.map { kept.contains($0) || !MessageText.isControl($0) ? $0 : "\u{FFFD}" }))
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
    return "'" + text
  }

  /// A GitHub-flavoured Markdown table. Every cell and column name has its `|` escaped
  /// and its line breaks made spaces, so it stays in its cell (`MarkdownText.cell`);
  /// cells of text columns are escaped as text first (`MarkdownText.escape`), the others
  /// are Markdown as written.
  /// - Parameter header: false for a continuation chunk of a streamed table.
  public func markdown(header: Bool = true) -> String {
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
    let isText = columns.map(textColumns.contains)
    let rule = columns.map { numericColumns.contains($0) ? "---:" : "---" }
    let head = header ? line(columns.map(MarkdownText.cell)) + line(rule) : ""
    let text = { MarkdownText.cell(MarkdownText.escape($0)) }
    return head + rows.map { line(Self.cells($0, isText, text: text, other: MarkdownText.cell)) }.joined()
  }
}
