import FluxCore

/// How reports name a rule set: its network, supply mode, overrides and scheduled changes.
public enum RulesText {
  /// The rules on one line: network, supply mode, the keys overridden from genesis and
  /// each scheduled change's name and activation height.
  public static func summary(_ rules: RuleSet, mode: SupplyMode) -> String {
    var text = network(rules, mode: mode)
    if !rules.overrides.isEmpty { text += "; overrides: " + rules.overrides.map(\.key).joined(separator: ", ") }
    if !rules.changes.isEmpty { text += "; changes: " + activations(rules) }
    return text
  }

  /// The network the rules start from and the supply mode: "mainnet, observed supply mode".
  public static func network(_ rules: RuleSet, mode: SupplyMode) -> String {
    "\(rules.base.rawValue), \(mode.rawValue) supply mode"
  }

  /// Each scheduled change's name and activation height: "a at height 3466630, b at …".
  public static func activations(_ rules: RuleSet) -> String {
    rules.changes.map { "\($0.name) at height \($0.activation)" }.joined(separator: ", ")
  }

  /// The overrides that hold from genesis, `key`: value in file order (values as written,
  /// as code spans), or nil without any.
  public static func overrides(_ rules: RuleSet) -> String? {
    rules.overrides.isEmpty ? nil : fields(rules.overrides)
  }

  /// Overrides on one line: `key`: value, separated by semicolons.
  static func fields(_ overrides: [RuleField]) -> String {
    overrides.map { "`\($0.key)`: \(Format.ruleValue($0.value))" }.joined(separator: "; ")
  }

  /// A scheduled change on one line: name, activation height and its date by `rules`'
  /// projected clock, the date it was scheduled for when it was given one, its overrides,
  /// and its description (escaped).
  public static func change(_ change: ScheduledEra, of rules: ChainParams) -> String {
    var text =
      "`\(change.name)` from height \(change.activation) (\(Format.date(rules.projectedTime(at: change.activation))))"
    if let date = change.date { text += ", scheduled for \(Format.date(date))" }
    text += ": "
    text +=
      change.overrides.isEmpty
      ? "no overrides" : fields(change.overrides)
    if let description = change.description, !description.isEmpty { text += " — " + markdownText(description) }
    return text
  }

  /// A Markdown list of `rules`' scheduled changes, one per line, or "" without any.
  public static func changeList(_ rules: ChainParams) -> String {
    rules.changes.map { "- " + change($0, of: rules) + "\n" }.joined()
  }

  /// Free text from a file as inline Markdown that shows as written: line breaks become
  /// spaces and Markdown's punctuation is backslash-escaped, so a description cannot open
  /// a table, a heading, a link or HTML in a report.
  public static func markdownText(_ text: String) -> String {
    var out = ""
    for character in text {
      if character.isNewline || character == "\t" {
        out.append(" ")
      } else {
        if "\\`*_{}[]()<>#+-.!|~&".contains(character) { out.append("\\") }
        out.append(character)
      }
    }
    return out
  }
}
