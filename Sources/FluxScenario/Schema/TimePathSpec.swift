import FluxSim

/// A value that may follow a path over time (`TimePathSpec`): written as text with its
/// unit, and a number for the engine's `TimePath`.
public protocol PathValue: Codable, Sendable, Equatable, CustomStringConvertible {
  /// The key naming the value in a step of a piecewise path (`hashrate`, `rate`).
  static var stepKey: String { get }
  /// The number the engine's path holds (solutions per second, apps per day).
  var pathNumber: Double { get }
}

/// A quantity over time since the start: constant (`2.5M/s`, `50/day`), steps
/// (`{piecewise: [{from: 0s, hashrate: 1M/s}, {from: 2y, hashrate: 2M/s}]}`), or
/// exponential growth (`{exponential: {initial: 50/day, growth_per_year: 30%}}`).
public enum TimePathSpec<Value: PathValue>: Codable, Sendable, Equatable {
  case constant(Value)
  case piecewise([TimeStepSpec<Value>])
  case exponential(initial: Value, growthPerYear: PercentValue)

  public init(from decoder: Decoder) throws {
    guard (try? decoder.container(keyedBy: AnyKey.self)) != nil else {
      self = .constant(try Value(from: decoder))
      return
    }
    let fields = try Fields(
      decoder, known: ["piecewise", "exponential"], what: "\(Value.stepKey): a value, piecewise or exponential")
    if fields.has("piecewise") {
      self = .piecewise(try fields.required("piecewise"))
    } else {
      let growth = try fields.required("exponential", ExponentialGrowth<Value>.self)
      self = .exponential(initial: growth.initial, growthPerYear: growth.growth)
    }
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .constant(let value):
      try value.encode(to: encoder)
    case .piecewise(let steps):
      var fields = EncodedFields(encoder)
      try fields.set("piecewise", steps)
    case .exponential(let initial, let growth):
      var fields = EncodedFields(encoder)
      try fields.set("exponential", ExponentialGrowth(initial: initial, growth: growth))
    }
  }

  /// The engine's path.
  public var path: TimePath {
    switch self {
    case .constant(let value): .constant(value.pathNumber)
    case .piecewise(let steps):
      .piecewise(
        steps.map { TimeStep(from: Int64(max(-9e15, min(9e15, $0.from.seconds))), value: $0.value.pathNumber) })
    case .exponential(let initial, let growth):
      .exponential(initial: initial.pathNumber, growthPerYear: growth.fraction)
    }
  }
}

/// The hashrate over time (`mining.hashrate`).
public typealias HashrateSpec = TimePathSpec<HashrateValue>
/// Apps registered per day over time (`apps.arrivals`).
public typealias ArrivalsSpec = TimePathSpec<ArrivalRateValue>

extension HashrateValue: PathValue {
  public static let stepKey = "hashrate"
  public var pathNumber: Double { solutionsPerSecond }
}

extension ArrivalRateValue: PathValue {
  public static let stepKey = "rate"
  public var pathNumber: Double { perDay }
}

/// One step: from a time since the start, a value (`{from: 2y, hashrate: 2M/s}`).
public struct TimeStepSpec<Value: PathValue>: Codable, Sendable, Equatable {
  public var from: DurationValue
  public var value: Value

  public init(from: DurationValue, value: Value) {
    self.from = from
    self.value = value
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["from", Value.stepKey], what: "step: from and \(Value.stepKey)")
    from = try fields.required("from")
    value = try fields.required(Value.stepKey)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("from", from)
    try fields.set(Value.stepKey, value)
  }
}

struct ExponentialGrowth<Value: PathValue>: Codable, Sendable, Equatable {
  var initial: Value
  var growth: PercentValue

  init(initial: Value, growth: PercentValue) {
    self.initial = initial
    self.growth = growth
  }

  init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["initial", "growth_per_year"], what: "initial and growth_per_year")
    initial = try fields.required("initial")
    growth = try fields.required("growth_per_year")
  }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("initial", initial)
    try fields.set("growth_per_year", growth)
  }
}
