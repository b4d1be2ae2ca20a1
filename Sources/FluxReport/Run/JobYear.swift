import FluxCore
import FluxSim

/// One calendar year of one job: the engine's record of it (`YearEnd`) and the totals
/// before its first block (the previous year's record, or the job's start), so that the
/// year's own figures are exact differences.
struct JobYear {
  let end: YearEnd
  /// The time of the block before the year's first (the previous record's), or of the
  /// job's start: the year's blocks are the `end.blocks` intervals from it to `end.time`.
  let timeStart: Int64
  let supplyStart: Amount
  /// Subsidies and fund outputs issued before the year (`RunTables.issued`).
  let issuedStart: Amount
  let devFundStart: Amount
  let fundsStart: Amount
  /// Per tier, block rewards and app revenue share received before the year.
  let incomeStart: TierValues<Amount>

  /// The years of `result`, in order.
  static func all(_ result: JobResult) -> [JobYear] { result.yearEnds.indices.map { year(at: $0, of: result) } }

  /// Calendar year `year` of `result`; nil when the job did not cover it.
  static func year(_ year: Int, of result: JobResult) -> JobYear? {
    result.yearEnds.firstIndex { $0.year == year }.map { Self.year(at: $0, of: result) }
  }

  /// The year `result.yearEnds[index]` records, its start being the previous record's
  /// totals, or the job's start for the first.
  private static func year(at index: Int, of result: JobResult) -> JobYear {
    let end = result.yearEnds[index]
    guard index > 0 else {
      let start = result.series[0]
      return JobYear(
        end: end, timeStart: start.time, supplyStart: start.supply, issuedStart: RunTables.issued(start),
        devFundStart: start.devFund, fundsStart: start.funds,
        incomeStart: TierValues { start.paid[$0] + (start.apps?.toNodes[$0] ?? .zero) })
    }
    let previous = result.yearEnds[index - 1]
    return JobYear(
      end: end, timeStart: previous.time, supplyStart: previous.supply, issuedStart: issued(previous),
      devFundStart: previous.devFund, fundsStart: previous.funds,
      incomeStart: TierValues { previous.paid[$0] + previous.appShare[$0] })
  }

  /// What the blocks issued up to `end` (the same sum as `RunTables.issued` of a row).
  static func issued(_ end: YearEnd) -> Amount {
    end.paid.cumulus + end.paid.nimbus + end.paid.stratus + end.devFund + end.miner + end.funds
  }

  /// Subsidies and fund outputs of the year's blocks, from the engine's totals of each.
  var issuance: Amount { Self.issued(end) - issuedStart }
  var devFund: Amount { end.devFund - devFundStart }
  var funds: Amount { end.funds - fundsStart }
  var inflation: Double? { Self.inflation(issuance: issuance, supplyStart: supplyStart) }

  /// Issuance ÷ supply at the start: a year's inflation (of its part, for a partial
  /// year), as a fraction; nil without supply. One definition for a job's year and for a
  /// point's (`YearRow`, from means across replications).
  static func inflation(issuance: Amount, supplyStart: Amount) -> Double? {
    supplyStart.satoshi > 0 ? Double(issuance.satoshi) / Double(supplyStart.satoshi) : nil
  }

  /// What `tier`'s nodes received in the year: block rewards, and app revenue share.
  func income(_ tier: Tier) -> Amount { end.paid[tier] + end.appShare[tier] - incomeStart[tier] }

  /// The tier's mean number of confirmed nodes over the year's blocks (after each block);
  /// for a year without blocks, the nodes at its end.
  func meanNodes(_ tier: Tier) -> Double {
    end.blocks > 0 ? Double(end.nodeBlocks[tier]) / Double(end.blocks) : Double(end.confirmed[tier])
  }

  /// Income per node in the year, satoshi: `income ÷ meanNodes`; nil without nodes.
  func incomePerNode(_ tier: Tier) -> Double? { Self.perNode(income(tier), meanNodes(tier)) }

  /// The collateral a node of the tier locks at the year's end (the tier's locked
  /// collateral ÷ the nodes locking it), satoshi; nil for none.
  func collateralPerNode(_ tier: Tier) -> Double? {
    Self.perNode(end.locked[tier], Double(end.lockingNodes[tier]))
  }

  /// Income per node ÷ collateral per node: the year's yield in FLUX terms.
  func yield(_ tier: Tier) -> Double? {
    Self.yield(incomePerNode: incomePerNode(tier), collateralPerNode: collateralPerNode(tier))
  }

  /// `amount` ÷ `nodes`, satoshi; nil without nodes.
  static func perNode(_ amount: Amount, _ nodes: Double) -> Double? {
    nodes > 0 ? Double(amount.satoshi) / nodes : nil
  }

  /// A node's yield in FLUX terms, income ÷ collateral (satoshi each), as a fraction; nil
  /// without either. One definition for a job's year and for a point's (`YearRow`).
  static func yield(incomePerNode: Double?, collateralPerNode: Double?) -> Double? {
    guard let incomePerNode, let collateralPerNode, collateralPerNode > 0 else { return nil }
    return incomePerNode / collateralPerNode
  }

  /// The mean seconds between blocks over the year's blocks, each interval counted in
  /// the year of the block that ends it; nil for a year without blocks.
  var meanBlockInterval: Double? {
    end.blocks > 0 ? Double(end.time - timeStart) / Double(end.blocks) : nil
  }

  /// The first and last heights of the year's blocks; nil when it has none.
  var heights: ClosedRange<Int>? { end.blocks > 0 ? (end.height - end.blocks + 1)...end.height : nil }

  /// Whether the job covered the whole calendar year.
  var isFull: Bool { end.seconds == Self.length(of: end.year) }

  /// Seconds in calendar year `year` (UTC).
  static func length(of year: Int) -> Int64 {
    UTCTime.seconds(UTCTime.Components(year: year + 1, month: 1, day: 1))
      - UTCTime.seconds(UTCTime.Components(year: year, month: 1, day: 1))
  }
}

extension YearEnd {
  /// The collateral locked by STARTed and confirmed nodes of all tiers at the year's end
  /// (as `SampleRow.collateralLocked` at a sample).
  var collateralLocked: Amount { locked.cumulus + locked.nimbus + locked.stratus }
}

extension Amount {
  /// The mean of `amounts`, rounded to the satoshi (half away from zero): exact, and free
  /// of overflow for any number of amounts (each is divided before it is added).
  static func mean(_ amounts: [Amount]) -> Amount {
    guard !amounts.isEmpty else { return .zero }
    let count = Int64(amounts.count)
    var whole: Int64 = 0
    var rest: Int64 = 0
    for amount in amounts {
      whole += amount.satoshi / count
      rest += amount.satoshi % count
    }
    whole += rest / count
    rest %= count
    if 2 * abs(rest) >= count { whole += rest > 0 ? 1 : -1 }
    return Amount(satoshi: whole)
  }
}
