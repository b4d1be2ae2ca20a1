/// A rule-override value as written in a file, before it is given a type.
///
/// FluxCore reads no files; the loader (FluxScenario, over YAML or JSON) turns what it
/// read into this small tree and FluxCore decides what each key means. Scalars stay
/// text so that amounts and percentages are parsed exactly, never through a `Double`.
public indirect enum RuleValue: Sendable, Equatable {
  case scalar(String)
  case list([RuleValue])
  case map([RuleField])

  /// How the value looks, for "expected …, found …" messages: a scalar quoted, and
  /// shortened when long (`MessageText.quoted`), so no value can flood a message.
  public var shortDescription: String {
    switch self {
    case .scalar(let text): MessageText.quoted(text)
    case .list: "a list"
    case .map: "a mapping"
    }
  }
}

/// One `key: value` entry of a mapping, in file order.
public struct RuleField: Sendable, Equatable {
  public var key: String
  public var value: RuleValue

  public init(key: String, value: RuleValue) {
    self.key = key
    self.value = value
  }
}

/// A rule override that could not be applied: which key, and what is wrong.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Dotted path of the offending key, e.g. `subsidy.pon_reduction_percent`.
  public var keyPath: String
  public var message: String

  public init(keyPath: String, message: String) {
    self.keyPath = keyPath
    self.message = message
  }

  public var description: String { "\(keyPath): \(message)" }
}

/// Typed readings of a `RuleValue`; each throws a message saying what was expected.
extension RuleValue {
  func text(expected: String) throws(RuleError) -> String {
    guard case .scalar(let text) = self else { throw .found(self, expected: expected) }
    return text.trimmingASCIIWhitespace
  }

  /// A whole number within `range`.
  func integer(in range: ClosedRange<Int>, expected: String) throws(RuleError) -> Int {
    let text = try text(expected: expected)
    guard let value = Int(text.replacingUnderscores), range.contains(value) else {
      throw .found(self, expected: expected)
    }
    return value
  }

  /// A block height, or `never` (nil).
  func heightOrNever() throws(RuleError) -> Int? {
    if case .scalar(let text) = self, text.trimmingASCIIWhitespace == "never" { return nil }
    return try integer(in: 0...ChainParams.maxHeight, expected: "a block height (0 … 2147483647) or \"never\"")
  }

  /// A number of blocks ≥ `minimum`.
  func blocks(minimum: Int) throws(RuleError) -> Int {
    try integer(in: minimum...ChainParams.maxHeight, expected: "a whole number of blocks ≥ \(minimum)")
  }

  /// An amount of FLUX with at most 8 decimals, ≥ 0.
  func amount() throws(RuleError) -> Amount {
    let expected = "an amount of FLUX ≥ 0 with at most 8 decimals"
    let text = try text(expected: expected)
    guard let amount = Amount(parsing: text.replacingUnderscores), amount >= .zero else {
      throw .found(self, expected: expected)
    }
    return amount
  }

