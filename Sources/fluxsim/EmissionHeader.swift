import FluxCore

/// The lines above a Markdown emission table: what rules and which supply mode.
enum EmissionHeader {
  static func markdown(rules: RuleSet, mode: SupplyMode) -> String {
    var text = "# Emission schedule: \(rules.base.rawValue), \(mode.rawValue) supply mode\n\n"
    text += "Amounts in FLUX (8 decimals); dates projected from block \(rules.params.timeAnchor.height) at "
    text += "\(UTCTime.iso8601(rules.params.timeAnchor.time)) with each era's target spacing.\n"
    if !rules.overrides.isEmpty {
      text += "\nRule overrides:\n\n"
      for field in rules.overrides { text += "- `\(field.key)`: \(describe(field.value))\n" }
    }
    return text
  }

  private static func describe(_ value: RuleValue) -> String {
    switch value {
    case .scalar(let text): "`\(text)`"
    case .list(let items): "[" + items.map(describe).joined(separator: ", ") + "]"
    case .map(let fields): "{" + fields.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
    }
  }
}
