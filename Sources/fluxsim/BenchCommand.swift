import ArgumentParser
import FluxCore
import FluxReport
import FluxSim
import Foundation

/// `fluxsim bench`: named benchmark tasks, each reporting a rate measured in-process.
///
/// Benchmarks live here, not in the test suite: timings are noisy on a shared machine,
/// so each task reports CPU time (not wall time) over enough repetitions to be stable,
/// and comparisons should be made as ratios within one run (or with callgrind).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Run a benchmark task and print its figures.")

  enum Task: String, ExpressibleByArgument, CaseIterable {
    /// Builds the full default `fluxsim emission` table (rows and CSV text).
    case emissionTable = "emission-table"
    /// Cumulative supply at random heights up to 40,000,000.
    case supplyQueries = "supply-queries"
    /// The standard workload: 20 years from the measured tip, 6,489 nodes, uptime and churn
    /// on; with `--rules`, under that file's rules (scheduled changes included).
    case forecast
    /// Peak memory of a forecast with 100,000 nodes (one simulated year unless --years).
    case forecastMemory = "forecast-memory"
    /// Peak memory of the heavy-churn model (10,000 nodes always online, each tier losing
    /// and gaining 2.88 % of its nodes a day: about 2 million nodes created in 20 years),
    /// 20 simulated years unless --years. Memory should follow the live fleet, not the
    /// horizon: `Scripts/bench-churn-memory.sh` runs it at 1, 5 and 20 years.
    case churnMemory = "churn-memory"
    /// The forecast without and with apps (50 arrivals a day) and economics, alternately
    /// (`--count` pairs, default 1), and the ratio of their CPU times.
    case forecastApps = "forecast-apps"
    /// A run of `--scenario` (the mainnet forecast by default) on one worker, then two:
    /// the time of each phase, the serial share and the speed-up (`SerialShareBench`).
    case serialShare = "serial-share"

    /// The largest `--count`: the task's work grows with it, so a typo must not ask for days.
    /// Nil for the tasks that take no count.
    var maxCount: Int? {
      switch self {
      case .emissionTable: 100_000
      case .supplyQueries: 1_000_000_000
      case .forecastApps: 100
      case .serialShare: 10_000
      case .forecast, .forecastMemory, .churnMemory: nil
      }
    }
  }

  @Option(
    parsing: .unconditional,
    help: """
      forecast-apps: app sizes relative to the standard mix, above 0 and at most 100 (0.5: half the fleet's \
      capacity in use; 1: the small tiers nearly full; 4: more than the fleet holds).
      """, transform: { try OptionValue.decimal($0, expected: "a scale above 0 and at most 100") })
  var appScale: Double?

  @Option(
    parsing: .unconditional, help: "Simulated years for the forecast tasks, above 0 and at most 100.",
    transform: { try OptionValue.decimal($0, expected: "years above 0 and at most 100") })
  var years: Double?

  @Flag(
    name: .customLong("block-by-block"),
    help: "forecast, forecast-apps, forecast-memory, churn-memory: jobs advance block by block, as before batching.")
  var blockByBlock = false

  @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
  var task: Task

  @Option(
    help: """
      forecast: a rules file (Scenarios/README.md) whose rules the job follows, e.g. the three scheduled changes \
      of Scripts/bench-schedule.yaml; default mainnet.
      """, completion: .rulesFiles)
  var rules: String?

  @Option(
    help: "serial-share: the scenario file run (default Scenarios/mainnet-forecast.yaml).", completion: .scenarios)
  var scenario: String?

  @Option(
    parsing: .unconditional,
    help: """
      Repetitions (emission-table, at most 100000), queries (supply-queries, at most 10^9), pairs \
      (forecast-apps, at most 100) or replications (serial-share, at most 10000; default the file's).
      """,
    transform: {
      try OptionValue.integer(
        $0,
        expected:
          "a whole number from 1 to 100000 (emission-table), 10^9 (supply-queries), 100 (forecast-apps) or 10000 "
          + "(serial-share)")
    })
  var count: Int?

  func validate() throws {
    if let count {
      guard let limit = task.maxCount else { throw ValidationError("--count does not apply to \(task.rawValue)") }
      guard (1...limit).contains(count) else {
        throw ValidationError("--count for \(task.rawValue) must be 1 … \(limit), found \(count)")
      }
    }
    if let years {
      guard [.forecast, .forecastMemory, .churnMemory, .forecastApps].contains(task) else {
        throw ValidationError("--years does not apply to \(task.rawValue)")
      }
      guard years > 0, years <= 100 else {
        throw ValidationError("--years must be above 0 and at most 100, found \(years)")
      }
    }
    if rules != nil, task != .forecast { throw ValidationError("--rules applies to forecast only") }
    if scenario != nil, task != .serialShare { throw ValidationError("--scenario applies to serial-share only") }
    if let appScale {
      guard task == .forecastApps else { throw ValidationError("--app-scale applies to forecast-apps only") }
      guard appScale > 0, appScale <= 100 else {
        throw ValidationError("--app-scale must be above 0 and at most 100, found \(appScale)")
      }
    }
  }

  func run() throws {
    switch task {
    case .serialShare:
      try SerialShareBench(path: scenario ?? "Scenarios/mainnet-forecast.yaml", replications: count).run()
    case .emissionTable:
      let repetitions = count ?? 200
      var bytes = 0
      let seconds = cpuSeconds {
        for _ in 0..<repetitions {
          let schedule = SupplySchedule(params: .mainnet, mode: .observed)
          let limit = ChainParams.mainnet.projectedHeight(
            atOrBefore: UTCTime.seconds(.init(year: 2061, month: 1, day: 1)) - 1)
          let events = schedule.ruleChangeEvents(through: limit) + schedule.yearEndEvents(through: 2060)
          bytes += EmissionTable.table(schedule.emissionRows(events)).csv().utf8.count
        }
      }
      print("emission-table: \(repetitions) tables, \(bytes / repetitions) bytes each")
      print(String(format: "emission-table: %.3f ms CPU per table", seconds * 1_000 / Double(repetitions)))
    case .supplyQueries:
      let queries = count ?? 20_000_000
      let schedule = SupplySchedule(params: .mainnet, mode: .observed)
      var state: UInt64 = 20_261_127
      var checksum: Int64 = 0
      let seconds = cpuSeconds {
        for _ in 0..<queries {
          let height = Int(splitMix64(&state) % 40_000_001)
          checksum &+= schedule.cumulativeSupply(through: height).satoshi
        }
      }
      print("supply-queries: \(queries) queries, checksum \(checksum)")
      print(String(format: "supply-queries: %.0f queries per CPU second", Double(queries) / seconds))
    case .forecastApps:
      var plain = JobConfig(blockByBlock: blockByBlock)
      plain.horizon = .seconds(Int64((years ?? 20) * Double(JobConfig.secondsPerYear)))
      var market = plain
      market.apps = Self.benchmarkMarket(scale: appScale ?? 1)
      market.economics = EconomicsConfig(
        price: .gbm(start: 0.3, driftPerYear: 0, volatilityPerYear: 0.8),
        hostingUSDPerMonth: TierValues(cumulus: 8, nimbus: 20, stratus: 45), opportunityCostPerYear: 0.05)
      var ratios: [Double] = []
      for _ in 0..<(count ?? 1) {
        let without = cpuSeconds { _ = runJob(plain) }
        var result: JobResult?
        let with = cpuSeconds { result = runJob(market) }
        ratios.append(with / without)
        guard let apps = result?.final.apps else { continue }
        let cpu = Tier.allCases.map { String(format: "%.0f%%", apps.utilization[$0].cpu * 100) }
        print(
          String(
            format: "forecast-apps: %.2f s CPU without apps, %.2f s with: ratio %.3f", without, with, with / without))
        print(
          "forecast-apps: \(apps.registered) apps registered; at the end \(apps.appsRunning) running, "
            + "\(apps.appsWaiting) waiting, \(apps.instancesRunning) instances, CPU in use \(cpu.joined(separator: " / "))"
        )
      }
      print(String(format: "forecast-apps: best ratio %.3f", ratios.min() ?? 0))
    case .forecast, .forecastMemory, .churnMemory:
      var config = JobConfig(blockByBlock: blockByBlock)
      let years = years ?? (task == .forecastMemory ? 1 : 20)
      config.horizon = .seconds(Int64(years * Double(JobConfig.secondsPerYear)))
      switch task {
      case .forecastMemory:
        config.fleet.initialNodes = TierValues(cumulus: 50_000, nimbus: 25_000, stratus: 25_000)
      case .churnMemory:
        config.fleet = Self.heavyChurnFleet
      default:
        break
      }
      if let rules {
        let file = try RulesOptions.loadFile(rules)
        config.rules = file.rules
        config.supplyMode = file.supplyMode ?? .observed
        print("\(task.rawValue): rules \(rules), \(file.rules.changes.count) scheduled change(s)")
      }
      var result: JobResult?
      // With the progress reports a run's jobs make, so that their cost is measured too.
      var reports = 0
      let seconds = cpuSeconds { result = runJob(config) { _ in reports += 1 } }
      guard let result else { return }
      print(
        "\(task.rawValue): \(result.blocks) blocks in \(String(format: "%.2f", seconds)) s CPU, "
          + (blockByBlock ? "block by block" : "batched"))
      print("\(task.rawValue): \(reports) progress reports")
      print(
        String(format: "\(task.rawValue): %.2f million blocks per CPU second", Double(result.blocks) / seconds / 1e6))
      print("\(task.rawValue): final supply \(result.final.supply) FLUX at height \(result.final.height)")
      if task == .churnMemory { print("\(task.rawValue): \(String(format: "%g", years)) years") }
      print("\(task.rawValue): peak resident memory \(peakResidentMegabytes()) MB")
    }
  }

  /// The heavy-churn model of issue 14 and ../shared/bench (`fleet: {nodes: {cumulus:
  /// 5000, nimbus: 3000, stratus: 2000}, uptime: always, churn: {exits: 0.0288/day,
  /// joins: 0.0288/day}}`): each node leaves with probability 10⁻⁵ a block.
  static var heavyChurnFleet: FleetConfig {
    let perMonth = 0.0288 * JobConfig.secondsPerMonth / 86_400
    let rates = TierValues(cumulus: perMonth, nimbus: perMonth, stratus: perMonth)
    return FleetConfig(
      initialNodes: TierValues(cumulus: 5_000, nimbus: 3_000, stratus: 2_000), uptime: nil,
      churn: ChurnModel(exitsPerMonth: rates, joinsPerMonth: rates))
  }

  /// The app demand of `forecast-apps`: 50 arrivals a day of one or two containers
  /// around 0.5 core, 1 GB and 10 GB (times `scale`), 3 to 5 instances, monthly periods
  /// renewed with probability 0.8: about 7,500 apps run at a time.
  static func benchmarkMarket(scale: Double) -> AppMarketConfig {
    AppMarketConfig(
      arrivalsPerDay: .constant(50),
      specs: .distributions(
        AppSpecDistributions(
          components: .uniform(low: 0.5, high: 2.5), cpuCores: .lognormal(mu: log(0.5 * scale), sigma: 0.7),
          ramMB: .lognormal(mu: log(1_000 * scale), sigma: 0.8), hddGB: .lognormal(mu: log(10 * scale), sigma: 1),
          instances: .uniform(low: 2.5, high: 5.5), subscriptionBlocks: .constant(88_000), renewal: 0.8)))
  }

  /// Peak resident set size of this process, in MB (`ru_maxrss` is in KiB on Linux).
  private func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }

  /// CPU time of the calling process spent in `work`, in seconds.
  private func cpuSeconds(_ work: () -> Void) -> Double {
    func now() -> Double {
      var usage = rusage()
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
    let start = now()
    work()
    return now() - start
  }
}
