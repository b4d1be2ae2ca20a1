import FluxCore
import FluxSim

/// Numbers with explicit units, as scenario files write them: "30s", "6h", "20y",
/// "0.03/month", "1.5M/s", "20%/year". A unit is never guessed: a bare number where a
/// duration is expected is an error that says which units are accepted.
enum UnitParser {
  /// Seconds per duration unit. A year is the Gregorian mean (365.2425 days), a month a
  /// twelfth of it, so that "12mo" and "1y" agree.
  static let durationUnits: [(unit: String, seconds: Double)] = [
    ("s", 1), ("min", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800),
    ("mo", Double(JobConfig.secondsPerYear) / 12), ("y", Double(JobConfig.secondsPerYear)),
  ]

  /// Periods a rate may be given per.
  static let ratePeriods: [(unit: String, seconds: Double)] = [
    ("day", 86_400), ("week", 604_800), ("month", Double(JobConfig.secondsPerYear) / 12),
    ("year", Double(JobConfig.secondsPerYear)),
  ]

  /// A finite decimal number (digits, optional sign, point and exponent; underscores allowed).
  static func number(_ text: Substring) -> Double? {
    let cleaned = text.filter { $0 != "_" }
    guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }),
      let value = Double(cleaned), value.isFinite
    else { return nil }
    return value
  }

  /// Splits "1.5h" into (1.5, "h").
  static func split(_ text: String) -> (number: Double, unit: String)? {
    let trimmed = text.trimmingSpaces
    guard let unitStart = trimmed.firstIndex(where: { $0.isLetter || $0 == "%" || $0 == "/" }) else {
      return number(Substring(trimmed)).map { ($0, "") }
    }
    // An exponent's "e" belongs to the number when digits follow it.
    var split = unitStart
    if "eE".contains(trimmed[unitStart]), let next = trimmed.index(unitStart, offsetBy: 1, limitedBy: trimmed.endIndex),
      next < trimmed.endIndex, trimmed[next].isNumber || trimmed[next] == "-" || trimmed[next] == "+"
    {
      split = trimmed[next...].firstIndex(where: { $0.isLetter || $0 == "%" || $0 == "/" }) ?? trimmed.endIndex
    }
    guard let value = number(trimmed[..<split]) else { return nil }
    return (value, String(trimmed[split...]).trimmingSpaces)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces.
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// A value written as one scalar of text in a scenario file, read and written through
/// that text, with one "expected …, found …" message when it does not parse.
protocol TextValue: Codable, CustomStringConvertible {
  /// What the text should look like, for messages.
  static var expected: String { get }
  /// The value of `text`, or nil when it does not parse.
  init?(text: String)
}

extension TextValue {
  public init(from decoder: Decoder) throws {
    let text = try decoder.scalarText(expected: Self.expected)
    guard let value = Self(text: text) else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected \(Self.expected), found \"\(text)\"")
    }
    self = value
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A span of simulated time written with its unit ("30s", "6h", "1d", "20y").
public struct DurationValue: TextValue, Sendable, Equatable {
  public var amount: Double
  public var unit: String

  public var seconds: Double { amount * (UnitParser.durationUnits.first { $0.unit == unit }?.seconds ?? 1) }

  public init(amount: Double, unit: String) {
    self.amount = amount
    self.unit = unit
  }

  static let expected = "a duration with a unit (s, min, h, d, w, mo or y), e.g. 30s, 6h or 20y"

  init?(text: String) {
    guard let (number, unit) = UnitParser.split(text), UnitParser.durationUnits.contains(where: { $0.unit == unit })
    else { return nil }
    self.init(amount: number, unit: unit)
  }

  public var description: String { "\(amount.compactDescription)\(unit)" }
}

/// A rate per node per period, written as "0.03/month" (per day, week, month or year).
public struct RateValue: TextValue, Sendable, Equatable {
  public var amount: Double
  public var period: String

  public var perMonth: Double {
    if period == "month" { return amount }
    return amount * (Double(JobConfig.secondsPerYear) / 12) / periodSeconds
  }

  /// The rate per day (a day is 86,400 s).
  public var perDay: Double { period == "day" ? amount : amount * 86_400 / periodSeconds }

  private var periodSeconds: Double { UnitParser.ratePeriods.first { $0.unit == period }?.seconds ?? 1 }

  public init(amount: Double, period: String) {
    self.amount = amount
    self.period = period
  }

  static let expected = "a rate such as 0.03/month (per day, week, month or year)"

  init?(text: String) {
    let parts = text.split(separator: "/", maxSplits: 1)
    guard parts.count == 2, let amount = UnitParser.number(parts[0]),
      let period = UnitParser.ratePeriods.first(where: { $0.unit == parts[1].trimmingSpaces })
    else { return nil }
    self.init(amount: amount, period: period.unit)
  }

  public var description: String { "\(amount.compactDescription)/\(period)" }
}

/// A hashrate in solutions per second, with an optional SI prefix: "2.5M/s", "800k/s", "1e6/s".
public struct HashrateValue: TextValue, Sendable, Equatable {
  public var solutionsPerSecond: Double

  public init(solutionsPerSecond: Double) { self.solutionsPerSecond = solutionsPerSecond }

  static let prefixes: [(String, Double)] = [("", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)]
  static let expected = "a hashrate in solutions per second such as 2.5M/s or 800k/s"

  init?(text: String) {
    var body = Substring(text.trimmingSpaces)
    guard body.hasSuffix("/s") else { return nil }
    body = body.dropLast(2)
    var scale = 1.0
    if let last = body.last, let prefix = Self.prefixes.first(where: { $0.0 == String(last) }) {
      scale = prefix.1
      body = body.dropLast()
    }
    guard let number = UnitParser.number(body) else { return nil }
    solutionsPerSecond = number * scale
  }

  public var description: String { "\(solutionsPerSecond.compactDescription)/s" }
}

/// A percentage, "20%" (the % is required), as a fraction.
public struct PercentValue: TextValue, Sendable, Equatable {
  public var percent: Double

  public init(percent: Double) { self.percent = percent }

  public var fraction: Double { percent / 100 }

  static let expected = "a percentage such as 20%"

  init?(text: String) {
    guard text.hasSuffix("%"), let number = UnitParser.number(Substring(text.dropLast())) else { return nil }
    percent = number
  }

  public var description: String { "\(percent.compactDescription)%" }
}

/// Apps registered per period, "50/day" (per day, week, month or year).
public struct ArrivalRateValue: TextValue, Sendable, Equatable {
  public var rate: RateValue

  public init(amount: Double, period: String) { rate = RateValue(amount: amount, period: period) }

  /// Apps per day.
  public var perDay: Double { rate.perDay }

  static let expected = "a rate of apps such as 50/day (per day, week, month or year)"

  init?(text: String) {
    guard let rate = RateValue(text: text) else { return nil }
    self.rate = rate
  }

  public var description: String { rate.description }
}

/// A size of RAM or disk with its unit, "1000MB", "2GB", "1TB". Decimal, as FluxOS
/// counts: 1 GB = 1,000 MB, 1 TB = 1,000 GB.
public struct DataSizeValue: TextValue, Sendable, Equatable {
  public var amount: Double
  public var unit: String

  static let units: [(unit: String, megabytes: Double)] = [("MB", 1), ("GB", 1_000), ("TB", 1_000_000)]

  public init(amount: Double, unit: String) {
    self.amount = amount
    self.unit = unit
  }

  public var megabytes: Double { amount * (Self.units.first { $0.unit == unit }?.megabytes ?? 1) }
  public var gigabytes: Double { megabytes / 1_000 }

  static let expected = "a size with a unit (MB, GB or TB), e.g. 1000MB or 2GB"

  init?(text: String) {
    guard let (number, unit) = UnitParser.split(text), Self.units.contains(where: { $0.unit == unit }) else {
      return nil
    }
    self.init(amount: number, unit: unit)
  }

  public var description: String { "\(amount.compactDescription)\(unit)" }
}

/// An app's subscription period: blocks (FluxOS `expire`, "88000") or a duration ("30d")
/// converted at 30 s per block (the PoN block spacing).
public enum SubscriptionValue: TextValue, Sendable, Equatable {
  case blocks(Int)
  case duration(DurationValue)

  /// Seconds per block when a period is given as a duration.
  public static let secondsPerBlock = 30.0

  /// FluxOS's default period from PoN on: 88,000 blocks, about a month (flux-rules.md §7.2).
  public static let defaultPeriod = SubscriptionValue.blocks(88_000)

  /// The period in blocks (rounded; clamped far beyond any FluxOS limit so it stays an Int).
  public var blocks: Int {
    switch self {
    case .blocks(let blocks): blocks
    case .duration(let duration): Int(max(-1e12, min(1e12, duration.seconds / Self.secondsPerBlock)).rounded())
    }
  }

  static let expected = "a number of blocks such as 88000, or a duration such as 30d (30 s per block)"

  init?(text: String) {
    if let blocks = WholeNumber(text: text) {
      self = .blocks(blocks.value)
    } else if let duration = DurationValue(text: text) {
      self = .duration(duration)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .blocks(let blocks): String(blocks)
    case .duration(let duration): duration.description
    }
  }
}

/// A FLUX price in US dollars, "0.30" or "$0.30".
public struct USDPriceValue: TextValue, Sendable, Equatable {
  public var usd: Double

  public init(usd: Double) { self.usd = usd }

  static let expected = "a price in USD such as 0.30"

  init?(text: String) {
    let trimmed = text.trimmingSpaces
    guard let usd = UnitParser.number(Substring(trimmed.hasPrefix("$") ? String(trimmed.dropFirst()) : trimmed))
    else { return nil }
    self.usd = usd
  }

  public var description: String { usd.compactDescription }
}

/// A cost in US dollars per period, "$8/month" (per day, week, month or year).
public struct USDRateValue: TextValue, Sendable, Equatable {
  public var rate: RateValue

  public init(usd: Double, period: String) { rate = RateValue(amount: usd, period: period) }

  /// Dollars per month (a twelfth of a Gregorian year).
  public var perMonth: Double { rate.perMonth }

  static let expected = "a cost in USD per period such as $8/month (per day, week, month or year)"

  init?(text: String) {
    let trimmed = text.trimmingSpaces
    guard trimmed.hasPrefix("$"), let rate = RateValue(text: String(trimmed.dropFirst())) else { return nil }
    self.rate = rate
  }

  public var description: String { "$\(rate)" }
}

/// A percentage per year, "5%/year" (an interest rate, a drift, a volatility).
public struct AnnualPercentValue: TextValue, Sendable, Equatable {
  public var percent: Double

  public init(percent: Double) { self.percent = percent }

  public var fraction: Double { percent / 100 }

  static let expected = "a percentage per year such as 5%/year"

  init?(text: String) {
    let trimmed = text.trimmingSpaces
    guard trimmed.hasSuffix("%/year"), let number = UnitParser.number(Substring(trimmed.dropLast(6))) else {
      return nil
    }
    percent = number
  }

  public var description: String { "\(percent.compactDescription)%/year" }
}

extension Double {
  /// The shortest text that reads back as this value, without a trailing ".0".
  var compactDescription: String {
    let text = description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
