/// Block subsidy: PoW slow start, halvings (with the frozen third), premine, and the
/// Proof-of-Node reducing subsidy.
///
/// Mirrors fluxd `src/main.cpp` `GetBlockSubsidy` (flux-rules.md §2.1), identical to [R]
/// `crates/consensus/src/rewards.rs` `block_subsidy`. Exact: int64 satoshi, truncating
/// division, and the PoN reduction truncates at every step (not `14 × 0.9^k`).
public struct SubsidyParams: Sendable, Equatable {
  /// The longest slow start a rule set may give (1,000,000 blocks; mainnet's is 5,000).
  ///
  /// The ramp is the one stretch whose tier amounts (fluxd's `double` split) are not
  /// linear, so comparisons and income sums walk it block by block; the bound keeps that
  /// walk to a second.
  public static let maxSlowStartInterval = 1_000_000
  /// The most PoN reductions a rule set may give (10,000; mainnet's is 20): each is a
  /// stretch of the supply schedule and a row of the emission table.
  public static let maxPonReductions = 10_000

  /// Base PoW subsidy before any halving (150 FLUX).
  public var powInitialSubsidy: Amount
  /// `nSubsidySlowStartInterval`: subsidy ramps up linearly over these first blocks (5,000).
  public var slowStartInterval: Int
  /// `nSubsidyHalvingInterval` in blocks (655,350, "2.5 years" of 120 s blocks).
  public var halvingInterval: Int
  /// Number of halvings after which the subsidy stops halving, or nil for none.
  ///
  /// Mainnet is frozen at 2: fluxd commit `7a40f80d5` (2025-06-27) cancelled the 3rd
  /// halving at 1,968,550 and kept 37.5 FLUX until PoN.
  public var frozenAfterHalvings: Int?
  /// Height that pays the premine (1 in the code; see `SupplyMode.observed`).
  public var premineHeight: Int?
  /// The premine amount (13,020,000 FLUX).
  public var premine: Amount
  /// Subsidy at the first PoN block (`nPONInitialSubsidy`, 14 FLUX).
  public var ponInitialSubsidy: Amount
  /// Each PoN reduction keeps this fraction of the subsidy (9/10, i.e. −10 % a year).
  public var ponReductionKeep: Ratio
  /// `nPONSubsidyReductionInterval` in blocks (1,051,200 = 365 × 24 × 60 × 2).
  public var ponReductionInterval: Int
  /// `nPONMaxReductions` (20): the subsidy is flat after this many reductions since PoN start.
  public var ponMaxReductions: Int
  /// Where the PoN subsidy of a scheduled change's era starts (nil: at PoN start, as on
  /// every network). Set by `RuleSet` for an era that activates at or after PoN start.
  public var ponResume: PonSubsidyOrigin?

  public init(
    powInitialSubsidy: Amount, slowStartInterval: Int, halvingInterval: Int,
    frozenAfterHalvings: Int?, premineHeight: Int?, premine: Amount, ponInitialSubsidy: Amount,
    ponReductionKeep: Ratio, ponReductionInterval: Int, ponMaxReductions: Int
  ) {
    self.powInitialSubsidy = powInitialSubsidy
    self.slowStartInterval = slowStartInterval
    self.halvingInterval = halvingInterval
    self.frozenAfterHalvings = frozenAfterHalvings
    self.premineHeight = premineHeight
    self.premine = premine
    self.ponInitialSubsidy = ponInitialSubsidy
    self.ponReductionKeep = ponReductionKeep
    self.ponReductionInterval = ponReductionInterval
    self.ponMaxReductions = ponMaxReductions
  }
}

extension SubsidyParams {
  /// The PoN subsidy after `reductions` reductions since PoN start, for an era whose PoN
  /// subsidy starts at `origin`: the origin's amount cut once per reduction after the
  /// origin's, truncating at every step as fluxd does (O(reductions)).
  @inlinable public func ponSubsidy(from origin: PonSubsidyOrigin, afterReductions reductions: Int) -> Amount {
    var amount = origin.amount
    for _ in 0..<max(0, reductions - origin.reductions) { amount = ponReductionKeep.apply(to: amount) }
    return amount
  }
}

