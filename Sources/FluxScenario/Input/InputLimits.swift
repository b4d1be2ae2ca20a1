import FluxCore

/// The largest input fluxsim reads: files, YAML structure and price series.
///
/// Every limit is far above what a real scenario, rules file or price history needs and
/// far below what would exhaust memory or time, so that work and memory stay linear in
/// the size of the input whatever it holds. Scenarios/README.md ("Limits") lists them.
public enum InputLimits {
  /// Bytes of a scenario file, a rules file or a price CSV (4 MiB).
  public static let maxFileBytes = 4 << 20
  /// Levels of nested mappings and lists in a YAML document.
  public static let maxDepth = 32
  /// Items of one YAML list or mapping (sweep values, catalogue, pools, steps, expectations…).
  public static let maxEntries = 10_000
  /// Characters of one YAML scalar (a description, a name, a value).
  public static let maxScalarCharacters = 10_000
  /// Data lines of a price CSV.
  public static let maxCSVRows = 100_000
  /// Characters of a file's content an error may quote.
  public static let excerptCharacters = 40
}

extension Int {
  /// The number with thousands separators: 10,512,000,000.
  var grouped: String {
    let digits = String(magnitude)
    var text = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return self < 0 ? "-" + text : text
  }
}

extension String {
  /// The text quoted for an error, at most `InputLimits.excerptCharacters` of it with its
  /// length when longer and control characters escaped (`MessageText`): how a message
  /// quotes a data file's content without disclosing or replaying more of it.
  var excerpt: String {
    MessageText.escaped(MessageText.quoted(self, limit: InputLimits.excerptCharacters))
  }
}
