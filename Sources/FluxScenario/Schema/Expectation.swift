import FluxCore

/// One regression check of a scenario's results (`expect:`), parsed here and evaluated
/// by `fluxsim check`.
///
/// ```yaml
/// expect:
///   - { at: { height: 3071200 }, subsidy: { equals: "12.6" } }          # a block's amount
///   - { at: { date: 2030-01-01 }, supply: { between: ["470000000", "480000000"] } }
///   - { milestone: "PoN reduction 5", p50: { between: [2030-10-01, 2030-11-30] } }
///   - { payouts: stratus, statistic: blocks_since_paid, p95: { between: [1500, 1700] } }
///   - { invariant: amounts_sum_to_subsidy }
/// ```
public enum Expectation: Codable, Sendable, Equatable {
  /// A quantity at a height or date (supply is cumulative; the others are the block's amounts).
  case value(at: ExpectationPoint, quantity: String, check: ValueCheck)
  /// A quantile of a milestone's date across replications.
  case milestone(label: String, quantile: String, check: ValueCheck)
  /// A quantile of a tier's payout statistic (`blocks_since_paid` or `income`) across replications.
  case payout(tier: Tier, statistic: String, quantile: String, check: ValueCheck)
  /// A named invariant that must hold in every sampled block.
  case invariant(String)

  /// What a value expectation may check at a height (or date): FLUX amounts of the block
  /// or cumulative supply, its projected time, and rule facts at that height.
  public static let quantities = [
    "supply", "subsidy", "cumulus", "nimbus", "stratus", "dev_fund", "miner", "funds", "time",
    "enforced_collateral", "collateral_expiry_check", "confirm_expiry", "benchmark_key",
  ]
  public static let quantiles = ["p5", "p25", "p50", "p75", "p95", "mean", "min", "max"]
  public static let statistics = ["blocks_since_paid", "income"]
  public static let invariants = ["amounts_sum_to_subsidy", "supply_matches_rules"]

  public init(from decoder: Decoder) throws {
    let keys = ["at", "milestone", "payouts", "statistic", "invariant"] + Self.quantities + Self.quantiles
    let fields = try Fields(decoder, known: keys, what: "an expectation")
    if fields.has("invariant") {
      let name: String = try fields.required("invariant")
      guard Self.invariants.contains(name) else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath + [AnyKey("invariant")],
          "unknown invariant \"\(name)\"; expected \(Self.invariants.joined(separator: " or "))")
      }
      self = .invariant(name)
    } else if fields.has("milestone") {
      let quantile = try Self.onlyOne(of: Self.quantiles, in: fields, decoder)
      self = .milestone(
        label: try fields.required("milestone"), quantile: quantile, check: try fields.required(quantile))
    } else if fields.has("payouts") {
      let tier = try fields.required("payouts", TierName.self).tier
      let statistic: String = try fields.required("statistic")
      guard Self.statistics.contains(statistic) else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath + [AnyKey("statistic")],
          "expected \(Self.statistics.joined(separator: " or ")), found \"\(statistic)\"")
      }
      let quantile = try Self.onlyOne(of: Self.quantiles, in: fields, decoder)
      self = .payout(tier: tier, statistic: statistic, quantile: quantile, check: try fields.required(quantile))
    } else if fields.has("at") {
      let quantity = try Self.onlyOne(of: Self.quantities, in: fields, decoder)
      self = .value(at: try fields.required("at"), quantity: quantity, check: try fields.required(quantity))
    } else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected one of at, milestone, payouts or invariant")
    }
  }

  private static func onlyOne(of names: [String], in fields: Fields, _ decoder: Decoder) throws -> String {
    let present = names.filter(fields.has)
    guard present.count == 1 else {
      throw ScenarioDecodingFailure.at(
        decoder.codingPath,
        present.isEmpty
          ? "expected one of \(names.joined(separator: ", "))"
          : "expected one check, found \(present.joined(separator: " and "))")
    }
    return present[0]
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    switch self {
    case .value(let at, let quantity, let check):
      try fields.set("at", at)
      try fields.set(quantity, check)
    case .milestone(let label, let quantile, let check):
      try fields.set("milestone", label)
      try fields.set(quantile, check)
    case .payout(let tier, let statistic, let quantile, let check):
      try fields.set("payouts", tier.description)
      try fields.set("statistic", statistic)
      try fields.set(quantile, check)
    case .invariant(let name):
      try fields.set("invariant", name)
    }
  }
}

/// Where a value expectation looks: a height (0 … `ChainParams.maxHeight`, checked when
/// read) or a UTC date (checked against the rules' clock by `height(under:)`).
public enum ExpectationPoint: Codable, Sendable, Equatable {
  case height(Int)
  case date(Int64)

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["height", "date"], what: "at: height or date")
    if fields.has("height") {
      let height = try fields.required("height", WholeNumber.self).value
      guard (0...ChainParams.maxHeight).contains(height) else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath + [AnyKey("height")],
          "expected a height from 0 to \(ChainParams.maxHeight), found \(height)")
      }
      self = .height(height)
    } else {
      self = .date(try fields.required("date", DateValue.self).seconds)
    }
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    switch self {
    case .height(let height): try fields.set("height", WholeNumber(height))
    case .date(let seconds): try fields.set("date", DateValue(seconds: seconds))
    }
  }
}

/// What a value must be: `{equals: X}`, `{between: [A, B]}` or `{approx: X, tolerance: T}`.
/// Values stay text until the check knows their kind (FLUX, date or number).
public enum ValueCheck: Codable, Sendable, Equatable {
  case equals(String)
  case between(String, String)
  case approx(String, tolerance: String)

  public init(from decoder: Decoder) throws {
    let fields = try Fields(
      decoder, known: ["equals", "between", "approx", "tolerance"], what: "equals, between or approx")
    if fields.has("equals") {
      self = .equals(try fields.required("equals"))
    } else if fields.has("between") {
      let bounds: [String] = try fields.required("between")
      guard bounds.count == 2 else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath + [AnyKey("between")], "expected two values [low, high], found \(bounds.count)")
      }
      self = .between(bounds[0], bounds[1])
    } else if fields.has("approx") {
      self = .approx(try fields.required("approx"), tolerance: try fields.required("tolerance"))
    } else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected equals, between or approx")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    switch self {
    case .equals(let value): try fields.set("equals", value)
    case .between(let low, let high): try fields.set("between", [low, high])
    case .approx(let value, let tolerance):
      try fields.set("approx", value)
      try fields.set("tolerance", tolerance)
    }
  }
}

/// A tier by its name: cumulus, nimbus or stratus.
struct TierName: Decodable {
  var tier: Tier

  init(from decoder: Decoder) throws {
    let text = try decoder.scalarText(expected: "cumulus, nimbus or stratus")
    guard let tier = Tier.allCases.first(where: { $0.description == text }) else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected cumulus, nimbus or stratus, found \"\(text)\"")
    }
    self.tier = tier
  }
}
