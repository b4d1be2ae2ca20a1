import FluxCore
import FluxReport

/// The lines above a Markdown emission table: what rules (overrides and scheduled
/// changes) and which supply mode.
enum EmissionHeader {
  static func markdown(rules: RuleSet, mode: SupplyMode) -> String {
    var text = "# Emission schedule: \(rules.base.rawValue), \(mode.rawValue) supply mode\n\n"
    text += "Amounts in FLUX (8 decimals); dates projected from block \(rules.params.timeAnchor.height) at "
    text += "\(UTCTime.iso8601(rules.params.timeAnchor.time)) with each era's target spacing.\n"
    if !rules.overrides.isEmpty {
      text += "\nRule overrides:\n\n"
      for field in rules.overrides { text += "- `\(field.key)`: \(Format.ruleValue(field.value))\n" }
    }
    if !rules.changes.isEmpty { text += "\nScheduled changes:\n\n" + RulesText.changeList(rules.params) }
    return text
  }
}
