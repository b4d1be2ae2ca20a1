import FluxCore

/// Rule overrides keep their YAML shape (scalars, lists, mappings in order) until FluxCore
/// reads them; this conformance carries them through scenario decoding and encoding.
extension RuleValue: Codable {
  public init(from decoder: Decoder) throws {
    if let container = try? decoder.container(keyedBy: AnyKey.self) {
      self = .map(
        try container.allKeys.map {
          RuleField(key: $0.stringValue, value: try container.decode(RuleValue.self, forKey: $0))
        })
    } else if var list = try? decoder.unkeyedContainer() {
      var items: [RuleValue] = []
      while !list.isAtEnd { items.append(try list.decode(RuleValue.self)) }
      self = .list(items)
    } else {
      self = .scalar(try decoder.scalarText(expected: "a value"))
    }
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .scalar(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .list(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .map(let fields):
      var container = EncodedFields(encoder)
      for field in fields { try container.set(field.key, field.value) }
    }
  }
}

/// `rules:` — the network, the supply mode, the overrides and the scheduled changes
/// (flux-rules.md; see `RuleOverrideKey` for the keys and `RuleSet.scheduling` for changes).
public struct RulesSpec: Codable, Sendable, Equatable {
  public var base: Network
  public var supplyMode: SupplyMode
  public var overrides: RuleValue?
  /// The `changes:` list as written, read by `RuleSet.scheduling(_:)`.
  public var changes: RuleValue?

  public init(
    base: Network = .mainnet, supplyMode: SupplyMode = .observed, overrides: RuleValue? = nil, changes: RuleValue? = nil
  ) {
    self.base = base
    self.supplyMode = supplyMode
    self.overrides = overrides
    self.changes = changes
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["base", "supply_mode", "overrides", "changes"], what: "rules")
    base = try fields.optional("base", EnumValue<Network>.self)?.value ?? .mainnet
    supplyMode = try fields.optional("supply_mode", EnumValue<SupplyMode>.self)?.value ?? .observed
    overrides = try fields.optional("overrides")
    changes = try fields.optional("changes")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("base", base.rawValue)
    try fields.set("supply_mode", supplyMode.rawValue)
    try fields.set("overrides", overrides)
    try fields.set("changes", changes)
  }

  /// The rule set these rules describe, or the first mistake with its key path below
  /// `rules` (`overrides.subsidy.pon_factor`, `changes[1].at.height`).
  public func ruleSet() throws(RuleError) -> RuleSet {
    let rules: RuleSet
    do { rules = try RuleSet(base: base, overrides: overrides) } catch { throw error.nested(under: "overrides") }
    do { return try rules.scheduling(changes) } catch { throw error.nested(under: "changes") }
  }
}

/// A string enumeration read with a message listing its cases.
struct EnumValue<Value: RawRepresentable & CaseIterable>: Decodable where Value.RawValue == String {
  var value: Value

  init(from decoder: Decoder) throws {
    let names = Value.allCases.map(\.rawValue)
    let expected =
      names.count == 2 ? "\(names[0]) or \(names[1])" : names.dropLast().joined(separator: ", ") + " or \(names.last!)"
    let text = try decoder.scalarText(expected: expected)
    guard let value = Value(rawValue: text) else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected \(expected), found \"\(text)\"")
    }
    self.value = value
  }
}
