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

  /// Memory the held results of a run may take.
  static let resultBudgetBytes = 8 << 30
  /// Churn and ROI rates, per node per month: beyond, every node would come and go
  /// several times a day.
  static let maxRatePerMonth = 1_000.0
  /// The slowest mean block time a run may start with (mining), in seconds.
  static let maxBlockSeconds = 86_400.0
  /// The largest hashrate, solutions per second (today's network does about 10^7).
  static let maxHashrate = 1e30

  static func problems(_ scenario: Scenario) -> [Problem] { check(scenario).problems }

  /// The problems of `scenario` and the work one of its jobs asks for.
  static func check(_ scenario: Scenario) -> (problems: [Problem], work: JobWork) {
    var problems: [Problem] = []
    func fail(_ path: String, _ message: String) { problems.append(Problem(keyPath: path, message: message)) }

    if scenario.name.isEmpty || !scenario.name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
      || !scenario.name.unicodeScalars.allSatisfy(\.isASCII) || scenario.name.hasPrefix("-")
    {
      fail(
        "name",
        "expected lower-case letters, digits and dashes (it names the output folder), found \(MessageText.quoted(scenario.name))"
      )
    }
    let rules: RuleSet
    do {
      rules = try scenario.rules.ruleSet()
    } catch {
      fail("rules.\(error.keyPath)", error.message)
      return (problems, JobWork())
    }
    let params = rules.params
    let (startHeight, startTime) = validateStart(scenario.start, params: params, fail: fail)
    let span = span(scenario.horizon, startHeight: startHeight, params: params)
    validateHorizon(
      scenario.horizon, startHeight: startHeight, startTime: startTime, span: span, params: params, fail: fail)
    let endHeight = startHeight + JobWork.saturated(min(span.blocks, Double(ChainParams.maxHeight)))
    let pon = params.upgrades.pon ?? .max
    validateFleet(scenario.fleet, ponHeight: endHeight >= pon ? pon : nil, fail: fail)
    validateMining(scenario, seconds: span.seconds, needed: startHeight < pon, params: params, fail: fail)
    validateMarket(scenario, startHeight: startHeight, seconds: span.seconds, params: params, fail: fail)
    validatePoN(scenario.pon, fail: fail)
    switch scenario.sample {
    case .every(let duration):
      if !(duration.seconds >= 1 && duration.seconds <= DurationUnitMarker.maximum) {
        fail("sample", "must be 1s … 1000y, found \(duration)")
      }
    case .blocks(let every):
      if !(1...ChainParams.maxHeight).contains(every) {
        fail("sample.blocks", "must be 1 … \(ChainParams.maxHeight.grouped), found \(every)")
      }
    }
    // The estimate reads the values checked above: only once they are in range does it
    // mean anything (and a value already refused is not refused twice).
    let work = work(scenario, span: span)
    let limits = problems.isEmpty ? limitProblems(work, scenario) : []
    problems += limits
    if scenario.replications < 1 || scenario.replications > 100_000 {
      fail("replications", "must be 1 … 100000, found \(scenario.replications)")
    } else if limits.isEmpty, Double(work.rows) * 512 * Double(scenario.replications) > Double(resultBudgetBytes) {
      let gibibytes = Int(Double(work.rows) * 512 * Double(scenario.replications)) >> 30
      fail("replications", "the results would take about \(gibibytes) GiB; at most \(resultBudgetBytes >> 30)")
    }
    for (index, expectation) in scenario.expect.enumerated() {
      validate(expectation, path: "expect[\(index)]", params: params, fail: fail)
    }
    for (index, level) in scenario.supplyMilestones.enumerated() where level <= .zero {
      fail("milestones.supply[\(index)]", "must be > 0, found \(level)")
    }
    return (problems, work)
  }

  /// The start's height and time; a height the engine cannot store or a difficulty whose
  /// target does not fit 256 bits is a problem.
  private static func validateStart(_ start: StartSpec, params: ChainParams, fail: (String, String) -> Void) -> (
    Int, Int64
  ) {
    switch start {
    case .genesis:
      return (0, params.genesisTime)
    case .tip(let tip):
      if !(0...ChainParams.maxHeight).contains(tip.height) {
        fail("start.height", "must be 0 … \(ChainParams.maxHeight.grouped), found \(tip.height)")
      }
      // D = powLimit / target, and the target is a 256-bit number ≥ 1.
      let powLimit = Double(params.difficulty.powLimit)
      let lowest = powLimit / 0x1p256
      if !(tip.difficulty > lowest && tip.difficulty <= powLimit) {
        fail(
          "start.difficulty",
          "must be above \(lowest.compactDescription) and at most \(powLimit.compactDescription) "
            + "(the target powLimit / difficulty must fit 256 bits), found \(tip.difficulty.compactDescription)")
      }
      return (min(max(0, tip.height), ChainParams.maxHeight), tip.time)
    }
  }

  /// The horizon lies after the start, ends where heights and dates still fit, and leaves
  /// room below `ChainParams.maxHeight` for the longest node timer.
  private static func validateHorizon(
    _ horizon: HorizonSpec, startHeight: Int, startTime: Int64, span: (blocks: Double, seconds: Double),
    params: ChainParams, fail: (String, String) -> Void
  ) {
    switch horizon {
    case .height(let height):
      if height <= startHeight {
        fail("horizon.height", "must be above the start height \(startHeight), found \(height)")
      }
    case .duration(let duration):
      if !(duration.seconds >= 1) { fail("horizon", "must be at least 1s, found \(duration)") }
    }
    // The longest node timer of any era, scheduled changes' included.
    let room =
      params.eras.flatMap { era in
        let timers = era.params.timers
        return [timers.original, timers.flux, timers.collateralHalving, timers.pon]
      }
      .map { $0.startConfirmWindow + $0.dosDuration + $0.expiry }.max() ?? 0
    let lastHeight = ChainParams.maxHeight - room
    let path = horizon.keyPath
    // A duration of more blocks than a job may have is refused with the work's figures
    // (`limitProblems`); a height is refused here, as a height.
    if case .duration = horizon, span.blocks > Double(maxBlocksPerJob) { return }
    if Double(startHeight) + span.blocks > Double(lastHeight) {
      fail(
        path,
        "the run would reach height \(JobWork.saturated(Double(startHeight) + span.blocks).grouped); it must end by height "
          + "\(lastHeight.grouped) (heights stop at \(ChainParams.maxHeight.grouped), less \(room.grouped) blocks for node timers)"
      )
    } else if Double(startTime) + span.seconds > Double(JobConfig.lastTime) {
      fail(path, "the run would go past \(UTCTime.iso8601(JobConfig.lastTime)), the last date fluxsim prints")
    }
  }

  /// Node counts, lifecycle delays, uptime and churn within range.
  private static func validateFleet(_ fleet: FleetSpec, ponHeight: Int?, fail: (String, String) -> Void) {
    let nodes = fleet.nodes
    for tier in Tier.allCases where !(0...JobConfig.maxNodes).contains(nodes[tier]) {
      fail("fleet.nodes.\(tier)", "must be 0 … \(JobConfig.maxNodes.grouped), found \(nodes[tier])")
    }
    // Summed only once each tier is in range, so the sum cannot overflow.
    let inRange = Tier.allCases.allSatisfy { (0...JobConfig.maxNodes).contains(nodes[$0]) }
    let total = inRange ? Tier.allCases.reduce(0) { $0 + nodes[$1] } : 0
    if total > JobConfig.maxNodes {
      fail("fleet.nodes", "\(total.grouped) nodes; at most \(JobConfig.maxNodes.grouped) fit in memory")
    }
    let churnJoins = Tier.allCases.contains { fleet.churn?.joins[$0].amount ?? 0 > 0 }
    if total == 0, let ponHeight, !churnJoins {
      fail("fleet.nodes", "Proof of Node (from height \(ponHeight)) needs at least one node; found 0 and no joins")
    }
    if fleet.startDelay < 0 || fleet.startDelay > 10_000 {
      fail("fleet.start_delay", "must be 0 … 10000 blocks, found \(fleet.startDelay)")
    }
    for (name, message) in fleet.confirmDelay.rangeProblems {
      fail("fleet.confirm_delay.\(fleet.confirmDelay.family).\(name)", message)
    }
    if !(0...100).contains(fleet.collateralMigration.percent) {
      fail("fleet.collateral_migration", "must be 0% … 100%, found \(fleet.collateralMigration)")
    }
    if let uptime = fleet.uptime {
      for (name, message) in uptime.online.rangeProblems {
        fail("fleet.uptime.online.\(uptime.online.family).\(name)", message)
      }
      for (name, message) in uptime.offline.rangeProblems {
        fail("fleet.uptime.offline.\(uptime.offline.family).\(name)", message)
      }
    }
    if let churn = fleet.churn { validate(churn, at: "fleet.churn", fail: fail) }
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

  private static func validateMining(
    _ scenario: Scenario, seconds: Double, needed: Bool, params: ChainParams, fail: (String, String) -> Void
  ) {
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
      if !(pool.share.percent > 0 && pool.share.percent <= 100) {
        fail("mining.pools[\(index)].share", "must be > 0% and at most 100%, found \(pool.share)")
      }
      if !names.insert(pool.name).inserted {
        fail("mining.pools[\(index)].name", "\(MessageText.quoted(pool.name)) is used twice")
      }
    }
    let sum = mining.pools.reduce(0) { $0 + $1.share.percent }
    if !mining.pools.isEmpty, abs(sum - 100) > 1e-9 {
      fail("mining.pools", "the shares sum to \(sum.compactDescription)%, expected 100%")
    }
    // Even at the easiest target a block needs this many solutions on average.
    let easiest = 0x1p256 / (Double(params.difficulty.powLimit) + 1)
    let slowest = maxBlockSeconds
    validate(
      mining.hashrate, at: "mining.hashrate", range: (easiest / slowest)...maxHashrate, until: seconds, fail: fail)
    if case .tip(let tip) = scenario.start, needed {
      // The start's target is powLimit / difficulty: its work takes this long at the start's hashrate.
      let seconds = easiest * tip.difficulty / mining.hashrate.path.value(at: 0)
      if seconds > slowest {
        fail(
          "mining.hashrate",
          "at the start difficulty \(tip.difficulty.compactDescription) the first block would take about "
            + "\(JobWork.saturated(seconds / 86_400).grouped) days on average; at most 1 day: raise the hashrate "
            + "or lower start.difficulty")
      }
    }
  }

  /// Churn rates (fleet churn, ROI responses) are 0 … `maxRatePerMonth`.
  static func validate(_ churn: ChurnSpec, at path: String, fail: (String, String) -> Void) {
    for (name, rates) in [("exits", churn.exits), ("joins", churn.joins)] {
      if let bad = Tier.allCases.map({ rates[$0] }).first(where: { !($0.amount >= 0 && $0.perMonth <= maxRatePerMonth) }
      ) {
        fail("\(path).\(name)", "must be 0 … \(Int(maxRatePerMonth))/month, found \(bad)")
      }
    }
  }

  /// A path over time: values in `range`, steps from 0s in increasing time, growth above
  /// −100 %, and the value a growth reaches by the longest horizon still in `range`.
  static func validate<Value>(
    _ timePath: TimePathSpec<Value>, at path: String, range: ClosedRange<Double>, until seconds: Double,
    fail: (String, String) -> Void
  ) {
    func check(_ value: Value, _ at: String) {
      if !range.contains(value.pathNumber) {
        fail(
          at,
          "must be \(range.lowerBound == 0 ? "0" : range.lowerBound.compactDescription) … "
            + "\(range.upperBound.compactDescription), found \(value)")
      }
    }
    switch timePath {
    case .constant(let value):
      check(value, path)
    case .piecewise(let steps):
      if steps.first?.from.seconds != 0 { fail("\(path).piecewise[0].from", "the first step must start at 0s") }
      for (index, step) in steps.enumerated() {
        check(step.value, "\(path).piecewise[\(index)].\(Value.stepKey)")
        if index > 0, !(step.from.seconds > steps[index - 1].from.seconds) {
          fail("\(path).piecewise[\(index)].from", "steps must be in increasing time")
        }
      }
    case .exponential(let initial, let growth):
      check(initial, "\(path).exponential.initial")
      if !(growth.percent > -100 && growth.percent <= 1_000) {
        fail("\(path).exponential.growth_per_year", "must be above -100% and at most 1000%, found \(growth)")
      } else if range.lowerBound > 0 || initial.pathNumber > 0 {
        let end = timePath.path.value(at: Int64(JobWork.saturated(seconds)))
        if !range.contains(end) {
          fail(
            "\(path).exponential.growth_per_year",
            "reaches \(end.compactDescription) by the horizon, outside \(range.lowerBound.compactDescription) … "
              + "\(range.upperBound.compactDescription)")
        }
      }
    }
  }
}

extension HorizonSpec {
  /// The key path of the horizon's value.
  var keyPath: String {
    if case .height = self { return "horizon.height" }
    return "horizon"
  }
}
