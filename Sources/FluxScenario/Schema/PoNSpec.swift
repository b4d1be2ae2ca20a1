import FluxSim

/// `pon:` — Proof-of-Node block timing (`ProofOfNodeConfig`): when in its slot a block is
/// stamped, and the network outages in which none is made. Absent keys take the engine's
/// calibrated defaults (Sources/FluxSim/README.md, "Block timing calibration").
public struct PoNSpec: Codable, Sendable, Equatable {
  /// Seconds into its slot at which a PoN block is stamped (default uniform 1.5s … 6.5s).
  public var mintDelay: DurationDistribution
  /// Network outages; nil: none (`outages: none`).
  public var outages: OutagesSpec?

  public static let defaultMintDelay = DurationDistribution(family: "uniform", parameters: ["low": 1.5, "high": 6.5])

  public init(mintDelay: DurationDistribution = PoNSpec.defaultMintDelay, outages: OutagesSpec? = .calibrated) {
    self.mintDelay = mintDelay
    self.outages = outages
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["mint_delay", "outages"], what: "pon: mint_delay and outages")
    mintDelay = try fields.optional("mint_delay") ?? Self.defaultMintDelay
    outages = try fields.optional("outages", OutagesSetting.self).map(\.spec) ?? .calibrated
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("mint_delay", mintDelay)
    try fields.set("outages", OutagesSetting(spec: outages))
  }

  /// The engine's configuration.
  public var config: ProofOfNodeConfig {
    ProofOfNodeConfig(
      mintDelay: mintDelay.distribution,
      outages: outages.map { NetworkOutages(every: $0.every.seconds, duration: $0.duration.distribution) })
  }
}

/// `outages: {every, duration}` — stretches in which the whole network makes no block
/// (`NetworkOutages`): a mean time between them and a distribution of their length.
public struct OutagesSpec: Codable, Sendable, Equatable {
  /// Mean time from the end of one outage to the start of the next.
  public var every: DurationValue
  /// How long an outage lasts.
  public var duration: DurationDistribution

  public init(every: DurationValue, duration: DurationDistribution) {
    self.every = every
    self.duration = duration
  }

  /// `NetworkOutages.calibrated` as a scenario writes it: every 6 months, 8.8 hours on
  /// average (exponential).
  public static let calibrated = OutagesSpec(
    every: DurationValue(amount: 6, unit: "mo"),
    duration: DurationDistribution(family: "exponential", parameters: ["mean": 8.8 * 3_600]))

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["every", "duration"], what: "outages: every and duration")
    every = try fields.required("every")
    duration = try fields.required("duration")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("every", every)
    try fields.set("duration", duration)
  }
}

/// `outages:` as written: a mapping, or `none` for no outages.
private struct OutagesSetting: Codable {
  var spec: OutagesSpec?

  init(spec: OutagesSpec?) { self.spec = spec }

  init(from decoder: Decoder) throws {
    if let word = try? decoder.singleValueContainer().decode(String.self) {
      guard word == "none" else {
        throw ScenarioDecodingFailure.at(
          decoder.codingPath, "expected a mapping {every, duration} or none, found \(word.excerpt)")
      }
      spec = nil
    } else {
      spec = try OutagesSpec(from: decoder)
    }
  }

  func encode(to encoder: Encoder) throws {
    if let spec {
      try spec.encode(to: encoder)
    } else {
      var container = encoder.singleValueContainer()
      try container.encode("none")
    }
  }
}
