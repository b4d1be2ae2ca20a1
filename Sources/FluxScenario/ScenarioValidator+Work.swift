import FluxCore
import FluxSim

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The work a scenario asks for (`JobWork`), estimated from its values alone, and the
/// documented limits it must stay within (Scenarios/README.md, "Limits"): each refusal
/// names the key that asks for too much, the figure and the limit.
extension ScenarioValidator {
  /// Sweep points of one file (the product of the axes' sizes).
  static let maxPoints = 10_000
  /// Jobs of one run: sweep points × replications.
  static let maxJobs = 1_000_000
  /// Blocks one job simulates.
  static let maxBlocksPerJob = 200_000_000
  /// Blocks all jobs of a run simulate together.
  static let maxTotalBlocks = 1_000_000_000_000
  /// Online/offline flips one job simulates.
  static let maxUptimeFlips = 1_000_000_000
  /// App registrations in one job.
  static let maxAppArrivals = 10_000_000
  /// Instances those apps ask for in one job.
  static let maxAppInstances = 100_000_000
  /// Sampled rows one job may produce (a row is ~0.5 KB in memory).
  static let maxRowsPerJob = 5_000_000

  /// A job's span from its start: blocks and simulated seconds. Each block after the start
  /// counts at its stretch's target spacing (`ChainParams.spacingStretches`: PoW before
  /// PoN, PoN from it, and a scheduled change's spacing from its activation). Doubles, so
  /// that a horizon far past the limits still gives a figure to refuse.
  static func span(_ horizon: HorizonSpec, startHeight: Int, params: ChainParams) -> (blocks: Double, seconds: Double) {
    // Blocks startHeight + 1 … of each stretch, and their spacing, in order.
    let stretches = params.spacingStretches
    let runs = stretches.indices.compactMap { index -> (blocks: Double, spacing: Double)? in
      let first = max(Double(stretches[index].start), Double(startHeight) + 1)
      let end = index + 1 < stretches.count ? Double(stretches[index + 1].start) : .infinity
      return end > first ? (end - first, Double(max(1, stretches[index].spacing))) : nil
    }
    switch horizon {
    case .duration(let duration):
      var seconds = max(0, duration.seconds)
      var blocks = 0.0
      for run in runs {
        if seconds <= run.blocks * run.spacing {
          blocks += seconds / run.spacing
          break
        }
        blocks += run.blocks
        seconds -= run.blocks * run.spacing
      }
      return (blocks.rounded(.down), max(0, duration.seconds))
    case .height(let height):
      let blocks = max(0, Double(height) - Double(startHeight))
      var left = blocks
      var seconds = 0.0
      for run in runs where left > 0 {
        seconds += min(left, run.blocks) * run.spacing
        left -= min(left, run.blocks)
      }
      return (blocks, seconds)
    }
  }

  /// The estimate for one job of `scenario` over `span`.
  static func work(_ scenario: Scenario, span: (blocks: Double, seconds: Double)) -> JobWork {
    let months = span.seconds / JobConfig.secondsPerMonth
    let churn = scenario.fleet.churn
    var created = 0.0
    var nodeMonths = 0.0
    for tier in Tier.allCases {
      let initial = Double(scenario.fleet.nodes[tier])
      let joins = churn?.joins[tier].perMonth ?? 0
      let exits = churn?.exits[tier].perMonth ?? 0
      // The engine draws joins at the tier's size or 1, whichever is larger.
      let base = joins > 0 ? max(initial, 1) : initial
      let months = integralOfGrowth(rate: joins - exits, over: months)
      created += initial + joins * base * months
      nodeMonths += base * months
    }
    var flips = 0.0
    if let uptime = scenario.fleet.uptime {
      // Each period lasts at least a second (`Checked.time`).
      let cycle = max(1, uptime.online.distribution.mean) + max(1, uptime.offline.distribution.mean)
      flips = 2 * nodeMonths * JobConfig.secondsPerMonth / cycle
    }
    var arrivals = 0.0
    var instances = 0.0
    if let apps = scenario.apps {
      arrivals = appArrivals(apps.arrivals, days: span.seconds / 86_400)
      instances = arrivals * meanInstances(apps.specs)
    }
    var rows = 0.0
    switch scenario.sample {
    case .every(let period): rows = period.seconds >= 1 ? min(span.blocks, span.seconds / period.seconds) : 0
    case .blocks(let every): rows = every >= 1 ? span.blocks / Double(every) : 0
    }
    return JobWork(
      blocks: JobWork.saturated(span.blocks), nodes: JobWork.saturated(created), uptimeFlips: JobWork.saturated(flips),
      appArrivals: JobWork.saturated(arrivals), appInstances: JobWork.saturated(instances),
      rows: JobWork.saturated(rows))
  }

