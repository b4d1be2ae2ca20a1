import FluxCore
import FluxScenario
import FluxSim

/// A scenario's values as a report's header states them: in the units a scenario file
/// writes (`40d`, `2GB`, `0.03/month`), distributions with their parameters, per-tier
/// values once when every tier has the same, user text (names, paths) escaped.
///
/// Values with a unit as written (`DurationValue`, rates, percentages) keep their text;
/// distribution parameters are held as numbers (seconds, MB), so they are written back in
/// the largest unit that shows them exactly (`3456000` s is `40d`).
enum AssumptionText {
  /// `value` with at most `decimals` decimals and no trailing zeros: `0.8`, `40`, `8.8`.
  static func number(_ value: Double, decimals: Int = 6) -> String {
    var text = Format.fixed(value, decimals)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// `value` in the first of `units` (largest first) in which it is at least 1 and has at
  /// most three decimals, else in the last: `31680` s is `8.8h`, `15778476` s `6mo`.
  static func scaled(_ value: Double, _ units: [(suffix: String, size: Double)]) -> String {
    for (suffix, size) in units {
      let amount = value / size
      let thousandths = amount * 1_000
      if abs(amount) >= 1, abs(thousandths - thousandths.rounded()) <= 1e-6 * max(1, abs(thousandths)) {
        return number(amount, decimals: 3) + suffix
      }
    }
    let last = units[units.count - 1]
    return number(value / last.size) + last.suffix
  }

  /// Seconds in scenario units, `y` and `mo` as the scenario files count them (a Gregorian
  /// year and its twelfth).
  static func duration(_ seconds: Double) -> String {
    let year = Double(JobConfig.secondsPerYear)
    return scaled(
      seconds,
      [("y", year), ("mo", year / 12), ("w", 604_800), ("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)])
  }

  /// Megabytes as FluxOS counts them (1 GB = 1,000 MB).
  static func megabytes(_ value: Double) -> String { scaled(value, [("TB", 1e6), ("GB", 1e3), ("MB", 1)]) }

  /// Gigabytes as FluxOS counts them.
  static func gigabytes(_ value: Double) -> String { scaled(value, [("TB", 1e3), ("GB", 1)]) }

  /// `lognormal (median 4h, sigma 1.5)`: the family and its parameters in order, those in
  /// the distribution's unit through `unit`.
  static func distribution<Unit>(_ spec: DistributionSpec<Unit>, unit: (Double) -> String = { number($0) })
    -> String
  {
    let parameters = spec.orderedParameters.map { "\($0.name) \($0.inUnit ? unit($0.value) : number($0.value))" }
    return "\(spec.family) (\(parameters.joined(separator: ", ")))"
  }

  /// Whether every tier has the same value.
  static func isUniform<Value: Equatable>(_ values: TierValues<Value>) -> Bool {
    values.cumulus == values.nimbus && values.nimbus == values.stratus
  }

  /// A value per tier: "X, every tier" when all three are the same, else each tier's
  /// (`Cumulus 1/day, Nimbus 7/week, Stratus 0/month`), without a tier placeholder.
  static func perTier<Value: Equatable>(_ values: TierValues<Value>, _ text: (Value) -> String) -> String {
    if isUniform(values) { return "\(text(values.cumulus)), every tier" }
    return Tier.allCases.map { "\(RunReport.tierTitle($0)) \(text(values[$0]))" }.joined(separator: ", ")
  }

  /// Exits and joins `per` ("per node"): in one phrase when each is the same for every
  /// tier, else each per tier.
  static func churn(_ churn: ChurnSpec, per: String) -> String {
    if isUniform(churn.exits), isUniform(churn.joins) {
      return "exits \(churn.exits.cumulus) and joins \(churn.joins.cumulus) \(per), every tier"
    }
    return "exits \(per): \(perTier(churn.exits, \.description)); joins \(per): \(perTier(churn.joins, \.description))"
  }

  /// A quantity over time since the start: `50/day`, `30/day growing 150% a year`,
  /// `1M/s from 0s, 2.5M/s from 10d`; each value through `text`.
  static func path<Value>(_ path: TimePathSpec<Value>, _ text: (Value) -> String = { $0.description }) -> String {
    switch path {
    case .constant(let value): text(value)
    case .piecewise(let steps): steps.map { "\(text($0.value)) from \($0.from)" }.joined(separator: ", ")
    case .exponential(let initial, let growth): "\(text(initial)) growing \(growth) a year"
    }
  }

  /// A hashrate with the SI prefix a scenario writes: `2.5M/s`.
  static func hashrate(_ value: HashrateValue) -> String {
    scaled(value.solutionsPerSecond, [("T/s", 1e12), ("G/s", 1e9), ("M/s", 1e6), ("k/s", 1e3), ("/s", 1)])
  }

  /// The FLUX price path; a CSV file's path is user text, escaped.
  static func price(_ price: PriceSpec) -> String {
    func points(_ points: [(time: Int64, usd: Double)]) -> String {
      guard let first = points.first, let last = points.last else { return "no points" }
      let ends =
        "\(Format.day(first.time)) \(number(first.usd)) USD to \(Format.day(last.time)) \(number(last.usd)) USD"
      return "\(points.count) point\(points.count == 1 ? "" : "s"), \(ends), linear between, flat outside"
    }
    switch price {
    case .constant(let usd): return "\(usd) USD per FLUX"
    case .series(let series): return "series of " + points(series.map { ($0.time, $0.usd.usd) })
    case .csv(let path, let series):
      return "CSV \(MarkdownText.code(path)): " + points(series.map { ($0.time, $0.usd) })
    case .gbm(let start, let drift, let volatility):
      return "geometric Brownian motion from \(start) USD, drift \(drift), volatility \(volatility), stepped daily"
    }
  }

  /// `count` and `noun`, plural unless the count is one: "1 core", "0.5 cores".
  static func counted(_ count: Double, _ noun: String) -> String { "\(number(count)) \(noun)\(count == 1 ? "" : "s")" }

  /// The app kinds of a catalogue: name (escaped), weight, containers, instances, period
  /// and renewal.
  static func catalogue(_ entries: [CatalogueEntrySpec]) -> String {
    entries.map { entry in
      let containers = entry.components.map { "{\(counted($0.cpu, "core")), \($0.ram) RAM, \($0.hdd) disk}" }
      return "\(MarkdownText.escape(entry.name)) (weight \(number(entry.weight))): "
        + "\(containers.count) × \(containers.joined(separator: " + ")), "
        + "\(counted(Double(entry.instances), "instance")), "
        + "\(subscription(entry.subscription)) a period, renewal \(entry.renewal)"
    }.joined(separator: "; ")
  }

  /// A subscription period: blocks, or a duration with the blocks it stands for.
  static func subscription(_ period: SubscriptionValue) -> String {
    switch period {
    case .blocks(let blocks): "\(blocks) blocks"
    case .duration(let duration): "\(duration) (\(period.blocks) blocks)"
    }
  }

  /// Distributions per field of `apps.spec`.
  static func appSpecs(_ spec: AppDistributionsSpec) -> String {
    [
      "containers \(distribution(spec.components))", "cores \(distribution(spec.cpu))",
      "RAM \(distribution(spec.ram, unit: megabytes))", "disk \(distribution(spec.hdd, unit: gigabytes))",
      "instances \(distribution(spec.instances))", "blocks a period \(distribution(spec.subscription))",
      "renewal \(spec.renewal)",
    ].joined(separator: "; ")
  }

  /// The revenue share to nodes: none, the whitepaper's plan with its figures, or as written.
  static func revenueShare(_ share: RevenueShareSpec) -> String {
    func percent(_ fraction: Double) -> String { number(fraction * 100) + "%" }
    switch share {
    case .none: return "none: all app revenue to the foundation, as today"
    case .whitepaper:
      let plan = RevenueShare.whitepaper
      return "whitepaper: \(percent(plan.share)) from height \(plan.fromHeight), "
        + "+\(percent(plan.increasePerYear)) a year, at most \(percent(plan.maximum))"
    case .custom(let share, let fromHeight, let increase, let maximum):
      return "\(share) from height \(fromHeight), +\(increase) a year, at most \(maximum)"
    }
  }
}
