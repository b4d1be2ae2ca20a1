import FluxCore
import FluxSim

/// A scenario file: what to simulate, for how long, how often to sample and how many
/// replications, with optional parameter sweeps and regression expectations.
/// Scenarios/README.md documents every field with its unit and default.
public struct Scenario: Codable, Sendable, Equatable {
  /// Identifier used for the output folder: lower-case letters, digits and dashes.
  public var name: String
  public var description: String?
  public var rules: RulesSpec
  public var start: StartSpec
  public var horizon: HorizonSpec
  public var fleet: FleetSpec
  public var mining: MiningSpec?
  /// Proof-of-Node block timing: mint delay and network outages.
  public var pon: PoNSpec
  public var sample: SampleSpec
  /// FluxOS app demand; nil: no apps.
  public var apps: AppsSpec?
  /// FLUX price, node costs, ROI-driven churn; nil: no USD figures.
  public var economics: EconomicsSpec?
  /// Supply levels whose first crossing is a milestone.
  public var supplyMilestones: [Amount]
  public var replications: Int
  public var seed: UInt64
  /// Sweep axes: key path and values as written (applied before decoding, see `ScenarioLoader`).
  public var sweep: [SweepAxis]
  public var expect: [Expectation]

  static let keys = [
    "name", "description", "rules", "start", "horizon", "fleet", "mining", "pon", "sample", "apps", "economics",
    "milestones", "replications", "seed", "sweep", "expect",
  ]

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "a scenario")
    name = try fields.required("name")
    description = try fields.optional("description")
    rules = try fields.optional("rules") ?? RulesSpec()
    start = try fields.optional("start") ?? .tip(.measured2026)
    horizon = try fields.required("horizon")
    fleet = try fields.optional("fleet") ?? FleetSpec()
    mining = try fields.optional("mining")
    pon = try fields.optional("pon") ?? PoNSpec()
    sample = try fields.optional("sample") ?? .every(DurationValue(amount: 1, unit: "d"))
    apps = try fields.optional("apps")
    economics = try fields.optional("economics")
    supplyMilestones = try fields.optional("milestones", MilestonesSpec.self)?.supply ?? []
    replications = try fields.optional("replications", WholeNumber.self)?.value ?? 1
    let seedText = try fields.optional("seed", WholeNumber.self)?.value ?? 1
    guard seedText >= 0 else { throw ScenarioDecodingFailure.at(decoder.codingPath + [AnyKey("seed")], "must be ≥ 0") }
    seed = UInt64(seedText)
    sweep = try fields.optional("sweep", SweepSpec.self)?.axes ?? []
    expect = try fields.optional("expect") ?? []
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("name", name)
    try fields.set("description", description)
    try fields.set("rules", rules)
    try fields.set("start", start)
    try fields.set("horizon", horizon)
    try fields.set("fleet", fleet)
    try fields.set("mining", mining)
    try fields.set("pon", pon)
    try fields.set("sample", sample)
    try fields.set("apps", apps)
    try fields.set("economics", economics)
    if !supplyMilestones.isEmpty { try fields.set("milestones", MilestonesSpec(supply: supplyMilestones)) }
    try fields.set("replications", WholeNumber(replications))
    try fields.set("seed", WholeNumber(Int(seed)))
    if !sweep.isEmpty { try fields.set("sweep", SweepSpec(axes: sweep)) }
    if !expect.isEmpty { try fields.set("expect", expect) }
  }
}

/// `milestones:` — supply levels (FLUX) whose crossing dates are reported.
struct MilestonesSpec: Codable {
  var supply: [Amount]

  init(supply: [Amount]) { self.supply = supply }

  init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["supply"], what: "milestones: supply")
    supply = try fields.optional("supply", [AmountValue].self)?.map(\.value) ?? []
  }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("supply", supply.map(AmountValue.init))
  }
}

/// One sweep axis: a key path of the scenario and the values it takes, as written.
public struct SweepAxis: Codable, Sendable, Equatable {
  public var keyPath: String
  public var values: [String]

  public init(keyPath: String, values: [String]) {
    self.keyPath = keyPath
    self.values = values
  }
}

/// `sweep:` — a grid over any scalar fields: `{fleet.churn.exits: [0.01/month, 0.1/month]}`.
struct SweepSpec: Codable {
  var axes: [SweepAxis]

  init(axes: [SweepAxis]) { self.axes = axes }

  init(from decoder: Decoder) throws {
    let container: KeyedDecodingContainer<AnyKey>
    do {
      container = try decoder.container(keyedBy: AnyKey.self)
    } catch {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected a mapping of key paths to lists of values")
    }
    axes = try container.allKeys.map { key in
      let values: [String]
      do {
        values = try container.decode([String].self, forKey: key)
      } catch {
        throw ScenarioDecodingFailure.at(decoder.codingPath + [key], "expected a list of values")
      }
      guard !values.isEmpty else {
        throw ScenarioDecodingFailure.at(decoder.codingPath + [key], "expected at least one value")
      }
      return SweepAxis(keyPath: key.stringValue, values: values)
    }
  }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    for axis in axes { try fields.set(axis.keyPath, axis.values) }
  }
}
