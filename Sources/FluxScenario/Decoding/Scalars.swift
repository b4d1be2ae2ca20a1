import FluxCore

/// Plain scalars read from their text, so every malformed value gets the same kind of
/// message ("expected …, found …") whatever YAML thought its type was.
struct WholeNumber: TextValue, Sendable, Equatable {
  var value: Int

  init(_ value: Int) { self.value = value }

  static let expected = "a whole number"
  init?(text: String) {
    guard let value = Int(text.filter { $0 != "_" }) else { return nil }
    self.value = value
  }

  var description: String { String(value) }
}

struct RealNumber: TextValue, Sendable, Equatable {
  var value: Double

  init(_ value: Double) { self.value = value }

  static let expected = "a number"
  init?(text: String) {
    guard let value = UnitParser.number(Substring(text)) else { return nil }
    self.value = value
  }

  var description: String { value.compactDescription }
}

/// `true` or `false`.
struct BoolValue: TextValue, Sendable, Equatable {
  var value: Bool

  init(_ value: Bool) { self.value = value }

  static let expected = "true or false"
  init?(text: String) {
    guard let value = ["false": false, "true": true][text] else { return nil }
    self.value = value
  }

  var description: String { String(value) }
}

/// An amount of FLUX ("500000000", "1.70207313").
struct AmountValue: TextValue, Sendable, Equatable {
  var value: Amount

  init(_ value: Amount) { self.value = value }

  static let expected = "an amount of FLUX with at most 8 decimals"
  init?(text: String) {
    guard let value = Amount(parsing: text.filter { $0 != "_" }) else { return nil }
    self.value = value
  }

  var description: String { value.description }
}

/// A UTC date or date-time ("2026-09-03", "2026-09-03T01:32:00Z"), as Unix seconds.
struct DateValue: TextValue, Sendable, Equatable {
  var seconds: Int64

  init(seconds: Int64) { self.seconds = seconds }

  static let expected = "a UTC date such as 2026-09-03 or 2026-09-03T01:32:00Z"
  init?(text: String) {
    guard let seconds = UTCTime.parse(text) else { return nil }
    self.seconds = seconds
  }

  var description: String { UTCTime.iso8601(seconds) }
}
/// One value per tier, or one value for all three: `{cumulus: 3247, nimbus: 1615,
/// stratus: 1627}` or `0.03/month`.
struct PerTier<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  var values: TierValues<Value>

  init(_ values: TierValues<Value>) { self.values = values }

  init(from decoder: Decoder) throws {
    if (try? decoder.container(keyedBy: AnyKey.self)) != nil {
      let fields = try Fields(decoder, known: Tier.allCases.map(\.description), what: "cumulus, nimbus and stratus")
      values = TierValues(
        cumulus: try fields.required("cumulus"), nimbus: try fields.required("nimbus"),
        stratus: try fields.required("stratus"))
    } else {
      let value = try Value(from: decoder)
      values = TierValues(cumulus: value, nimbus: value, stratus: value)
    }
  }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    for tier in Tier.allCases { try fields.set(tier.description, values[tier]) }
  }
}
