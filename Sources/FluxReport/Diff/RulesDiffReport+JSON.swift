import FluxCore

/// `fluxsim diff-rules --format json`: the report's facts and tables as one JSON object,
/// for a notebook or a script (`JSONText`: heights and counts as numbers, amounts as
/// exact strings).
extension RulesDiffReport {
  /// The value `report` opens every JSON report with, by which `--out` knows a file it wrote.
  public static let jsonKind = "fluxsim diff-rules"

  /// The keys of the emission table's columns.
  static let emissionKeys = [
    "height", "date", "event", "base_subsidy", "proposal_subsidy", "base_supply", "proposal_supply",
    "supply_difference",
  ]
  /// The keys of the supply table's columns.
  static let supplyKeys = [
    "at", "height", "date", "base_supply", "proposal_supply", "difference", "difference_percent_of_base",
  ]

  /// The whole report: what is compared (both rule sets, their overrides and scheduled
  /// changes, the supply mode, the horizon, the fleet), where the two first differ
  /// (heights, or null), and the three tables of the Markdown report as arrays of
  /// records: `emission`, `supply_difference` (empty when supply never differs) and
  /// `income_per_node` (a record per calendar year: `year`, `last_height`, `complete`,
  /// `blocks`, then per tier `<tier>_base`, `<tier>_proposal` and `<tier>_delta`).
  public func json() -> String {
    func rules(_ rules: RuleSet) -> String {
      JSONText.object([
        ("network", JSONText.string(rules.base.rawValue)),
        ("overrides", JSONText.object(rules.overrides.map { ($0.key, JSONText.ruleValue($0.value)) })),
        (
          "changes",
          "["
            + rules.changes.map {
              JSONText.object([
                ("name", JSONText.string($0.name)), ("activation", String($0.activation)),
                ("overrides", JSONText.object($0.overrides.map { ($0.key, JSONText.ruleValue($0.value)) })),
              ])
            }.joined(separator: ",") + "]"
        ),
      ])
    }
    let firsts = [("subsidy", divergence.subsidy), ("split", divergence.split), ("supply", divergence.supply)]
    let fields: [(String, String)] = [
      ("report", JSONText.string(Self.jsonKind)),
      ("base", rules(base)),
      ("proposal_name", JSONText.string(proposalName)),
      ("proposal", rules(proposal)),
      ("supply_mode", JSONText.string(mode.rawValue)),
      ("horizon", String(horizon)),
      ("horizon_date", JSONText.string(Format.date(base.params.projectedTime(at: horizon)))),
      ("nodes", JSONText.object(Tier.allCases.map { ("\($0)", String(nodes[$0])) })),
      ("first_difference", JSONText.object(firsts.map { ($0.0, $0.1.map(String.init) ?? "null") })),
      ("emission", records(emissionTable(), keys: Self.emissionKeys, numbers: ["height"])),
      (
        "supply_difference",
        supplyTable().map { records($0, keys: Self.supplyKeys, numbers: ["height", "difference_percent_of_base"]) }
          ?? "[]"
      ),
      ("income_per_node", incomeRecords()),
    ]
    return "{\n" + fields.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
  }

  /// `table`'s records as an array, one record a line.
  private func records(_ table: Table, keys: [String], numbers: Set<String>) -> String {
    JSONText.array(JSONText.records(table, keys: keys, numbers: numbers))
  }

  /// The income table's years as records, the year and its last height as numbers.
  private func incomeRecords() -> String {
    let keys = Self.incomeColumns.map { $0.replacing(" ", with: "_").replacing("Δ", with: "delta") }
    let lines = incomeYears().years.map { income in
      JSONText.object(
        [
          ("year", String(income.year)), ("last_height", String(income.last)),
          ("complete", income.complete ? "true" : "false"), ("blocks", String(income.blocks)),
        ] + zip(keys, income.amounts.map(JSONText.string)).map { ($0, $1) })
    }
    return JSONText.array(lines)
  }
}
