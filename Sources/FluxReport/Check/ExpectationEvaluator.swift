import FluxCore
import FluxScenario
import FluxSim

/// Evaluates a scenario's expectations against the rules and a run's results.
///
/// Values at a height come from the rules (FluxCore), exactly: they do not depend on the
/// simulation. A date is turned into a height with the rules' projected clock (as
/// `fluxsim emission` dates rows). Milestone dates are the quantile across replications
/// (GSL); payout statistics the tier's quantile over its nodes in each replication,
/// averaged over replications; invariants are checked on every sampled block of every job.
public enum ExpectationEvaluator {
  public static func evaluate(_ run: RunRecord) -> [CheckOutcome] {
    run.plan.file.scenario.expect.map { evaluate($0, run: run) }
  }

  static func evaluate(_ expectation: Expectation, run: RunRecord) -> CheckOutcome {
    let config = run.plan.config(0)
    let params = config.rules.params
    let kind = expectation.kind
    switch expectation {
    case .value(let point, let quantity, let check):
      let height: Int
      do { height = try point.height(under: params) } catch {
        // Loading refuses such a point; a record made otherwise fails the check, never traps.
        return CheckOutcome(name: quantity, expected: describe(check), actual: error.message, passed: false)
      }
      let place =
        if case .date(let seconds) = point { "\(Format.date(seconds)) (height \(height))" } else { "height \(height)" }
      let actual = value(quantity, at: height, point: point, params: params, mode: config.supplyMode)
      return outcome("\(quantity) at \(place)", check, kind, actual)
    case .milestone(let label, let quantile, let check):
      let times = Array(run.results.compactMap { $0.milestones.first { $0.label == label }.map { Double($0.time) } })
      guard times.count == run.plan.jobs.count else {
        return CheckOutcome(
          name: "milestone \"\(label)\" \(quantile)", expected: describe(check),
          actual: "reached in \(times.count)/\(run.plan.jobs.count) jobs",
          passed: false)
      }
      let actual = ExpectedValue.date(rounded(pick(quantile, Summary(of: times))))
      return outcome("milestone \"\(label)\" \(quantile) across replications", check, kind, actual)
    case .payout(let tier, let statistic, let quantile, let check):
      let values = Array(
        run.results.map { result -> Double in
          let stats = statistic == "income" ? result.payouts[tier].incomePerNode : result.payouts[tier].blocksSincePaid
          return pick(quantile, stats)
        })
      let mean = values.reduce(0, +) / Double(max(values.count, 1))
      let actual = statistic == "income" ? ExpectedValue.amount(Amount(satoshi: rounded(mean))) : .number(mean)
      return outcome("\(tier) \(statistic) \(quantile) (mean over replications)", check, kind, actual)
    case .invariant(let name):
      let broken = invariantViolation(name, run: run)
      return CheckOutcome(
        name: "invariant \(name)", expected: "holds in every sampled block", actual: broken ?? "holds",
        passed: broken == nil)
    }
  }

  /// A value expectation's actual value at `height`.
  static func value(_ quantity: String, at height: Int, point: ExpectationPoint, params: ChainParams, mode: SupplyMode)
    -> ExpectedValue
  {
    let reward = params.reward(at: height, mode: mode)
    switch quantity {
    case "supply": return .amount(SupplySchedule(params: params, mode: mode).cumulativeSupply(through: height))
    case "subsidy": return .amount(reward.subsidy)
    case "cumulus": return .amount(reward.tiers.cumulus)
    case "nimbus": return .amount(reward.tiers.nimbus)
    case "stratus": return .amount(reward.tiers.stratus)
    case "dev_fund": return .amount(reward.devFund)
    case "miner": return .amount(reward.miner)
    case "funds": return .amount(params.fundAmount(at: height))
    case "time": return .date(params.projectedTime(at: height))
    case "confirm_expiry": return .number(Double(params.expiryHeight(lastConfirm: height)))
    case "collateral_expiry_check": return .word(params.isCollateralExpiryCheckActive(at: height) ? "true" : "false")
    case "benchmark_key":
      if case .date(let seconds) = point { return .number(Double(params.benchmarkKeyIndex(at: seconds))) }
      return .number(Double(params.benchmarkKeyIndex(at: params.projectedTime(at: height))))
    default:
      let tiers = params.reducedCollateralEnforced(at: height)
      let names = Tier.allCases.filter { tiers.contains($0) }.map(\.description)
      return .word(names.isEmpty ? "none" : names.joined(separator: ","))
    }
  }

  /// `value` rounded to a whole number of satoshi or seconds within `Int64`: a mean of
  /// values that each fit can still round to 2^63, where `Int64(_:)` would trap.
  static func rounded(_ value: Double) -> Int64 {
    guard !value.isNaN else { return 0 }
    return Int64(exactly: value.rounded()) ?? (value > 0 ? .max : .min)
  }

  static func pick(_ quantile: String, _ summary: Summary) -> Double {
    switch quantile {
    case "p5": summary.p5
    case "p25": summary.p25
    case "p50": summary.p50
    case "p75": summary.p75
    case "p95": summary.p95
    case "min": summary.min
    case "max": summary.max
    default: summary.mean
    }
  }

  static func outcome(_ name: String, _ check: ValueCheck, _ kind: ExpectedKind, _ actual: ExpectedValue)
    -> CheckOutcome
  {
    // Values were validated when the scenario was loaded.
    func read(_ text: String) -> ExpectedValue { ExpectedValue.parse(text, as: kind) ?? .word(text) }
    let passed: Bool
    switch check {
    case .equals(let text):
      passed = read(text) == actual
    case .between(let low, let high):
      passed = read(low) <= actual && actual <= read(high)
    case .approx(let text, let tolerance):
      passed = actual.isWithin(ExpectedValue.parseTolerance(tolerance, for: kind) ?? 0, of: read(text))
    }
    return CheckOutcome(name: name, expected: describe(check), actual: actual.text, passed: passed)
  }

  static func describe(_ check: ValueCheck) -> String {
    switch check {
    case .equals(let value): "= \(value)"
    case .between(let low, let high): "\(low) … \(high)"
    case .approx(let value, let tolerance): "\(value) ± \(tolerance)"
    }
  }

  /// The first violation of invariant `name` in the run, or nil.
  static func invariantViolation(_ name: String, run: RunRecord) -> String? {
    for (index, result) in run.results.enumerated() {
      let params = run.plan.config(index).rules.params
      let schedule = SupplySchedule(params: params, mode: run.plan.config(index).supplyMode)
      guard let first = result.series.first else { continue }
      for row in result.series {
        switch name {
        case "supply_matches_rules":
          let expected = schedule.cumulativeSupply(through: row.height)
          if row.supply != expected {
            return "job \(index), height \(row.height): supply \(row.supply), rules say \(expected)"
          }
        default:
          // What was paid out since the start equals what the rules issued as subsidy.
          let paid = row.paid.cumulus + row.paid.nimbus + row.paid.stratus + row.devFund + row.miner
          let issued =
            schedule.cumulativeSubsidy(through: row.height) - schedule.cumulativeSubsidy(through: first.height)
          if paid != issued { return "job \(index), height \(row.height): paid \(paid), subsidies \(issued)" }
        }
      }
    }
    return nil
  }
}
