import FluxCore

/// A rules file: which network to start from, the supply mode, "what if" overrides from
/// genesis, and scheduled changes that activate later.
///
/// ```yaml
/// base: mainnet            # mainnet | testnet | regtest (default mainnet)
/// supply_mode: observed    # code | observed (optional)
/// overrides:               # any key of RuleOverrideKey.all, nested or dotted
///   subsidy:
///     pon_reduction_percent: 15
/// changes:                 # optional, at most 100, in order of activation
///   - name: pa-depletion-halving
///     at: { height: 3466630 }          # or { date: 2027-03-12 }
///     overrides: { subsidy.pon_factor: 1/2 }
/// ```
/// JSON with the same shape is accepted too (YAML is a superset of JSON).
public struct RulesFile: Sendable {
  public let rules: RuleSet
  /// The file's `supply_mode`, if it gave one.
  public let supplyMode: SupplyMode?

  static let topLevelKeys = ["base", "supply_mode", "overrides", "changes"]

  /// Reads the rules in `text`; `file` names it in diagnostics.
  public init(file: String, text: String) throws(Diagnostic) {
    let tree = try SourceTree(file: file, text: text)
    guard case .map(let fields) = tree.root else {
      throw tree.diagnostic(at: "", "expected a mapping with the keys \(Self.topLevelKeys.joined(separator: ", "))")
    }
    for field in fields where !Self.topLevelKeys.contains(field.key) {
      let hint = Suggestion.closest(to: field.key, among: Self.topLevelKeys).map { "; did you mean '\($0)'?" } ?? ""
      throw tree.diagnostic(
        at: field.key, "unknown key (expected \(Self.topLevelKeys.joined(separator: ", ")))\(hint)")
    }
    func value(_ key: String) -> RuleValue? { fields.first { $0.key == key }?.value }

    var network = Network.mainnet
    if let base = value("base") {
      guard case .scalar(let name) = base, let parsed = Network(rawValue: name) else {
        throw tree.diagnostic(at: "base", "expected mainnet, testnet or regtest, found \(base.shortDescription)")
      }
      network = parsed
    }
    var mode: SupplyMode?
    if let modeValue = value("supply_mode") {
      guard case .scalar(let name) = modeValue, let parsed = SupplyMode(rawValue: name) else {
        throw tree.diagnostic(at: "supply_mode", "expected code or observed, found \(modeValue.shortDescription)")
      }
      mode = parsed
    }
    do {
      self.rules = try RulesSpec(base: network, overrides: value("overrides"), changes: value("changes")).ruleSet()
    } catch { throw tree.diagnostic(at: error.keyPath, error.message) }
    self.supplyMode = mode
  }
}
