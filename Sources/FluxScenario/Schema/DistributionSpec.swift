import FluxCore
import FluxSim
import Foundation

/// A named distribution with its parameters, e.g. `{ weibull: { shape: 0.8, scale: 40d } }`.
///
/// One key names the family; its mapping gives the parameters. Times take units; shapes
/// and sigmas are plain numbers. `lognormal` is given by its median (easier to read than
/// μ = ln median). Generic over what the values measure (`DurationDistribution`,
/// `BlockDistribution`, and the app fields' cores, MB, GB, counts and periods).
public struct DistributionSpec<Unit: DistributionUnitMarker>: Codable, Sendable, Equatable {
  public var family: String
  /// Parameters by name, each as a number in the marker's unit (seconds, blocks, MB, …).
  public var parameters: [String: Double]

  static var families: [(name: String, parameters: [String], scaled: Set<String>)] {
    [
      ("constant", ["value"], ["value"]),
      ("exponential", ["mean"], ["mean"]),
      ("weibull", ["shape", "scale"], ["scale"]),
      ("lognormal", ["median", "sigma"], ["median"]),
      ("gamma", ["shape", "scale"], ["scale"]),
      ("uniform", ["low", "high"], ["low", "high"]),
    ]
  }

  public init(family: String, parameters: [String: Double]) {
    self.family = family
    self.parameters = parameters
  }

  public init(from decoder: Decoder) throws {
    let names = Self.families.map(\.name)
    let outer = try Fields(decoder, known: names, what: "one of \(names.joined(separator: ", "))")
    guard outer.keys.count == 1, let name = outer.keys.first,
      let family = Self.families.first(where: { $0.name == name })
    else {
      throw ScenarioDecodingFailure.at(
        decoder.codingPath, "expected exactly one distribution: \(names.joined(separator: ", "))")
    }
    let inner = try outer.required(name, ParameterMap<Unit>.self)
    var parameters: [String: Double] = [:]
    for parameter in family.parameters {
      guard let value = inner.values[parameter] else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath + [AnyKey(name)],
          "missing '\(parameter)'; \(name) takes \(family.parameters.joined(separator: " and "))")
      }
      parameters[parameter] = value
    }
    for key in inner.order where !family.parameters.contains(key) {
      let hint = Suggestion.closest(to: key, among: family.parameters).map { "; did you mean '\($0)'?" } ?? ""
      throw ScenarioDecodingFailure.at(
        decoder.codingPath + [AnyKey(name), AnyKey(key)], "unknown parameter of \(name)\(hint)")
    }
    self.init(family: name, parameters: parameters)
  }

  public func encode(to encoder: Encoder) throws {
    var outer = EncodedFields(encoder)
    let family = Self.families.first { $0.name == self.family }!
    var values: [(String, String)] = []
    for parameter in family.parameters {
      let value = parameters[parameter] ?? 0
      values.append((parameter, family.scaled.contains(parameter) ? Unit.text(value) : value.compactDescription))
    }
    try outer.set(self.family, OrderedStrings(values))
  }

  /// The parameters in the family's order, each with whether it is in the marker's unit
  /// (a duration, a size) or a plain number (a shape, a sigma): how a report writes the
  /// distribution back.
  public var orderedParameters: [(name: String, value: Double, inUnit: Bool)] {
    guard let family = Self.families.first(where: { $0.name == self.family }) else { return [] }
    return family.parameters.map { ($0, parameters[$0] ?? 0, family.scaled.contains($0)) }
  }

  /// The engine's distribution (in the marker's unit).
  public var distribution: Distribution {
    let p = parameters
    switch family {
    case "constant": return .constant(p["value"]!)
    case "exponential": return .exponential(mean: p["mean"]!)
    case "weibull": return .weibull(shape: p["shape"]!, scale: p["scale"]!)
    case "lognormal": return .lognormal(mu: log(p["median"]!), sigma: p["sigma"]!)
    case "gamma": return .gamma(shape: p["shape"]!, scale: p["scale"]!)
    default: return .uniform(low: p["low"]!, high: p["high"]!)
    }
  }

  /// Shapes (Weibull, gamma) this wide or narrow, and lognormal sigmas up to this: beyond,
  /// a distribution's draws span more orders of magnitude than any period or size has.
  static var shapeRange: ClosedRange<Double> { 0.1...1_000 }
  static var maxSigma: Double { 5 }

  /// Problems with the parameters' ranges, as (parameter, message).
  public var rangeProblems: [(String, String)] {
    var problems: [(String, String)] = []
    let scaled = Self.families.first { $0.name == family }?.scaled ?? []
    for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
      let mayBeZero = family == "constant" || family == "uniform"
      if value < 0 || (!mayBeZero && value == 0) {
        problems.append((name, "must be \(mayBeZero ? "≥ 0" : "> 0"), found \(value.compactDescription)"))
      } else if scaled.contains(name), !(value <= Unit.maximum) {
        problems.append((name, "must be at most \(Unit.text(Unit.maximum)), found \(Unit.text(value))"))
      } else if name == "shape", !Self.shapeRange.contains(value) {
        let range = Self.shapeRange
        problems.append(
          (
            name,
            "must be \(range.lowerBound.compactDescription) … \(range.upperBound.compactDescription), found \(value.compactDescription)"
          ))
      } else if name == "sigma", !(value <= Self.maxSigma) {
        problems.append(
          (name, "must be at most \(Self.maxSigma.compactDescription), found \(value.compactDescription)"))
      }
    }
    if family == "uniform", let low = parameters["low"], let high = parameters["high"], high < low {
      problems.append(("high", "must be ≥ low (\(low.compactDescription)), found \(high.compactDescription)"))
    }
    return problems
  }
}