/// Where an era's PoN subsidy starts: PoN start with `pon_initial`, or the activation of a
/// scheduled change (FluxCore/README.md, "Scheduled changes").
///
/// fluxd's `GetBlockSubsidy` counts k = ⌊(h − PoN start) / interval⌋ reductions, at most
/// `nPONMaxReductions`, and cuts the initial subsidy k times (flux-rules.md §2.1). A change
/// may cut the subsidy at its activation (a factor) and change the percentage, interval
/// and number of later reductions, so an era counts from its origin instead: after it,
/// a reduction falls at every `gridOrigin + n × interval` (n ≥ 1) past `height`, until the
/// era's total (`ponMaxReductions`, counted since PoN start) is reached. The networks'
/// origin is (PoN start, `pon_initial`, 0, PoN start), which gives fluxd's formula exactly.
public struct PonSubsidyOrigin: Sendable, Equatable {
  /// The era's first PoN block.
  public var height: Int
  /// The subsidy of block `height`.
  public var amount: Amount
  /// Reductions made since PoN start through block `height`.
  public var reductions: Int
  /// The height the era's reductions are counted from: PoN start, or the activation of
  /// the last change that set `subsidy.pon_reduction_interval`.
  public var gridOrigin: Int

  public init(height: Int, amount: Amount, reductions: Int, gridOrigin: Int) {
    self.height = height
    self.amount = amount
    self.reductions = reductions
    self.gridOrigin = gridOrigin
  }
}

/// A fraction `numerator / denominator` ≥ 0, applied with truncating division.
///
/// The PoN reduction is such a fraction of at most 1, and what a rules file may write is
/// any percentage with eight decimals: 0.00000001 % keeps 9,999,999,999 / 10,000,000,000,
/// whose numerator times a subsidy is far past `Int64`. `apply` therefore multiplies at
/// full width (128 bits) before it divides, exactly as fluxd's `(s * 9) / 10` would if
/// it had the room; a fraction of at most 1 keeps the quotient within the amount. A
/// scheduled change's `subsidy.pon_factor` may exceed 1 (up to 1,000): its product is
/// taken with `applyReportingOverflow`, and `RuleSet` refuses one that does not fit.
public struct Ratio: Sendable, Equatable, CustomStringConvertible {
  public var numerator: Int64
  public var denominator: Int64

  /// The fraction in lowest terms, so that equal values compare equal (9/10 == 90/100).
  ///
  /// - Precondition: `numerator ≥ 0` and `denominator > 0`.
  public init(_ numerator: Int64, _ denominator: Int64) {
    precondition(denominator > 0 && numerator >= 0, "a ratio is a fraction ≥ 0")
    var (a, b) = (numerator.magnitude, denominator.magnitude)
    while b != 0 { (a, b) = (b, a % b) }
    let divisor = Int64(max(a, 1))
    self.numerator = numerator / divisor
    self.denominator = denominator / divisor
  }

  /// `amount × numerator / denominator`, truncated, as fluxd's `(s * 9) / 10`.
  ///
  /// - Precondition: the result fits in `Int64` (always, for a fraction of at most 1 and
  ///   an amount ≥ 0).
  @inlinable public func apply(to amount: Amount) -> Amount {
    Amount(satoshi: denominator.dividingFullWidth(amount.satoshi.multipliedFullWidth(by: numerator)).quotient)
  }

  /// `apply(to:)`, or nil when the result would pass `Int64` (amount ≥ 0).
  public func applyReportingOverflow(to amount: Amount) -> Amount? {
    let product = amount.satoshi.multipliedFullWidth(by: numerator)
    // The quotient fits when the high word is below the divisor (dividingFullWidth's
    // precondition) and the low bits' quotient does not reach 2^63.
    guard product.high >= 0, UInt64(product.high) < UInt64(denominator) else { return nil }
    let (quotient, _) = UInt64(denominator).dividingFullWidth((UInt64(product.high), product.low))
    return quotient <= UInt64(Int64.max) ? Amount(satoshi: Int64(quotient)) : nil
  }

  public var description: String { "\(numerator)/\(denominator)" }
}

