import FluxCore

/// JSON as fluxsim writes it (`--format json`): tables as arrays of records, one record a
/// line, keyed by column, so `pandas.read_json` or `jq` reads them as they are.
///
/// Counts and heights are JSON numbers. Amounts are strings holding the exact 8-decimal
/// text of the CSV ("429538223.97000000"): most JSON readers parse a number into a double,
/// whose 15 to 17 significant digits cannot hold a supply to the satoshi, so a number
/// would change the value it is meant to carry. User text is a JSON string, escaped as
/// RFC 8259 §7 asks; unlike in CSV it needs no spreadsheet guard (`Table.csvText`).
public enum JSONText {
  /// `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t` or
  /// `\u00XX`, everything else as it is (JSON is UTF-8).
  public static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A cell of a number column: as it is when it is a JSON number (the code that made the
  /// table formatted it exactly), `null` when empty, else a string (never invalid JSON).
  static func number(_ cell: String) -> String {
    if cell.isEmpty { return "null" }
    return isNumber(cell) ? cell : string(cell)
  }

  /// Whether `text` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  static func isNumber(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    func digits() -> Int {
      let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
      bytes = bytes.dropFirst(count)
      return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let leadingZero = bytes.first == UInt8(ascii: "0")
    let whole = digits()
    guard whole > 0, !(leadingZero && whole > 1) else { return false }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard digits() > 0 else { return false }
    }
    if let first = bytes.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }

  /// Each row of `table` as one JSON object on one line: `keys` (the table's columns
  /// unless given, one per column) in column order, the cells of `numbers` (keys) as JSON
  /// numbers and the others as strings.
  public static func records(_ table: Table, keys: [String]? = nil, numbers: Set<String>) -> [String] {
    let columns = (keys ?? table.columns).map { (name: string($0), isNumber: numbers.contains($0)) }
    return table.rows.map { row in
      let fields = zip(columns, row).map { column, cell in
        column.name + ":" + (column.isNumber ? number(cell) : string(cell))
      }
      return "{" + fields.joined(separator: ",") + "}"
    }
  }

  /// `records` as a JSON array, one record a line (`[]` when there is none).
  public static func array(_ records: [String]) -> String {
    records.isEmpty ? "[]" : "[\n" + records.joined(separator: ",\n") + "\n]"
  }

  /// A rule value as written: scalars as strings (text, as the file spelled them), lists
  /// as arrays, mappings as objects in file order.
  public static func ruleValue(_ value: RuleValue) -> String {
    switch value {
    case .scalar(let text): string(text)
    case .list(let items): "[" + items.map(ruleValue).joined(separator: ",") + "]"
    case .map(let fields): object(fields.map { ($0.key, ruleValue($0.value)) })
    }
  }

  /// An object of `fields`, whose values are JSON already, in the given order.
  public static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
