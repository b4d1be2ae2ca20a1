import FluxCore

/// The kinds of value an expectation compares, so that its expected values are read and
/// checked when the file is loaded (a typo in a date is a bad-input error, exit 2, not a
/// failing check).
public enum ExpectedKind: Sendable, Equatable {
  /// FLUX, exact to the satoshi; tolerances in FLUX.
  case amount
  /// A UTC date; tolerances as durations ("30d").
  case date
  /// A whole number (heights, key indexes); tolerances whole numbers.
  case integer
  /// A number (blocks since paid); tolerances numbers.
  case number
  /// One of a few words; only `equals`.
  case word([String])

  var description: String {
    switch self {
    case .amount: "an amount of FLUX"
    case .date: "a UTC date such as 2030-01-01"
    case .integer: "a whole number"
    case .number: "a number"
    case .word(let words): "one of " + words.joined(separator: ", ")
    }
  }
}

/// An expected or actual value, typed.
public enum ExpectedValue: Sendable, Equatable {
  case amount(Amount)
  case date(Int64)
  case number(Double)
  case word(String)

  /// Whether `self` is within `tolerance` of `other` (satoshi or seconds, exact for
  /// amounts and dates; the values must be of the same kind).
  public func isWithin(_ tolerance: Double, of other: ExpectedValue) -> Bool {
    // The distance between two Int64s always fits in a UInt64 (an expected amount may be
    // negative, so a − b itself may not fit in an Int64).
    func distance(_ a: Int64, _ b: Int64) -> Double {
      Double(a >= b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a))
    }
    switch (self, other) {
    case (.amount(let a), .amount(let b)): return distance(a.satoshi, b.satoshi) <= tolerance
    case (.date(let a), .date(let b)): return distance(a, b) <= tolerance
    default: return abs(magnitude - other.magnitude) <= tolerance
    }
  }

  /// Ordering, exact for amounts and dates.
  public static func <= (a: ExpectedValue, b: ExpectedValue) -> Bool {
    switch (a, b) {
    case (.amount(let x), .amount(let y)): x <= y
    case (.date(let x), .date(let y)): x <= y
    default: a.magnitude <= b.magnitude
    }
  }

  /// A number for ordering and tolerances (satoshi for amounts, seconds for dates).
  public var magnitude: Double {
    switch self {
    case .amount(let amount): Double(amount.satoshi)
    case .date(let seconds): Double(seconds)
    case .number(let value): value
    case .word: 0
    }
  }

  public var text: String {
    switch self {
    case .amount(let amount): amount.description
    case .date(let seconds): UTCTime.iso8601(seconds)
    case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    case .word(let word): word
    }
  }

  /// Reads `text` as a value of `kind`, or nil.
  public static func parse(_ text: String, as kind: ExpectedKind) -> ExpectedValue? {
    switch kind {
    case .amount: return Amount(parsing: text.filter { $0 != "_" }).map(ExpectedValue.amount)
    case .date: return UTCTime.parse(text).map(ExpectedValue.date)
    case .integer: return Int(text.filter { $0 != "_" }).map { .number(Double($0)) }
    case .number: return UnitParser.number(Substring(text)).map(ExpectedValue.number)
    case .word(let words): return words.contains(text) ? .word(text) : nil
    }
  }

  /// Reads a tolerance for values of `kind` (a duration for dates).
  public static func parseTolerance(_ text: String, for kind: ExpectedKind) -> Double? {
    switch kind {
    case .date: return DurationValue(text: text)?.seconds
    case .word: return nil
    default: return parse(text, as: kind)?.magnitude
    }
  }
}

extension Expectation {
  /// The kind of the values this expectation compares.
  public var kind: ExpectedKind {
    switch self {
    case .value(_, let quantity, _):
      switch quantity {
      case "time": return .date
      case "confirm_expiry", "benchmark_key": return .integer
      case "collateral_expiry_check": return .word(["true", "false"])
      case "enforced_collateral": return .word(["none", "cumulus", "cumulus,nimbus", "cumulus,nimbus,stratus"])
      default: return .amount
      }
    case .milestone: return .date
    case .payout(_, let statistic, _, _): return statistic == "income" ? .amount : .number
    case .invariant: return .word([])
    }
  }

  /// The check, for the kinds that have one.
  public var check: ValueCheck? {
    switch self {
    case .value(_, _, let check), .milestone(_, _, let check), .payout(_, _, _, let check): check
    case .invariant: nil
    }
  }

  /// The key under which the check is written (`subsidy`, `p50`, …), for messages.
  public var checkKey: String {
    switch self {
    case .value(_, let quantity, _): quantity
    case .milestone(_, let quantile, _), .payout(_, _, let quantile, _): quantile
    case .invariant: "invariant"
    }
  }
}

extension ExpectationPoint {
  /// Why a point names no block of the rules' chain.
  public struct OutOfRange: Error, Sendable, Equatable {
    public var message: String
  }

  /// The block this point names under `params`' projected clock: the height itself, or
  /// the last block at or before the date.
  ///
  /// - Throws: `OutOfRange` for a date before block 0 or after block
  ///   `ChainParams.maxHeight` (the dates UTCTime reads all lie within the clock's
  ///   printable range, so the conversion cannot overflow).
  public func height(under params: ChainParams) throws(OutOfRange) -> Int {
    switch self {
    case .height(let height):
      return height
    case .date(let seconds):
      let height = params.projectedHeight(atOrBefore: seconds)
      if height < 0 {
        throw OutOfRange(
          message: "\(UTCTime.iso8601(seconds)) is before block 0, which the rules' clock puts at "
            + "\(UTCTime.iso8601(params.projectedTime(at: 0)))")
      }
      if height > ChainParams.maxHeight {
        throw OutOfRange(
          message: "\(UTCTime.iso8601(seconds)) is after block \(ChainParams.maxHeight), the highest height, which the "
            + "rules' clock puts at \(UTCTime.iso8601(params.projectedTime(at: ChainParams.maxHeight)))")
      }
      return height
    }
  }
}
