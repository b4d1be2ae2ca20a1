import FluxCore
import FluxSim

/// Checks on a decoded scenario that types alone cannot make: ranges, sums, what the
/// rules need (nodes for PoN, mining for PoW), and sizes that would not fit in memory.
/// All run before any work starts.
enum ScenarioValidator {
  struct Problem {
    var keyPath: String
    var message: String
  }

  static let maxNodes = 5_000_000
  static let maxJobs = 1_000_000
  /// Sampled rows one job may produce (a row is ~0.5 KB in memory).
  static let maxRowsPerJob = 5_000_000
  /// Memory the held results of a run may take.
  static let resultBudgetBytes = 8 << 30

  static func problems(_ scenario: Scenario) -> [Problem] {
    var problems: [Problem] = []
    func fail(_ path: String, _ message: String) { problems.append(Problem(keyPath: path, message: message)) }

    if scenario.name.isEmpty || !scenario.name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
      || !scenario.name.unicodeScalars.allSatisfy(\.isASCII) || scenario.name.hasPrefix("-")
    {
      fail(
        "name",
        "expected lower-case letters, digits and dashes (it names the output folder), found \"\(scenario.name)\"")
    }
    let rules: RuleSet
    do {
      rules = try RuleSet(base: scenario.rules.base, overrides: scenario.rules.overrides)
    } catch {
      fail(error.keyPath.isEmpty ? "rules.overrides" : "rules.overrides.\(error.keyPath)", error.message)
      return problems
    }
    let params = rules.params
    let startHeight: Int
    switch scenario.start {
    case .genesis:
      startHeight = 0
    case .tip(let tip):
      startHeight = tip.height
      if tip.height < 0 { fail("start.height", "must be ≥ 0, found \(tip.height)") }
      if !(tip.difficulty > 0) || !tip.difficulty.isFinite {
        fail("start.difficulty", "must be a positive number, found \(tip.difficulty)")
      }
    }
    // The last height the run may reach, for what the rules need and for sizes.
    let endHeight: Int
    switch scenario.horizon {
    case .height(let height):
      if height <= startHeight {
        fail("horizon.height", "must be above the start height \(startHeight), found \(height)")
      }
      endHeight = height
    case .duration(let duration):
      if !(duration.seconds >= 1) { fail("horizon", "must be at least 1s, found \(duration)") }
      let spacing = max(1, min(params.powTargetSpacing, params.ponTargetSpacing))
      endHeight = startHeight + Int(min(duration.seconds / Double(spacing), 1e12))
    }
    let pon = params.upgrades.pon ?? .max
    let nodes = scenario.fleet.nodes
    for tier in Tier.allCases where nodes[tier] < 0 {
      fail("fleet.nodes.\(tier)", "must be ≥ 0, found \(nodes[tier])")
    }
    let total = nodes.cumulus + nodes.nimbus + nodes.stratus
    if total > maxNodes { fail("fleet.nodes", "\(total) nodes; at most \(maxNodes) fit in memory") }
    let churnJoins = Tier.allCases.contains { scenario.fleet.churn?.joins[$0].amount ?? 0 > 0 }
    if total == 0, endHeight >= pon, !churnJoins {
      fail("fleet.nodes", "Proof of Node (from height \(pon)) needs at least one node; found 0 and no joins")
    }
    if scenario.fleet.startDelay < 0 || scenario.fleet.startDelay > 10_000 {
      fail("fleet.start_delay", "must be 0 … 10000 blocks, found \(scenario.fleet.startDelay)")
    }
    for (name, message) in scenario.fleet.confirmDelay.rangeProblems { fail("fleet.confirm_delay.\(name)", message) }
    let migration = scenario.fleet.collateralMigration.percent
    if !(0...100).contains(migration) {
      fail("fleet.collateral_migration", "must be 0% … 100%, found \(scenario.fleet.collateralMigration)")
    }
    if let uptime = scenario.fleet.uptime {
      for (name, message) in uptime.online.rangeProblems {
        fail("fleet.uptime.online.\(uptime.online.family).\(name)", message)
      }
      for (name, message) in uptime.offline.rangeProblems {
        fail("fleet.uptime.offline.\(uptime.offline.family).\(name)", message)
      }
    }
    if let churn = scenario.fleet.churn { validate(churn, at: "fleet.churn", fail: fail) }
    validateMining(scenario, needed: startHeight < pon, fail: fail)
    validateMarket(scenario, startHeight: startHeight, params: params, fail: fail)
    for (name, message) in scenario.mintDelay.rangeProblems {
      fail("pon.mint_delay.\(scenario.mintDelay.family).\(name)", message)
    }
    // At most one row per block; a period shorter than a block still gives one per block.
    let blocks = Double(endHeight - startHeight)
    var rows = 0.0
    switch scenario.sample {
    case .every(let duration):
      if duration.seconds >= 1 {
        rows = min(blocks, blocks * Double(params.ponTargetSpacing) / duration.seconds)
      } else {
        fail("sample", "must be at least 1s, found \(duration)")
      }
    case .blocks(let every):
      if every >= 1 { rows = blocks / Double(every) } else { fail("sample.blocks", "must be ≥ 1, found \(every)") }
    }
    let tooManyRows = rows > Double(maxRowsPerJob)
    if tooManyRows {
      fail(
        "sample", "about \(Int(rows)) rows per job; at most \(maxRowsPerJob): sample less often or shorten the horizon")
    }
    if scenario.replications < 1 || scenario.replications > 100_000 {
      fail("replications", "must be 1 … 100000, found \(scenario.replications)")
    } else if !tooManyRows, rows * 512 * Double(scenario.replications) > Double(resultBudgetBytes) {
      let gibibytes = Int(rows * 512 * Double(scenario.replications)) >> 30
      fail("replications", "the results would take about \(gibibytes) GiB; at most \(resultBudgetBytes >> 30)")
    }
    for (index, expectation) in scenario.expect.enumerated() {
      validate(expectation, path: "expect[\(index)]", params: params, fail: fail)
    }
    for (index, level) in scenario.supplyMilestones.enumerated() where level <= .zero {
      fail("milestones.supply[\(index)]", "must be > 0, found \(level)")
    }
    return problems
  }