/// Which history of the first 5,000 blocks a supply figure assumes (flux-rules.md §2.3).
public enum SupplyMode: String, CaseIterable, Sendable {
  /// `GetBlockSubsidy` exactly as written: the premine at height 1.
  case code
  /// What mainnet actually paid (the team's emission model): every block 1 … 4,999
  /// paid the code subsidy of the block before it, so block 1 paid 0 and the premine
  /// landed at height 2. From 5,000 on both modes agree.
  case observed
}

extension ChainParams {
  /// The subsidy of block `height` as `GetBlockSubsidy` computes it, under the rules of
  /// the era `height` is in.
  ///
  /// Height 0 (genesis) pays 0. The order of the checks is the daemon's: PoN first,
  /// then the premine, then the slow start, then halvings.
  public func codeSubsidy(at height: Int) -> Amount {
    if let era = eraIndex(at: height) { return changes[era].params.codeSubsidy(at: height) }
    let s = subsidy
    if let reductions = ponReductions(at: height), let origin = ponSubsidyOrigin {
      return s.ponSubsidy(from: origin, afterReductions: reductions)
    }
    if height <= 0 { return .zero }
    if height == s.premineHeight { return s.premine }
    let base = s.powInitialSubsidy.satoshi
    if height < s.slowStartInterval / 2 {
      return Amount(satoshi: base / Int64(s.slowStartInterval) * Int64(height))
    }
    if height < s.slowStartInterval {
      return Amount(satoshi: base / Int64(s.slowStartInterval) * Int64(height + 1))
    }
    let halvings = (height - s.slowStartInterval / 2) / s.halvingInterval
    if halvings >= 64 { return .zero }
    if let frozen = s.frozenAfterHalvings, halvings >= frozen { return Amount(satoshi: base >> frozen) }
    return Amount(satoshi: base >> halvings)
  }

  /// Where the PoN subsidy of these parameters' own era starts (ignoring `changes`), or
  /// nil without PoN.
  @inlinable public var ponSubsidyOrigin: PonSubsidyOrigin? {
    guard let ponStart = upgrades.pon else { return nil }
    return subsidy.ponResume
      ?? PonSubsidyOrigin(height: ponStart, amount: subsidy.ponInitialSubsidy, reductions: 0, gridOrigin: ponStart)
  }

  /// The PoN reductions made since PoN start by block `height`, or nil before PoN.
  ///
  /// Without changes fluxd's min(⌊(h − PoN start) / interval⌋, max); in an era, the
  /// origin's count plus the grid points in (origin, h], up to the era's total.
  @inlinable public func ponReductions(at height: Int) -> Int? {
    if let era = eraIndex(at: height) { return changes[era].params.ponReductions(at: height) }
    guard let ponStart = upgrades.pon, height >= ponStart, let origin = ponSubsidyOrigin else { return nil }
    let interval = subsidy.ponReductionInterval
    let steps = (height - origin.gridOrigin) / interval - (origin.height - origin.gridOrigin) / interval
    return origin.reductions + min(max(0, steps), max(0, subsidy.ponMaxReductions - origin.reductions))
  }

  /// The PoN subsidies of these parameters' own era (ignoring `changes`) through block
  /// `height`: element i is the subsidy after `ponSubsidyOrigin.reductions + i`
  /// reductions, each computed once (what a caller that needs many of them reads instead
  /// of `codeSubsidy(at:)`, which applies the reductions one by one). Empty without PoN.
  public func ponSubsidies(through height: Int) -> [Amount] {
    guard let origin = ponSubsidyOrigin else { return [] }
    let count = max(0, (ponReductions(at: max(height, origin.height)) ?? 0) - origin.reductions)
    var amounts = [origin.amount]
    amounts.reserveCapacity(count + 1)
    for _ in 0..<count { amounts.append(subsidy.ponReductionKeep.apply(to: amounts[amounts.count - 1])) }
    return amounts
  }

  /// The subsidy of block `height` in the given supply mode.
  public func subsidy(at height: Int, mode: SupplyMode) -> Amount {
    if let era = eraIndex(at: height) { return changes[era].params.subsidy(at: height, mode: mode) }
    switch mode {
    case .code:
      return codeSubsidy(at: height)
    case .observed:
      if height >= 1, height < subsidy.slowStartInterval, !upgrades.isActive(.pon, at: height) {
        return codeSubsidy(at: height - 1)
      }
      return codeSubsidy(at: height)
    }
  }
}
