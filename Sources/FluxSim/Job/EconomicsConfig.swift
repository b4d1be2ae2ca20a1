import FluxCore

/// Operator economics: the FLUX price, what running a node costs, and optionally how
/// operators respond to its profitability by joining and leaving.
public struct EconomicsConfig: Sendable, Equatable {
  public var price: PricePath
  /// Hosting cost of one node per month, USD.
  public var hostingUSDPerMonth: TierValues<Double>
  /// Yearly return the collateral could earn elsewhere (the opportunity cost), a fraction.
  public var opportunityCostPerYear: Double
  /// nil: the fleet does not respond to profitability (only `FleetConfig.churn` applies).
  public var roiChurn: ROIChurnModel?

  public init(
    price: PricePath, hostingUSDPerMonth: TierValues<Double>, opportunityCostPerYear: Double = 0,
    roiChurn: ROIChurnModel? = nil
  ) {
    self.price = price
    self.hostingUSDPerMonth = hostingUSDPerMonth
    self.opportunityCostPerYear = opportunityCostPerYear
    self.roiChurn = roiChurn
  }
}

/// The FLUX/USD price over time.
public enum PricePath: Sendable, Equatable {
  /// The prices a path may take, USD per FLUX: scenarios are refused outside it and a GBM
  /// path is kept inside it, since a price drifting to 0 or to infinity would make every
  /// USD figure after it 0, infinite or NaN.
  public static let usdRange = 1e-9...1e6

  case constant(Double)
  /// Points `(unix time, USD)`, ascending in time: linear between points, flat before
  /// the first and after the last.
  case series([PricePoint])
  /// Geometric Brownian motion from `start`, with yearly drift μ and volatility σ,
  /// stepped daily: S(t+Δ) = S(t)·exp((μ − σ²/2)Δ + σ√Δ·Z), Z standard normal from GSL.
  case gbm(start: Double, driftPerYear: Double, volatilityPerYear: Double)
}

/// One point of a price series.
public struct PricePoint: Sendable, Equatable {
  /// Unix seconds.
  public var time: Int64
  public var usd: Double

  public init(time: Int64, usd: Double) {
    self.time = time
    self.usd = usd
  }
}

/// ROI-driven joins and exits, per tier, on top of the fleet's own churn.
///
/// Each day, per tier, the model takes the profit margin of a node over the past day,
/// m = (income − cost) / cost, where income is the tier's payments (and app revenue
/// share) divided among its confirmed nodes and cost is hosting plus the collateral's
/// opportunity cost, all in USD per month. Exits then run at
/// `exitResponse × max(0, −m)` and joins at `joinResponse × max(0, m)` per node per
/// month (Poisson, in the tier's current size).
///
/// Why this shape: with income R/N shared by N nodes, m = N*/N − 1 for N* = R / cost,
/// so the fleet follows dN/dt = −exitResponse·(N − N*) above N* and
/// joinResponse·(N* − N) below it: it relaxes to N* exponentially, with time constant
/// one month over the response, and stays there. At N* a node just covers its costs.
public struct ROIChurnModel: Sendable, Equatable {
  /// Exits per node per month per unit of negative margin.
  public var exitResponse: TierValues<Double>
  /// Joins per node per month per unit of positive margin.
  public var joinResponse: TierValues<Double>

  public init(exitResponse: TierValues<Double>, joinResponse: TierValues<Double>) {
    self.exitResponse = exitResponse
    self.joinResponse = joinResponse
  }
}
