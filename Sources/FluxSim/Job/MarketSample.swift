import FluxCore

/// The app market at a sampled block. Counts are of the moment; money is cumulative
/// since the job's start.
public struct AppSample: Sendable, Equatable, Codable {
  /// Apps whose every instance is placed.
  public var appsRunning: Int
  /// Apps with at least one instance not placed (waiting for capacity, or for the
  /// deferral of the larger tiers to pass).
  public var appsWaiting: Int
  public var instancesRunning: Int
  public var instancesWaiting: Int
  /// Share of the app capacity of each tier's confirmed nodes in use.
  public var utilization: TierValues<ResourceUse>
  /// Apps registered so far (renewals not counted).
  public var registered: Int
  /// App payments so far, registrations and renewals.
  public var revenue: Amount
  /// The same payments valued at the FLUX price of their time (0 without economics).
  public var revenueUSD: Double
  /// The part of `revenue` paid by apps that never had an instance placed so far: an app
  /// pays at registration even when it waits for capacity (and, never placed, is not
  /// renewed). An app's payment leaves this total when its first instance is placed.
  public var revenueNeverPlaced: Amount
  /// The part of `revenue` paid to the nodes of each tier (revenue share), as hosted.
  public var toNodes: TierValues<Amount>
  /// The rest: the foundation's app payment address (§7.2), including the node share of
  /// instance time that no node hosted.
  public var toFoundation: Amount
}

/// Fractions of capacity in use.
public struct ResourceUse: Sendable, Equatable, Codable {
  public var cpu: Double
  public var ram: Double
  public var hdd: Double

  public init(cpu: Double, ram: Double, hdd: Double) {
    self.cpu = cpu
    self.ram = ram
    self.hdd = hdd
  }
}

/// One node's economics in a tier over a sample period, per month: its share of the
/// tier's payments (block rewards and app revenue share) divided among the tier's
/// confirmed nodes, valued at the period's FLUX price, against its costs.
public struct TierEconomics: Sendable, Equatable, Codable {
  /// Income per node per month, FLUX.
  public var incomeFLUX: Double
  /// The same in USD.
  public var incomeUSD: Double
  /// Hosting per month, USD.
  public var hostingUSD: Double
  /// The collateral's opportunity cost per month, USD.
  public var opportunityUSD: Double
  /// income − hosting − opportunity cost: the economic profit per month, USD.
  public var profitUSD: Double
  /// Collateral value, USD.
  public var collateralUSD: Double
  /// (income − hosting) × 12 / collateral value: the yearly return on the collateral.
  public var roiPerYear: Double
  /// collateral value / (income − hosting), months; nil when a node does not cover its hosting.
  public var paybackMonths: Double?
}
