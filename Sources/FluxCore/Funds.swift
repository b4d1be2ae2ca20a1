/// Extra coinbase outputs on top of the subsidy: the exchange fund, the foundation fund
/// and the ten swap-pool payments of 2021.
///
/// Mirrors fluxd `src/chainparams.cpp` (~291–306) and `main.cpp`
/// `ContextualCheckTransaction` / `IsSwapPoolInterval` (flux-rules.md §2.2). Each fund is
/// an exact amount paid at `firstHeight + i × interval` for `i` in `0 ..< count`.
public struct FundOutput: Sendable, Equatable {
  /// The most funds a rule set may list (mainnet has 3).
  public static let maxFunds = 100
  /// The most payments all funds together may make (mainnet's make 12): each is a row of
  /// the emission table and a height the simulator watches.
  public static let maxPayments = 10_000

  /// Short name used in reports, e.g. "exchange_fund".
  public var name: String
  /// The address the chain requires the output to pay.
  public var address: String
  /// Amount of each payment.
  public var amount: Amount
  /// Height of the first payment.
  public var firstHeight: Int
  /// Number of payments (1 for a one-off).
  public var count: Int
  /// Blocks between payments (ignored when `count` is 1).
  public var interval: Int

  public init(name: String, address: String, amount: Amount, firstHeight: Int, count: Int = 1, interval: Int = 0) {
    self.name = name
    self.address = address
    self.amount = amount
    self.firstHeight = firstHeight
    self.count = count
    self.interval = interval
  }

  /// Every height at which this fund pays, ascending.
  public var heights: [Int] { (0..<count).map { firstHeight + $0 * interval } }

  /// Number of payments made at heights `≤ height`.
  @inlinable public func paymentsThrough(_ height: Int) -> Int {
    guard height >= firstHeight, count > 0 else { return 0 }
    if count == 1 || interval <= 0 { return 1 }
    return min(count, (height - firstHeight) / interval + 1)
  }

  /// What this fund pays in block `height` (zero when it pays nothing there).
  @inlinable public func amount(at height: Int) -> Amount {
    paymentsThrough(height) - paymentsThrough(height - 1) == 1 ? amount : .zero
  }
}

extension ChainParams {
  /// Sum of all fund outputs in block `height`.
  public func fundAmount(at height: Int) -> Amount {
    funds.reduce(.zero) { $0 + $1.amount(at: height) }
  }

  /// Sum of all fund outputs at heights `≤ height`, in closed form.
  @inlinable public func cumulativeFunds(through height: Int) -> Amount {
    var total = Amount.zero
    for fund in funds { total.satoshi += Int64(fund.paymentsThrough(height)) * fund.amount.satoshi }
    return total
  }
}
