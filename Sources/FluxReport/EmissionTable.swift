import FluxCore

/// The emission schedule as a table: one row per `EmissionRow`, amounts in FLUX with
/// eight decimals, dates in UTC. The event column is text: it holds the names of funds
/// a rules file adds.
public enum EmissionTable {
  /// The most rows one table may have (about 150 MB of CSV): `fluxsim emission` counts
  /// its rows before it builds any and refuses a table past this rather than print
  /// gigabytes.
  public static let maxRows = 1_000_000

  public static let columns = [
    "height", "date", "event", "subsidy", "cumulus", "nimbus", "stratus", "miner", "dev_fund", "funds",
    "cumulative_supply",
  ]

  /// The columns `--format json` writes as JSON numbers; the amounts are exact strings
  /// (`JSONText`), the date and event strings.
  public static let jsonNumbers: Set<String> = ["height"]

  /// The table's rows as JSON records with the CSV's columns as keys (`JSONText.records`).
  public static func jsonRecords(_ table: Table) -> [String] { JSONText.records(table, numbers: jsonNumbers) }

  public static func table(_ rows: [EmissionRow]) -> Table {
    Table(
      columns: columns,
      rows: rows.map { row in
        [
          String(row.height), UTCTime.iso8601(row.time), row.event, row.reward.subsidy.description,
          row.reward.tiers.cumulus.description, row.reward.tiers.nimbus.description,
          row.reward.tiers.stratus.description, row.reward.miner.description, row.reward.devFund.description,
          row.funds.description, row.cumulativeSupply.description,
        ]
      },
      numericColumns: Set(columns).subtracting(["date", "event"]), textColumns: ["event"])
  }
}
