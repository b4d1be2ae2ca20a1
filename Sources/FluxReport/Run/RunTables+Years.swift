import FluxCore
import FluxScenario
import FluxSim

extension RunTables {
  /// `years.csv`: one row per sweep point per calendar year (UTC) the run covers, the
  /// partial first and last years included (`YearRow`; the columns are documented in
  /// Scenarios/README.md, "Outputs"). Built a sweep point at a time.
  struct YearsTable {
    static let name = "years.csv"
    let columns: [String]
    let textColumns: Set<String>
    /// The rows of sweep point `point`, from its replications' results.
    let rows: (_ point: Int, _ aggregate: PointAggregate) -> [[String]]

    /// `rows` of this table (none: its header).
    func table(rows: [[String]]) -> Table { Table(columns: columns, rows: rows, textColumns: textColumns) }
  }

  static func yearsTable(_ run: RunRecord) -> YearsTable {
    let economics = run.recordedFields.economics
    var columns = ["year", "partial", "replications", "start", "end", "first_height", "last_height"]
    columns += ["supply_start", "issuance", "inflation", "supply", "dev_fund", "funds"]
    columns += ["collateral_locked", "supply_not_locked"]
    for tier in tierNames {
      columns += ["nodes_\(tier)", "nodes_end_\(tier)", "total_\(tier)", "income_\(tier)"]
      columns += ["p5", "p50", "p95"].map { "income_\(tier)_\($0)" } + ["collateral_\(tier)", "yield_\(tier)"]
    }
    if economics {
      columns.append("flux_usd")
      for tier in tierNames { columns += ["income_usd", "cost_usd", "profit_usd", "roi"].map { "\($0)_\(tier)" } }
    }
    let sweep = SweepCells(run.plan, besides: ["point"] + columns)
    return YearsTable(
      columns: ["point"] + sweep.names + columns, textColumns: sweep.textColumns
    ) { point, aggregate in
      let config = run.plan.config(point * run.plan.replications).economics
      return aggregate.yearRows.map { year in
        [run.plan.label(ofPoint: point)] + sweep.cells(point) + yearCells(year, economics: economics ? config : nil)
      }
    }
  }

  /// A year's cells after `point` and the sweep columns.
  private static func yearCells(_ year: YearRow, economics: EconomicsConfig?) -> [String] {
    func flux(_ satoshi: Double?) -> String { satoshi.map { Format.flux(satoshi: $0) } ?? "" }
    func fraction(_ value: Double?) -> String { value.map { Format.fixed($0, 10) } ?? "" }
    let supply = year.supply
    var cells = [
      String(year.year), year.partial ? "true" : "false", String(year.jobs.count),
      year.first.map { Format.date($0.time) } ?? "", year.last.map { Format.date($0.time) } ?? "",
      year.first.map { String($0.height) } ?? "", year.last.map { String($0.height) } ?? "",
      Format.flux(year.supplyStart), Format.flux(year.issuance), fraction(year.inflation), Format.flux(supply),
      Format.flux(year.meanAmount(\.devFund)), Format.flux(year.meanAmount(\.funds)), Format.flux(year.locked),
      Format.flux(supply - year.locked),
    ]
    for tier in Tier.allCases {
      let spread = year.incomeSpread(tier)
      cells += [
        Format.fixed(year.nodes(tier), 6), Format.fixed(year.mean { Double($0.end.confirmed[tier]) }, 6),
        Format.flux(year.total(tier)), flux(year.incomePerNode(tier)),
      ]
      cells += spread.count == 0 ? ["", "", ""] : [spread.p5, spread.p50, spread.p95].map { Format.flux(satoshi: $0) }
      cells += [flux(year.collateralPerNode(tier)), fraction(year.yield(tier))]
    }
    if let economics {
      cells.append(year.fluxUSD.map { Format.fixed($0, 6) } ?? "")
      for tier in Tier.allCases {
        let usd = year.usd(tier, economics)
        cells += [
          usd.map { Format.fixed($0.income, 2) } ?? "", usd.map { Format.fixed($0.cost, 2) } ?? "",
          usd.map { Format.fixed($0.profit, 2) } ?? "", fraction(usd?.roi),
        ]
      }
    }
    return cells
  }
}