  /// A duration in whole seconds within `range`: `30`, `30s`, `2m`, `1h`, `1d`.
  func seconds(in range: ClosedRange<Int64>) throws(RuleError) -> Int64 {
    let expected = "a duration from \(range.lowerBound)s to \(range.upperBound)s such as 30s, 2m, 1h or 1d"
    let text = try text(expected: expected)
    let units: [(String, Int64)] = [("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
    var number = Substring(text)
    var scale: Int64 = 1
    if let (suffix, factor) = units.first(where: { text.hasSuffix($0.0) }) {
      number = number.dropLast(suffix.count)
      scale = factor
    }
    guard let value = Int64(number), case (let seconds, false) = value.multipliedReportingOverflow(by: scale),
      range.contains(seconds)
    else { throw .found(self, expected: expected) }
    return seconds
  }

  /// A decimal number ≥ 0 with at most 8 decimals, exactly: `"12.5"` → 125 / 10, with an
  /// optional `%`. The denominator is a power of ten up to 10⁸.
  func decimal(expected: String) throws(RuleError) -> (numerator: Int64, denominator: Int64) {
    var text = try text(expected: expected)
    if text.hasSuffix("%") { text.removeLast() }
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
      parts.count == 1 || (parts[1].count <= 8 && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
      let numerator = Int64(whole + (parts.count == 2 ? parts[1] : ""))
    else { throw .found(self, expected: expected) }
    var denominator: Int64 = 1
    for _ in 0..<(parts.count == 2 ? parts[1].count : 0) { denominator *= 10 }
    return (numerator, denominator)
  }

  /// A factor from 0 to `limit`, exactly: a fraction `1/2` (whole numbers over a whole
  /// number > 0) or a decimal `0.5` with at most 8 decimals.
  func factor(upTo limit: Int64) throws(RuleError) -> Ratio {
    let expected = "a factor from 0 to \(limit): a fraction such as 1/2 or a decimal such as 0.5"
    let text = try text(expected: expected).replacingUnderscores
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    let numerator: Int64
    let denominator: Int64
    if parts.count == 2 {
      guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), let n = Int64(parts[0]),
        let d = Int64(parts[1]), d > 0
      else { throw .found(self, expected: expected) }
      (numerator, denominator) = (n, d)
    } else {
      guard !text.hasSuffix("%") else { throw .found(self, expected: expected) }
      (numerator, denominator) = try RuleValue.scalar(text).decimal(expected: expected)
    }
    // numerator / denominator ≤ limit, compared without overflow.
    let bound = denominator.multipliedFullWidth(by: limit)
    guard bound.high > 0 || (bound.high == 0 && UInt64(numerator) <= bound.low) else {
      throw .found(self, expected: expected)
    }
    return Ratio(numerator, denominator)
  }

  /// A percentage from 0 to 100 with at most 8 decimals, as an exact fraction of 100 %
  /// (`"12.5"` → 125 / 1,000).
  func percentage(expected: String) throws(RuleError) -> (numerator: Int64, denominator: Int64) {
    let (numerator, denominator) = try decimal(expected: expected)
    guard numerator <= 100 * denominator else { throw .found(self, expected: "a percentage from 0 to 100") }
    return (numerator, 100 * denominator)
  }

  /// `true` / `false`.
  func boolean() throws(RuleError) -> Bool {
    switch try text(expected: "true or false") {
    case "true": return true
    case "false": return false
    default: throw .found(self, expected: "true or false")
    }
  }

  /// A mapping with exactly the keys cumulus, nimbus and stratus.
  func perTier<T>(_ read: (RuleValue) throws(RuleError) -> T) throws(RuleError) -> TierValues<T> {
    let expected = "a mapping with the keys cumulus, nimbus and stratus"
    guard case .map(let fields) = self else { throw .found(self, expected: expected) }
    for field in fields where Tier.allCases.allSatisfy({ $0.description != field.key }) {
      throw RuleError(keyPath: field.key, message: "unknown tier; expected cumulus, nimbus or stratus")
    }
    func value(_ tier: Tier) throws(RuleError) -> T {
      guard let field = fields.first(where: { $0.key == tier.description }) else {
        throw RuleError(keyPath: "", message: "missing \(tier); \(expected)")
      }
      do { return try read(field.value) } catch { throw error.nested(under: tier.description) }
    }
    return TierValues(cumulus: try value(.cumulus), nimbus: try value(.nimbus), stratus: try value(.stratus))
  }
}

extension RuleError {
  /// "expected X, found Y" for a value at the current key.
  static func found(_ value: RuleValue, expected: String) -> RuleError {
    RuleError(keyPath: "", message: "expected \(expected), found \(value.shortDescription)")
  }

  /// The same error with `key` prepended to its key path.
  public func nested(under key: String) -> RuleError {
    let separator = keyPath.hasPrefix("[") ? "" : "."
    return RuleError(keyPath: keyPath.isEmpty ? key : key + separator + keyPath, message: message)
  }
}

extension String {
  var trimmingASCIIWhitespace: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  /// YAML allows `1_051_200`; so do we.
  var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
