/// The emission schedule as rows: what each notable block pays and the supply so far.
///
/// The rows a user asks about first are the heights where a rule changes (halvings,
/// the frozen third halving, PoN start and reductions, fund outputs, the split
/// changes) and each calendar year end, dated by `ChainClock`'s projection. Everything
/// is computed from `ChainParams` and `SupplySchedule`; nothing here is a rule of its own.
public struct EmissionRow: Sendable, Equatable {
  public var height: Int
  /// Projected Unix time of the block.
  public var time: Int64
  /// What happens at this height ("halving 1", "end of 2030", …); empty for a plain row.
  public var event: String
  /// The block's split with every tier paid.
  public var reward: BlockReward
  /// Fund outputs paid in this block.
  public var funds: Amount
  /// Subsidies and funds of blocks 1 … height.
  public var cumulativeSupply: Amount
}

/// A labelled height.
public struct EmissionEvent: Sendable, Hashable {
  public var height: Int
  public var label: String

  public init(height: Int, label: String) {
    self.height = height
    self.label = label
  }
}

extension SupplySchedule {
  /// The row of block `height` (0 … `ChainParams.maxHeight`), labelled `event`.
  public func emissionRow(at height: Int, event: String = "") -> EmissionRow {
    EmissionRow(
      height: height, time: params.projectedTime(at: height), event: event, reward: reward(at: height),
      funds: params.fundAmount(at: height), cumulativeSupply: cumulativeSupply(through: height))
  }

  /// Rows for `events`, sorted by height; events at the same height share a row.
  public func emissionRows(_ events: [EmissionEvent]) -> [EmissionRow] {
    var labels: [Int: [String]] = [:]
    for event in events { labels[event.height, default: []].append(event.label) }
    return labels.sorted { $0.key < $1.key }.map { height, texts in
      emissionRow(at: height, event: texts.filter { !$0.isEmpty }.joined(separator: "; "))
    }
  }

  /// Every height where the emission rules change, up to `limit`: genesis, premine,
  /// slow-start end, each halving (and the frozen one), node-payment start, the FLUX
  /// upgrade's doubled node share, PoN start, each PoN reduction, each fund output and
  /// each scheduled change ("change: NAME").
  ///
  /// Each era contributes its own rule changes between its activation and the next; PoN
  /// reductions are numbered from PoN start through every era, and a reduction made at an
  /// activation is labelled there too.
  public func ruleChangeEvents(through limit: Int) -> [EmissionEvent] {
    let eras = params.eras
    var events: [EmissionEvent] = []
    for (index, era) in eras.enumerated() {
      let end = index + 1 < eras.count ? eras[index + 1].start : Int.max
      if index > 0 {
        events.append(EmissionEvent(height: era.start, label: "change: \(params.changes[index - 1].name)"))
        if let reductions = params.ponReductions(at: era.start),
          reductions > (params.ponReductions(at: era.start - 1) ?? 0)
        {
          events.append(EmissionEvent(height: era.start, label: "PoN reduction \(reductions)"))
        }
      }
      events += Self.eraEvents(of: era.params, mode: mode, through: min(limit, end - 1))
        .filter { $0.height >= era.start }
    }
    for fund in params.funds {
      for (index, height) in fund.heights.enumerated() {
        let label = fund.count == 1 ? fund.name : "\(fund.name) \(index + 1)/\(fund.count)"
        events.append(EmissionEvent(height: height, label: label))
      }
    }
    return events.filter { $0.height <= limit }
  }

  /// The rule changes of one era's rules (ignoring `changes` and funds) up to `limit`.
  static func eraEvents(of params: ChainParams, mode: SupplyMode, through limit: Int) -> [EmissionEvent] {
    let s = params.subsidy
    let ponStart = params.upgrades.pon ?? Int.max
    var events = [EmissionEvent(height: 0, label: "genesis")]
    if let premine = s.premineHeight {
      let paid = mode == .observed && premine < s.slowStartInterval ? premine + 1 : premine
      events.append(EmissionEvent(height: paid, label: "premine"))
    }
    if s.slowStartInterval > 0 { events.append(EmissionEvent(height: s.slowStartInterval, label: "slow start ends")) }
    var halving = 1
    while halving < 64, s.powInitialSubsidy.satoshi >> (halving - 1) > 0 {
      let height = s.slowStartInterval / 2 + halving * s.halvingInterval
      guard height < ponStart, height <= limit else { break }
      let frozen = s.frozenAfterHalvings.map { halving > $0 } ?? false
      events.append(EmissionEvent(height: height, label: frozen ? "halving \(halving) (frozen)" : "halving \(halving)"))
      if frozen { break }
      halving += 1
    }
    if let start = params.split.nodePaymentsStartHeight, start < ponStart {
      events.append(EmissionEvent(height: start, label: "node payments start"))
    }
    if let flux = params.upgrades.flux, flux < ponStart,
      params.split.nodePaymentsStartHeight.map({ $0 <= flux }) ?? false
    {
      events.append(
        EmissionEvent(height: flux, label: "FLUX upgrade: node shares ×\(params.split.fluxUpgradeMultiplier)"))
    }
    if let origin = params.ponSubsidyOrigin {
      if origin.height == ponStart { events.append(EmissionEvent(height: ponStart, label: "PoN start")) }
      let interval = s.ponReductionInterval
      let first = (origin.height - origin.gridOrigin) / interval + 1
      for step in 0..<max(0, s.ponMaxReductions - origin.reductions) {
        // At most 2^31 + 10,000 steps of at most 2^31 blocks: no overflow in 64 bits.
        let height = origin.gridOrigin + (first + step) * interval
        if height > limit { break }
        events.append(EmissionEvent(height: height, label: "PoN reduction \(origin.reductions + step + 1)"))
      }
    }
    return events.filter { $0.height <= limit }
  }

  /// The last block of each calendar year from the year of block 0 through `lastYear`,
  /// leaving out years that end past `ChainParams.maxHeight`.
  public func yearEndEvents(through lastYear: Int) -> [EmissionEvent] {
    let firstYear = UTCTime.components(params.projectedTime(at: 0)).year
    let last = min(lastYear, params.yearOfMaxHeight)
    guard firstYear <= last else { return [] }
    return (firstYear...last).compactMap { year in
      let height = params.projectedHeight(atOrBefore: UTCTime.seconds(.init(year: year + 1, month: 1, day: 1)) - 1)
      return height <= ChainParams.maxHeight ? EmissionEvent(height: height, label: "end of \(year)") : nil
    }
  }
}

extension ChainParams {
  /// The calendar year of `ChainParams.maxHeight` by the projected clock: the last year
  /// whose end a table may show.
  public var yearOfMaxHeight: Int { UTCTime.components(projectedTime(at: ChainParams.maxHeight)).year }

  /// The last block of calendar `year` by the projected clock, or `ChainParams.maxHeight`
  /// when the year ends past it: the default end of emission tables ("through 2060").
  public func lastHeight(throughYear year: Int) -> Int {
    guard year < yearOfMaxHeight else { return ChainParams.maxHeight }
    return max(0, projectedHeight(atOrBefore: UTCTime.seconds(.init(year: year + 1, month: 1, day: 1)) - 1))
  }
}
