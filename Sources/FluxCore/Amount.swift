/// A quantity of FLUX in satoshi (1 FLUX = 100,000,000 satoshi).
///
/// The chain does all money arithmetic in `int64` satoshi with truncating division
/// (flux-rules.md §2, fluxd `src/amount.h`), so every rule here does the same: no
/// floating point touches an amount except where fluxd itself uses a `double`, and
/// that one place (`RewardSplit.powTierAmount`) says so.
public struct Amount: Hashable, Comparable, Sendable {
  /// Satoshi per FLUX (`COIN` in fluxd `src/amount.h`).
  public static let coin: Int64 = 100_000_000
  public static let zero = Amount(satoshi: 0)

  public var satoshi: Int64

  @inlinable public init(satoshi: Int64) { self.satoshi = satoshi }

  /// Whole FLUX, e.g. `Amount(flux: 14)`.
  @inlinable public init(flux: Int64) { self.satoshi = flux * Amount.coin }

  @inlinable public static func < (a: Amount, b: Amount) -> Bool { a.satoshi < b.satoshi }
  @inlinable public static func + (a: Amount, b: Amount) -> Amount { Amount(satoshi: a.satoshi + b.satoshi) }
  @inlinable public static func - (a: Amount, b: Amount) -> Amount { Amount(satoshi: a.satoshi - b.satoshi) }
  @inlinable public static func += (a: inout Amount, b: Amount) { a.satoshi += b.satoshi }
  @inlinable public static func -= (a: inout Amount, b: Amount) { a.satoshi -= b.satoshi }
  @inlinable public static prefix func - (a: Amount) -> Amount { Amount(satoshi: -a.satoshi) }
}

extension Amount: CustomStringConvertible {
  /// The amount as FLUX with exactly eight decimals, e.g. `"1.70207313"`, `"-0.00000001"`.
  public var description: String {
    let magnitude = satoshi.magnitude
    let whole = magnitude / UInt64(Amount.coin)
    let fraction = String(magnitude % UInt64(Amount.coin))
    let padded = String(repeating: "0", count: 8 - fraction.count) + fraction
    return (satoshi < 0 ? "-" : "") + "\(whole).\(padded)"
  }
}

extension Amount {
  /// Parses a decimal FLUX amount written with at most eight decimals ("14", "0.5",
  /// "-1.70207313", "13,020,000" is refused: no digit grouping).
  ///
  /// Parsing is exact (no `Double` in between), so `Amount(parsing: a.description) == a`
  /// for every amount. Returns nil for anything else, including more than eight decimals
  /// and values outside the `Int64` satoshi range.
  public init?(parsing text: String) {
    var digits = Substring(text)
    var negative = false
    if let first = digits.first, first == "-" || first == "+" {
      negative = first == "-"
      digits = digits.dropFirst()
    }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let wholePart = parts.first, !wholePart.isEmpty || parts.count == 2 else { return nil }
    let fractionPart = parts.count == 2 ? parts[1] : ""
    guard fractionPart.count <= 8, !(wholePart.isEmpty && fractionPart.isEmpty),
      wholePart.allSatisfy(\.isASCIIDigit), fractionPart.allSatisfy(\.isASCIIDigit)
    else { return nil }
    let whole = wholePart.isEmpty ? 0 : Int64(wholePart)
    let fraction = Int64(fractionPart + String(repeating: "0", count: 8 - fractionPart.count)) ?? 0
    guard let whole else { return nil }
    let (scaled, overflow1) = whole.multipliedReportingOverflow(by: Amount.coin)
    let (total, overflow2) = scaled.addingReportingOverflow(fraction)
    guard !overflow1, !overflow2 else { return nil }
    self.satoshi = negative ? -total : total
  }
}

extension Character {
  @usableFromInline var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Amount: Codable {
  /// An amount is stored as its satoshi count, exactly.
  public init(from decoder: Decoder) throws {
    satoshi = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(satoshi)
  }
}
