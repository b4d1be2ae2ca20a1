import FluxCore
import FluxSim

/// `fleet:` — the FluxNodes: how many per tier, their uptime, churn and lifecycle delays.
public struct FleetSpec: Codable, Sendable, Equatable {
  /// Nodes per tier at the start (default: the measured 2026-09-03 counts).
  public var nodes: TierValues<Int>
  /// nil: always online.
  public var uptime: UptimeSpec?
  /// nil: no churn.
  public var churn: ChurnSpec?
  /// Blocks from a node being ready to its START (default 1).
  public var startDelay: Int
  /// Blocks from START to INITIAL_CONFIRM (default exponential, mean 3).
  public var confirmDelay: BlockDistribution
  /// Share of nodes moving to the reduced collateral inside their window (default 90 %).
  public var collateralMigration: PercentValue

  public static let defaultNodes = FleetConfig().initialNodes

  public init(
    nodes: TierValues<Int> = FleetSpec.defaultNodes, uptime: UptimeSpec? = .typical, churn: ChurnSpec? = .typical,
    startDelay: Int = 1,
    confirmDelay: BlockDistribution = BlockDistribution(family: "exponential", parameters: ["mean": 3]),
    collateralMigration: PercentValue = PercentValue(percent: 90)
  ) {
    self.nodes = nodes
    self.uptime = uptime
    self.churn = churn
    self.startDelay = startDelay
    self.confirmDelay = confirmDelay
    self.collateralMigration = collateralMigration
  }

  static let keys = ["nodes", "uptime", "churn", "start_delay", "confirm_delay", "collateral_migration"]

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "fleet")
    let defaults = FleetSpec()
    nodes = try fields.optional("nodes", PerTier<WholeNumber>.self)?.values.map(\.value) ?? defaults.nodes
    uptime = try fields.optional("uptime", Switchable<UptimeSpec>.self).map(\.value) ?? defaults.uptime
    churn = try fields.optional("churn", Switchable<ChurnSpec>.self).map(\.value) ?? defaults.churn
    startDelay = try fields.optional("start_delay", WholeNumber.self)?.value ?? defaults.startDelay
    confirmDelay = try fields.optional("confirm_delay") ?? defaults.confirmDelay
    collateralMigration = try fields.optional("collateral_migration") ?? defaults.collateralMigration
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("nodes", PerTier(nodes.map(WholeNumber.init)))
    try fields.set("uptime", Switchable(value: uptime, off: "always"))
    try fields.set("churn", Switchable(value: churn, off: "none"))
    try fields.set("start_delay", WholeNumber(startDelay))
    try fields.set("confirm_delay", confirmDelay)
    try fields.set("collateral_migration", collateralMigration)
  }
}

/// `uptime:` — alternating online and offline periods (durations).
public struct UptimeSpec: Codable, Sendable, Equatable {
  public var online: DurationDistribution
  public var offline: DurationDistribution

  public init(online: DurationDistribution, offline: DurationDistribution) {
    self.online = online
    self.offline = offline
  }

  /// The engine's default (`UptimeModel.typical`) written as a scenario would.
  public static let typical = UptimeSpec(
    online: DurationDistribution(family: "weibull", parameters: ["shape": 0.8, "scale": 40 * 86_400]),
    offline: DurationDistribution(family: "lognormal", parameters: ["median": 4 * 3_600, "sigma": 1.5]))

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["online", "offline"], what: "uptime: online and offline")
    online = try fields.required("online")
    offline = try fields.required("offline")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("online", online)
    try fields.set("offline", offline)
  }
}

/// `churn:` — exits and joins per node per period, for all tiers or per tier.
public struct ChurnSpec: Codable, Sendable, Equatable {
  public var exits: TierValues<RateValue>
  public var joins: TierValues<RateValue>

  public init(exits: TierValues<RateValue>, joins: TierValues<RateValue>) {
    self.exits = exits
    self.joins = joins
  }

  public static let typical: ChurnSpec = {
    let rate = RateValue(amount: 0.03, period: "month")
    return ChurnSpec(exits: TierValues { _ in rate }, joins: TierValues { _ in rate })
  }()

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["exits", "joins"], what: "churn: exits and joins")
    let zero = RateValue(amount: 0, period: "month")
    exits = try fields.optional("exits", PerTier<RateValue>.self)?.values ?? TierValues { _ in zero }
    joins = try fields.optional("joins", PerTier<RateValue>.self)?.values ?? TierValues { _ in zero }
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("exits", PerTier(exits))
    try fields.set("joins", PerTier(joins))
  }
}

/// A section that may be switched off with a word (`uptime: always`, `churn: none`).
struct Switchable<Value: Codable & Sendable & Equatable>: Codable {
  var value: Value?
  var off: String

  init(value: Value?, off: String) {
    self.value = value
    self.off = off
  }

  init(from decoder: Decoder) throws {
    if let word = try? decoder.singleValueContainer().decode(String.self) {
      let offWords = ["always", "none"]
      guard offWords.contains(word) else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath, "expected a mapping or \(offWords.joined(separator: " / ")), found \"\(word)\"")
      }
      value = nil
      off = word
    } else {
      value = try Value(from: decoder)
      off = ""
    }
  }

  func encode(to encoder: Encoder) throws {
    if let value {
      try value.encode(to: encoder)
    } else {
      var container = encoder.singleValueContainer()
      try container.encode(off)
    }
  }
}