  /// ∫₀ᵀ e^(rate·t) dt: what a size growing at `rate` per month adds up to over `months`,
  /// per unit of starting size (infinite when it overflows).
  static func integralOfGrowth(rate: Double, over months: Double) -> Double {
    guard rate != 0 else { return months }
    let exponent = rate * months
    return exponent > 700 ? .infinity : expm1(exponent) / rate
  }

  /// Apps registered over `days` days at the path's rate (apps per day).
  static func appArrivals(_ path: ArrivalsSpec, days: Double) -> Double {
    switch path {
    case .constant(let rate):
      return rate.perDay * days
    case .piecewise(let steps):
      var total = 0.0
      for (index, step) in steps.enumerated() {
        let from = min(days, max(0, step.from.seconds / 86_400))
        let to = index + 1 < steps.count ? min(days, max(from, steps[index + 1].from.seconds / 86_400)) : days
        total += step.value.perDay * (to - from)
      }
      return total
    case .exponential(let initial, let growth):
      let yearDays = Double(JobConfig.secondsPerYear) / 86_400
      let perYear = log1p(growth.fraction)
      return initial.perDay * yearDays * integralOfGrowth(rate: perYear, over: days / yearDays)
    }
  }

  /// Instances an app asks for on average (FluxOS allows 1 … 100: draws are clamped so).
  static func meanInstances(_ specs: AppSpecsSpec) -> Double {
    switch specs {
    case .catalogue(let entries):
      let weight = entries.reduce(0) { $0 + $1.weight }
      guard weight > 0 else { return 0 }
      return entries.reduce(0) { $0 + $1.weight * Double($1.instances) } / weight
    case .distributions(let fields):
      return min(100, max(1, fields.instances.distribution.mean))
    }
  }

  /// The limits one job's work must stay within, as problems at the keys that ask for it.
  static func limitProblems(_ work: JobWork, _ scenario: Scenario) -> [Problem] {
    var problems: [Problem] = []
    func check(_ figure: Int, _ limit: Int, _ path: String, _ message: (String) -> String) {
      guard figure > limit else { return }
      problems.append(Problem(keyPath: path, message: message(describe(figure)) + " (at most \(limit.grouped) a job)"))
    }
    check(work.blocks, maxBlocksPerJob, scenario.horizon.keyPath) {
      "\(scenario.horizon.text) is \($0) blocks from the start: shorten the horizon"
    }
    check(work.rows, maxRowsPerJob, "sample") {
      "about \($0) sampled rows: sample less often or shorten the horizon"
    }
    check(work.nodes, JobConfig.maxNodes, scenario.fleet.churn == nil ? "fleet.nodes" : "fleet.churn.joins") {
      "the fleet and its churn create about \($0) nodes over the horizon: fewer joins or a shorter horizon"
    }
    check(work.uptimeFlips, maxUptimeFlips, "fleet.uptime") {
      "about \($0) online/offline flips (nodes × horizon ÷ mean period): longer periods, fewer nodes or a shorter horizon"
    }
    check(work.appArrivals, maxAppArrivals, "apps.arrivals") {
      "about \($0) apps arrive over the horizon: a lower rate or a shorter horizon"
    }
    check(work.appInstances, maxAppInstances, "apps") {
      "the apps ask for about \($0) instances over the horizon: fewer instances per app or fewer apps"
    }
    return problems
  }

  /// A figure for a message: grouped digits, or "more than 9.2 × 10^18" past Int.
  static func describe(_ figure: Int) -> String {
    figure == .max ? "more than \(Int.max.grouped)" : "\(figure.grouped)"
  }
}

extension HorizonSpec {
  /// The horizon as written, for messages ("horizon: 10000y is …").
  var text: String {
    switch self {
    case .duration(let duration): "\(duration)"
    case .height(let height): "height \(height.grouped)"
    }
  }
}
