import FluxCore

/// Number and date formatting for outputs: fixed precision, `.` decimals, no locale, so
/// the same values always give the same bytes.
public enum Format {
  /// `value` with exactly `decimals` digits after the point, rounded half away from zero,
  /// never `-0.00`; written by hand so the output depends on neither locale nor platform.
  /// Values whose digits do not fit in Int64 fall back to Swift's shortest form.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e18 else { return value.description }
    let units = Int64(scaled)
    let whole = units / Int64(scale)
    let fraction = units % Int64(scale)
    let sign = value < 0 && units != 0 ? "-" : ""
    guard decimals > 0 else { return "\(sign)\(whole)" }
    let digits = String(fraction)
    return "\(sign)\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
  }

  /// A UTC date-time, ISO 8601.
  public static func date(_ seconds: Int64) -> String { UTCTime.iso8601(seconds) }

  /// A UTC date without the time.
  public static func day(_ seconds: Int64) -> String { String(UTCTime.iso8601(seconds).prefix(10)) }

  /// FLUX with 8 decimals (exact).
  public static func flux(_ amount: Amount) -> String { amount.description }

  /// FLUX given as satoshi in a `Double` (quantiles), with 8 decimals.
  public static func flux(satoshi: Double) -> String { fixed(satoshi / 1e8, 8) }

  /// A rule-override value on one line of Markdown, scalars as code spans exactly as the
  /// user wrote them (so a report shows `12.50` where the file said 12.50, not a
  /// re-parsed 12.5), keys escaped: a value is user text (a fund's name) and may hold
  /// backticks or markup (`MarkdownText`).
  public static func ruleValue(_ value: RuleValue) -> String {
    switch value {
    case .scalar(let text): MarkdownText.code(text)
    case .list(let items): "[" + items.map(ruleValue).joined(separator: ", ") + "]"
    case .map(let fields):
      "{" + fields.map { "\(MarkdownText.escape($0.key)): \(ruleValue($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// A large number with thousands separators and no decimals: 547,804,785.
  public static func grouped(_ value: Double) -> String {
    let text = fixed(value, 0)
    let negative = text.hasPrefix("-")
    let digits = Array(negative ? text.dropFirst() : Substring(text))
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (negative ? "-" : "") + out
  }
}