/// How a distribution's values are written.
public protocol DistributionUnitMarker: Sendable {
  static func parse(_ decoder: Decoder) throws -> Double
  static func text(_ value: Double) -> String
  /// The largest value a parameter in this unit may take: far beyond any real period or
  /// size, and small enough that every draw near it still fits the engine's integers.
  static var maximum: Double { get }
}

/// Durations: "4h", "40d".
public enum DurationUnitMarker: DistributionUnitMarker {
  public static func parse(_ decoder: Decoder) throws -> Double { try DurationValue(from: decoder).seconds }
  public static func text(_ value: Double) -> String { "\(value.compactDescription)s" }
  /// 1000 years.
  public static let maximum = 1_000 * Double(JobConfig.secondsPerYear)
}

/// Values written as plain numbers; `expected` says what they count, for messages.
public protocol PlainNumberMarker: DistributionUnitMarker {
  static var expected: String { get }
}

extension PlainNumberMarker {
  public static func parse(_ decoder: Decoder) throws -> Double {
    let text = try decoder.scalarText(expected: expected)
    guard let value = UnitParser.number(Substring(text)) else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected \(expected), found \"\(text)\"")
    }
    return value
  }
  public static func text(_ value: Double) -> String { value.compactDescription }
}

/// Block counts: plain numbers.
public enum BlockUnitMarker: PlainNumberMarker {
  public static let expected = "a number of blocks"
  public static let maximum = 10_000_000.0
}

/// CPU cores: plain numbers (`0.5`).
public enum CoreUnitMarker: PlainNumberMarker {
  public static let expected = "a number of cores"
  public static let maximum = 1_000.0
}

/// Counts (containers, instances): plain numbers.
public enum CountUnitMarker: PlainNumberMarker {
  public static let expected = "a number"
  public static let maximum = 1_000.0
}

/// RAM: sizes with a unit ("2GB", "500MB"), held in MB.
public enum MegabyteUnitMarker: DistributionUnitMarker {
  public static func parse(_ decoder: Decoder) throws -> Double { try DataSizeValue(from: decoder).megabytes }
  public static func text(_ value: Double) -> String { "\(value.compactDescription)MB" }
  /// A petabyte.
  public static let maximum = 1e9
}

/// Disk: sizes with a unit ("20GB", "1TB"), held in GB.
public enum GigabyteUnitMarker: DistributionUnitMarker {
  public static func parse(_ decoder: Decoder) throws -> Double { try DataSizeValue(from: decoder).gigabytes }
  public static func text(_ value: Double) -> String { "\(value.compactDescription)GB" }
  /// A petabyte.
  public static let maximum = 1e6
}

/// Subscription periods: blocks ("88000") or durations at 30 s per block ("30d"), held in blocks.
public enum SubscriptionUnitMarker: DistributionUnitMarker {
  public static func parse(_ decoder: Decoder) throws -> Double {
    switch try SubscriptionValue(from: decoder) {
    case .blocks(let blocks): Double(blocks)
    case .duration(let duration): duration.seconds / SubscriptionValue.secondsPerBlock
    }
  }
  public static func text(_ value: Double) -> String { value.compactDescription }
  public static let maximum = 10_000_000.0
}

public typealias DurationDistribution = DistributionSpec<DurationUnitMarker>
public typealias BlockDistribution = DistributionSpec<BlockUnitMarker>

/// A distribution's parameter mapping: time-like parameters read with the unit marker,
/// the others (shape, sigma) as plain numbers.
struct ParameterMap<Unit: DistributionUnitMarker>: Decodable {
  var values: [String: Double] = [:]
  var order: [String] = []

  static var plain: Set<String> { ["shape", "sigma"] }

  init(from decoder: Decoder) throws {
    let container: KeyedDecodingContainer<AnyKey>
    do {
      container = try decoder.container(keyedBy: AnyKey.self)
    } catch {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected a mapping of parameters")
    }
    for key in container.allKeys {
      let nested = try container.superDecoder(forKey: key)
      if Self.plain.contains(key.stringValue) {
        let text = try nested.scalarText(expected: "a number")
        guard let value = UnitParser.number(Substring(text)) else {
          throw ScenarioDecodingFailure.at(nested.codingPath, "expected a number, found \"\(text)\"")
        }
        values[key.stringValue] = value
      } else {
        values[key.stringValue] = try Unit.parse(nested)
      }
      order.append(key.stringValue)
    }
  }
}

/// A mapping of strings in a fixed order, for encoding.
struct OrderedStrings: Encodable {
  var pairs: [(String, String)]

  init(_ pairs: [(String, String)]) { self.pairs = pairs }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    for (key, value) in pairs { try fields.set(key, value) }
  }
}