  /// Expected values must read as the expectation's kind, so a typo is bad input.
  private static func validate(
    _ expectation: Expectation, path: String, params: ChainParams, fail: (String, String) -> Void
  ) {
    guard let check = expectation.check else { return }
    let kind = expectation.kind
    let base = "\(path).\(expectation.checkKey)"
    func value(_ text: String, _ key: String) {
      if ExpectedValue.parse(text, as: kind) == nil {
        fail("\(base).\(key)", "expected \(kind.description), found \"\(text)\"")
      }
    }
    switch check {
    case .equals(let text):
      value(text, "equals")
    case .between(let low, let high):
      if case .word = kind { fail("\(base).between", "a word can only be checked with equals") }
      value(low, "between")
      value(high, "between")
    case .approx(let text, let tolerance):
      if case .word = kind { fail("\(base).approx", "a word can only be checked with equals") }
      value(text, "approx")
      if ExpectedValue.parseTolerance(tolerance, for: kind) == nil {
        fail(
          "\(base).tolerance",
          "expected a tolerance (\(kind == .date ? "a duration such as 30d" : kind.description)), found \"\(tolerance)\""
        )
      }
    }
    if case .value(let point, _, _) = expectation {
      do { _ = try point.height(under: params) } catch { fail("\(path).at.date", error.message) }
    }
  }

  private static func validateMining(_ scenario: Scenario, needed: Bool, fail: (String, String) -> Void) {
    guard let mining = scenario.mining else {
      if needed {
        fail(
          "start",
          "the run starts before Proof of Node, so blocks are mined: `mining:` (pools and hashrate) is required")
      }
      return
    }
    if mining.pools.isEmpty { fail("mining.pools", "expected at least one pool") }
    var names = Set<String>()
    for (index, pool) in mining.pools.enumerated() {
      if !(pool.share.percent > 0) { fail("mining.pools[\(index)].share", "must be > 0%, found \(pool.share)") }
      if !names.insert(pool.name).inserted { fail("mining.pools[\(index)].name", "\"\(pool.name)\" is used twice") }
    }
    let sum = mining.pools.reduce(0) { $0 + $1.share.percent }
    if !mining.pools.isEmpty, abs(sum - 100) > 1e-9 {
      fail("mining.pools", "the shares sum to \(sum.compactDescription)%, expected 100%")
    }
    validate(mining.hashrate, at: "mining.hashrate", zeroAllowed: false, fail: fail)
  }

  /// Churn rates (fleet churn, ROI responses) are never negative.
  static func validate(_ churn: ChurnSpec, at path: String, fail: (String, String) -> Void) {
    for (name, rates) in [("exits", churn.exits), ("joins", churn.joins)] {
      if let negative = Tier.allCases.map({ rates[$0] }).first(where: { $0.amount < 0 }) {
        fail("\(path).\(name)", "must be ≥ 0, found \(negative)")
      }
    }
  }

  /// A path over time: positive (or non-negative) values, steps from 0s in increasing
  /// time, growth above −100 %.
  static func validate<Value>(
    _ timePath: TimePathSpec<Value>, at path: String, zeroAllowed: Bool, fail: (String, String) -> Void
  ) {
    func check(_ value: Value, _ at: String) {
      let ok = zeroAllowed ? value.pathNumber >= 0 : value.pathNumber > 0
      if !ok { fail(at, "must be \(zeroAllowed ? "≥" : ">") 0, found \(value)") }
    }
    switch timePath {
    case .constant(let value):
      check(value, path)
    case .piecewise(let steps):
      if steps.first?.from.seconds != 0 { fail("\(path).piecewise[0].from", "the first step must start at 0s") }
      for (index, step) in steps.enumerated() {
        check(step.value, "\(path).piecewise[\(index)].\(Value.stepKey)")
        if index > 0, step.from.seconds <= steps[index - 1].from.seconds {
          fail("\(path).piecewise[\(index)].from", "steps must be in increasing time")
        }
      }
    case .exponential(let initial, let growth):
      check(initial, "\(path).exponential.initial")
      if !(growth.percent > -100) {
        fail("\(path).exponential.growth_per_year", "must be above -100%, found \(growth)")
      }
    }
  }
}
