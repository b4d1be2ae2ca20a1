import FluxCore
import FluxSim

/// `economics:` — the FLUX price, what a node costs to run, the collateral's opportunity
/// cost, and optionally operators joining and leaving as nodes pay or do not.
public struct EconomicsSpec: Codable, Sendable, Equatable {
  public var fluxUSD: PriceSpec
  /// Hosting cost per node per tier; nil: not given (zero).
  public var hosting: TierValues<USDRateValue>?
  /// Yearly return the collateral could earn elsewhere.
  public var opportunityCost: AnnualPercentValue
  /// Profit-driven joins and exits per unit of profit margin; nil: none.
  public var roiChurn: ChurnSpec?

  public init(
    fluxUSD: PriceSpec, hosting: TierValues<USDRateValue>? = nil,
    opportunityCost: AnnualPercentValue = AnnualPercentValue(percent: 0), roiChurn: ChurnSpec? = nil
  ) {
    self.fluxUSD = fluxUSD
    self.hosting = hosting
    self.opportunityCost = opportunityCost
    self.roiChurn = roiChurn
  }

  static let keys = ["flux_usd", "hosting", "opportunity_cost", "roi_churn"]

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: Self.keys, what: "economics")
    fluxUSD = try fields.required("flux_usd")
    hosting = try fields.optional("hosting", PerTier<USDRateValue>.self)?.values
    opportunityCost = try fields.optional("opportunity_cost") ?? AnnualPercentValue(percent: 0)
    roiChurn = try fields.optional("roi_churn", Switchable<ChurnSpec>.self)?.value
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("flux_usd", fluxUSD)
    try fields.set("hosting", hosting.map(PerTier.init))
    try fields.set("opportunity_cost", opportunityCost)
    try fields.set("roi_churn", Switchable(value: roiChurn, off: "none"))
  }

  /// The engine's economics.
  public var config: EconomicsConfig {
    EconomicsConfig(
      price: fluxUSD.path,
      hostingUSDPerMonth: (hosting ?? TierValues { _ in USDRateValue(usd: 0, period: "month") })
        .map(\.perMonth),
      opportunityCostPerYear: opportunityCost.fraction,
      roiChurn: roiChurn.map {
        ROIChurnModel(exitResponse: $0.exits.map(\.perMonth), joinResponse: $0.joins.map(\.perMonth))
      })
  }
}

/// `economics.flux_usd:` — USD per FLUX: a constant (`0.30`), dated points
/// (`{series: [{date, usd}, …]}`), a CSV file of them (`{csv: PATH}`, relative to the
/// scenario file), or geometric Brownian motion (`{gbm: {start, drift, volatility}}`).
public enum PriceSpec: Codable, Sendable, Equatable {
  case constant(USDPriceValue)
  case series([PricePointSpec])
  /// The path as written, and the points read from it by `ScenarioLoader` (empty until then).
  case csv(path: String, points: [PricePoint])
  case gbm(start: USDPriceValue, drift: AnnualPercentValue, volatility: AnnualPercentValue)

  public init(from decoder: Decoder) throws {
    guard (try? decoder.container(keyedBy: AnyKey.self)) != nil else {
      self = .constant(try USDPriceValue(from: decoder))
      return
    }
    let fields = try Fields(decoder, known: ["series", "csv", "gbm"], what: "flux_usd: a price, series, csv or gbm")
    guard fields.keys.count == 1 else {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected exactly one of series, csv and gbm")
    }
    if fields.has("series") {
      self = .series(try fields.required("series"))
    } else if fields.has("csv") {
      self = .csv(path: try fields.required("csv"), points: [])
    } else {
      let gbm = try fields.required("gbm", GBMSpec.self)
      self = .gbm(start: gbm.start, drift: gbm.drift, volatility: gbm.volatility)
    }
  }

  public func encode(to encoder: Encoder) throws {
    if case .constant(let price) = self {
      try price.encode(to: encoder)
      return
    }
    var fields = EncodedFields(encoder)
    switch self {
    case .constant: break
    case .series(let points): try fields.set("series", points)
    case .csv(let path, _): try fields.set("csv", path)
    case .gbm(let start, let drift, let volatility):
      try fields.set("gbm", GBMSpec(start: start, drift: drift, volatility: volatility))
    }
  }

  /// The engine's price path.
  public var path: PricePath {
    switch self {
    case .constant(let price): .constant(price.usd)
    case .series(let points): .series(points.map { PricePoint(time: $0.time, usd: $0.usd.usd) })
    case .csv(_, let points): .series(points)
    case .gbm(let start, let drift, let volatility):
      .gbm(start: start.usd, driftPerYear: drift.fraction, volatilityPerYear: volatility.fraction)
    }
  }
}

/// One point of a price series: `{date: 2026-09-03, usd: 0.30}`.
public struct PricePointSpec: Codable, Sendable, Equatable {
  /// Unix seconds.
  public var time: Int64
  public var usd: USDPriceValue

  public init(time: Int64, usd: USDPriceValue) {
    self.time = time
    self.usd = usd
  }

  public init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["date", "usd"], what: "a price point: date and usd")
    time = try fields.required("date", DateValue.self).seconds
    usd = try fields.required("usd")
  }

  public func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("date", DateValue(seconds: time))
    try fields.set("usd", usd)
  }
}

struct GBMSpec: Codable {
  var start: USDPriceValue
  var drift: AnnualPercentValue
  var volatility: AnnualPercentValue

  init(start: USDPriceValue, drift: AnnualPercentValue, volatility: AnnualPercentValue) {
    self.start = start
    self.drift = drift
    self.volatility = volatility
  }

  init(from decoder: Decoder) throws {
    let fields = try Fields(decoder, known: ["start", "drift", "volatility"], what: "gbm: start, drift, volatility")
    start = try fields.required("start")
    drift = try fields.optional("drift") ?? AnnualPercentValue(percent: 0)
    volatility = try fields.required("volatility")
  }

  func encode(to encoder: Encoder) throws {
    var fields = EncodedFields(encoder)
    try fields.set("start", start)
    try fields.set("drift", drift)
    try fields.set("volatility", volatility)
  }
}
