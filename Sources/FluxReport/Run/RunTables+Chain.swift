import FluxCore
import FluxSim

extension RunTables {
  /// The `series.csv` columns of token indicators, after the chain's state: what was
  /// issued since the previous row and at what yearly rate, the collateral locked in nodes
  /// and the supply outside it, and how long each tier's nodes have waited for a payment.
  static let chainIndicatorColumns =
    ["issuance", "inflation_annualised", "collateral_locked", "supply_not_locked"]
    + tierNames.flatMap { tier in ["p50", "p95", "max"].map { "since_paid_\($0)_\(tier)" } }

  /// The cells of `chainIndicatorColumns` for `row`, the job's row before it being
  /// `previous` (nil for the first row, whose issuance and inflation are empty).
  ///
  /// - `issuance`: the subsidies (tiers, dev fund, miners) and fund outputs of the blocks
  ///   since the previous row, from the engine's totals of each (not from the supply,
  ///   which it equals: a check of the accounting).
  /// - `inflation_annualised`: issuance ÷ supply at the previous row × (a Gregorian year ÷
  ///   the seconds between the rows): the rate of the period, as a yearly fraction.
  /// - `collateral_locked`: the collateral of STARTed and confirmed nodes;
  ///   `supply_not_locked` = supply − collateral_locked.
  /// - `since_paid_<q>_<tier>`: the median, 95th percentile and maximum over the tier's
  ///   confirmed nodes of the blocks since each was last paid (or confirmed, if not paid
  ///   since); empty while a tier has no confirmed node.
  static func chainIndicators(_ row: SampleRow, previous: SampleRow?) -> [String] {
    var cells = ["", ""]
    if let previous {
      let issuance = issued(row) - issued(previous)
      cells[0] = Format.flux(issuance)
      let seconds = Double(row.time - previous.time)
      if seconds > 0, previous.supply.satoshi > 0 {
        let rate = Double(issuance.satoshi) / Double(previous.supply.satoshi)
        cells[1] = Format.fixed(rate * Double(JobConfig.secondsPerYear) / seconds, 10)
      }
    }
    cells += [Format.flux(row.collateralLocked), Format.flux(row.supply - row.collateralLocked)]
    for tier in Tier.allCases {
      guard let since = row.sincePaid[tier] else {
        cells += ["", "", ""]
        continue
      }
      cells += [Format.fixed(since.p50, 3), Format.fixed(since.p95, 3), String(since.max)]
    }
    return cells
  }

  /// Everything the job's blocks issued up to `row`: subsidies to tiers, dev fund and
  /// miners, and fund outputs.
  static func issued(_ row: SampleRow) -> Amount {
    row.paid.cumulus + row.paid.nimbus + row.paid.stratus + row.devFund + row.miner + row.funds
  }
}
