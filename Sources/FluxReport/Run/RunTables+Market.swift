import FluxCore
import FluxSim

extension RunTables {
  /// A `series.csv` column of an optional sample field: its header and its cell, empty
  /// where the row lacks the field (economics on a job's first row, a payback that never
  /// comes, a sweep point without the market).
  struct OptionalColumn {
    let name: String
    let cell: (SampleRow) -> String

    init<Value>(_ name: String, _ value: @escaping (SampleRow) -> Value?, _ format: @escaping (Value) -> String) {
      self.name = name
      self.cell = { row in value(row).map(format) ?? "" }
    }
  }

  /// The columns after the chain's for what the run recorded: the FLUX price, the app
  /// market, then each tier's economics per node per month. None for a run with neither,
  /// so its table keeps its bytes.
  ///
  /// Names follow the chain's columns (`<quantity>_<tier>`, amounts in FLUX with their
  /// exact 8 decimals); fractions have 6 decimals, USD 2 and months 2.
  static func marketColumns(_ fields: RecordedFields) -> [OptionalColumn] {
    var columns: [OptionalColumn] = []
    if fields.economics { columns.append(OptionalColumn("flux_usd", \.fluxUSD) { Format.fixed($0, 6) }) }
    if fields.apps { columns += appColumns() }
    if fields.economics { columns += economicsColumns() }
    return columns
  }

  private static func appColumns() -> [OptionalColumn] {
    func app<Value>(_ name: String, _ value: @escaping (AppSample) -> Value, _ format: @escaping (Value) -> String)
      -> OptionalColumn
    {
      OptionalColumn(name, { $0.apps.map(value) }, format)
    }
    var columns = [
      app("apps_running", \.appsRunning, String.init), app("apps_waiting", \.appsWaiting, String.init),
      app("instances_running", \.instancesRunning, String.init),
      app("instances_waiting", \.instancesWaiting, String.init),
    ]
    let resources: [(String, KeyPath<ResourceUse, Double>)] = [("cpu", \.cpu), ("ram", \.ram), ("hdd", \.hdd)]
    for (resource, use) in resources {
      columns += Tier.allCases.map { tier in
        app("\(resource)_utilization_\(tier)", { $0.utilization[tier][keyPath: use] }, { Format.fixed($0, 6) })
      }
    }
    columns += [
      app("apps_registered", \.registered, String.init), app("revenue_flux", \.revenue, Format.flux),
      app("revenue_never_placed_flux", \.revenueNeverPlaced, Format.flux),
      // Valued only with a price path; the engine writes 0 without one, which would read as no revenue.
      OptionalColumn("revenue_usd", { $0.fluxUSD == nil ? nil : $0.apps?.revenueUSD }, { Format.fixed($0, 2) }),
    ]
    columns += Tier.allCases.map { tier in app("to_nodes_\(tier)", { $0.toNodes[tier] }, Format.flux) }
    columns.append(app("to_foundation", \.toFoundation, Format.flux))
    return columns
  }

  private static func economicsColumns() -> [OptionalColumn] {
    let quantities: [(String, Int, (TierEconomics) -> Double?)] = [
      ("income_flux", 8, \.incomeFLUX), ("income_usd", 2, \.incomeUSD),
      ("cost_usd", 2, { $0.hostingUSD + $0.opportunityUSD }), ("profit_usd", 2, \.profitUSD),
      ("roi_per_year", 6, \.roiPerYear), ("payback_months", 2, \.paybackMonths),
    ]
    return quantities.flatMap { name, decimals, value in
      Tier.allCases.map { tier in
        OptionalColumn("\(name)_\(tier)", { $0.economics.flatMap { value($0[tier]) } }) { Format.fixed($0, decimals) }
      }
    }
  }
}
