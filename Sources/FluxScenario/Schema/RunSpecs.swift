import FluxCore
import FluxSim

/// `start:` — `tip` (the measured 2026-09-03 tip, the default), `genesis`, or a state
/// `{height, time, difficulty}`.
public enum StartSpec: Codable, Sendable, Equatable {
  case genesis
  case tip(TipState)

  public init(from decoder: Decoder) throws {
    if let word = try? decoder.singleValueContainer().decode(String.self) {
      switch word {
      case "genesis": self = .genesis
      case "tip": self = .tip(.measured2026)
      default:
        throw ScenarioDecodingFailure.at(
          decoder.codingPath, "expected tip, genesis or a mapping {height, time, difficulty}, found \"\(word)\"")
      }
      return
    }
    let fields = try Fields(decoder, known: ["height", "time", "difficulty"], what: "start: height, time, difficulty")
    self = .tip(
      TipState(
        height: try fields.required("height", WholeNumber.self).value,
        time: try fields.required("time", DateValue.self).seconds,
        difficulty: try fields.optional("difficulty", RealNumber.self)?.value ?? TipState.measured2026.difficulty))
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .genesis:
      var container = encoder.singleValueContainer()
      try container.encode("genesis")
    case .tip(let tip):
      var fields = EncodedFields(encoder)
      try fields.set("height", WholeNumber(tip.height))
      try fields.set("time", DateValue(seconds: tip.time))
      try fields.set("difficulty", RealNumber(tip.difficulty))
    }
  }
}

/// `horizon:` — a duration (`20y`) or `{height: N}`.
public enum HorizonSpec: Codable, Sendable, Equatable {
  case duration(DurationValue)
  case height(Int)

  public init(from decoder: Decoder) throws {
    if (try? decoder.container(keyedBy: AnyKey.self)) != nil {
      let fields = try Fields(decoder, known: ["height"], what: "horizon: {height: N} or a duration")
      self = .height(try fields.required("height", WholeNumber.self).value)
    } else {
      self = .duration(try DurationValue(from: decoder))
    }
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .duration(let duration):
      try duration.encode(to: encoder)
    case .height(let height):
      var fields = EncodedFields(encoder)
      try fields.set("height", WholeNumber(height))
    }
  }
}

/// `sample:` — every simulated period (`1d`) or `{blocks: N}`.
public enum SampleSpec: Codable, Sendable, Equatable {
  case every(DurationValue)
  case blocks(Int)

  public init(from decoder: Decoder) throws {
    if (try? decoder.container(keyedBy: AnyKey.self)) != nil {
      let fields = try Fields(decoder, known: ["blocks"], what: "sample: {blocks: N} or a duration")
      self = .blocks(try fields.required("blocks", WholeNumber.self).value)
    } else {
      self = .every(try DurationValue(from: decoder))
    }
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .every(let duration):
      try duration.encode(to: encoder)
    case .blocks(let blocks):
      var fields = EncodedFields(encoder)
      try fields.set("blocks", WholeNumber(blocks))
    }
  }
}

/// `mining:` — PoW pools and the network hashrate path (PoW heights only).
public struct MiningSpec: Codable, Sendable, Equatable {
  public var pools: [PoolSpec]
  public var hashrate: HashrateSpec

  public init(pools: [PoolSpec], hashrate: HashrateSpec) {
    self.pools = pools
    self.hashrate = hashrate
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["pools", "hashrate"], what: "mining: pools and hashrate")
    pools = try fields.optional("pools") ?? [PoolSpec(name: "pool", share: PercentValue(percent: 100))]
    hashrate = try fields.required("hashrate")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("pools", pools)
    try fields.set("hashrate", hashrate)
  }
}

/// A mining pool: its name and its share of the hashrate ("60%").
public struct PoolSpec: Codable, Sendable, Equatable {
  public var name: String
  public var share: PercentValue

  public init(name: String, share: PercentValue) {
    self.name = name
    self.share = share
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["name", "share"], what: "pool: name and share")
    name = try fields.required("name")
    share = try fields.required("share")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("name", name)
    try fields.set("share", share)
  }
}
