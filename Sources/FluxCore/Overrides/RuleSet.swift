/// A network's parameters with "what if" overrides applied: the rules a run uses.
///
/// Overrides come as a `RuleValue` mapping, either nested (`subsidy: {pon_initial: 14}`)
/// or with dotted keys (`subsidy.pon_initial: 14`); each key must be one of
/// `RuleOverrideKey.all`. Unknown keys, malformed values and combinations that make no
/// sense (tier weights above the denominator, shares above 100 %) are refused with a
/// `RuleError` naming the key. A rule set with no overrides has exactly the network's
/// parameters.
///
/// `scheduling(_:)` adds changes that activate later (`Schedule/RuleSet+Changes.swift`).
///
/// A rule set that is accepted, with its schedule, is safe to evaluate at every height
/// 0 … `ChainParams.maxHeight` by every FluxCore function: its supply fits in `Int64`
/// satoshi and its projected dates are printable (see `RuleSet+Validation.swift` for the
/// proofs).
public struct RuleSet: Sendable {
  /// The network the overrides start from.
  public let base: Network
  /// The effective parameters.
  public let params: ChainParams
  /// The overrides applied, as `(dotted key, value)` in file order.
  public let overrides: [RuleField]
  /// The scheduled changes (`params.changes`), in order of activation.
  public var changes: [ScheduledEra] { params.changes }

  /// The unmodified rules of `network`.
  public init(_ network: Network = .mainnet) {
    self.base = network
    self.params = .of(network)
    self.overrides = []
  }

  /// `network`'s rules with `overrides` (a mapping, or nil for none) applied.
  public init(base network: Network, overrides: RuleValue?) throws(RuleError) {
    var params = ChainParams.of(network)
    var applied: [RuleField] = []
    if let overrides {
      guard case .map(let fields) = overrides else {
        throw .found(overrides, expected: "a mapping of rule keys to values")
      }
      try Self.flatten(fields, prefix: "", into: &applied)
    }
    for field in applied {
      guard let key = RuleOverrideKey.named(field.key) else { continue }
      if case .changeOnly(_, let atGenesis) = key.scope {
        throw RuleError(
          keyPath: field.key, message: "acts only in a scheduled change (changes[].overrides); \(atGenesis)")
      }
      guard case .set(let apply) = key.action else { preconditionFailure("\(key.key): an instruction is change-only") }
      do throws(RuleError) { try apply(&params, field.value) } catch { throw error.nested(under: field.key) }
    }
    try Self.validate(params, overrides: applied)
    self.init(base: network, params: params, overrides: applied)
  }

  init(base: Network, params: ChainParams, overrides: [RuleField]) {
    self.base = base
    self.params = params
    self.overrides = overrides
  }

  /// Turns nested mappings into dotted keys, stopping at known keys (whose values may
  /// themselves be mappings, like per-tier values).
  static func flatten(_ fields: [RuleField], prefix: String, into applied: inout [RuleField]) throws(RuleError) {
    for field in fields {
      let key = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
      if RuleOverrideKey.named(key) != nil {
        if applied.contains(where: { $0.key == key }) {
          throw RuleError(keyPath: key, message: "given twice")
        }
        applied.append(RuleField(key: key, value: field.value))
      } else if case .map(let inner) = field.value, RuleOverrideKey.all.contains(where: { $0.key.hasPrefix(key + ".") })
      {
        try flatten(inner, prefix: key, into: &applied)
      } else {
        throw RuleError(keyPath: key, message: "unknown rule key" + didYouMean(key))
      }
    }
  }

  /// ", did you mean 'x'?" for the closest known key, or "" when nothing is close.
  static func didYouMean(_ key: String) -> String {
    let candidates = RuleOverrideKey.all.map(\.key)
    if let best = Suggestion.closest(to: key, among: candidates) { return "; did you mean '\(best)'?" }
    let group = key.split(separator: ".").first.map(String.init) ?? key
    let inGroup = candidates.filter { $0.hasPrefix(group + ".") }
    return inGroup.isEmpty ? "" : "; keys under \(group): \(inGroup.joined(separator: ", "))"
  }
}
