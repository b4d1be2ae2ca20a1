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
    /// The standard workload: 20 years from the measured tip, 6,489 nodes, uptime and churn on.
    case forecast
    /// Peak memory of a forecast with 100,000 nodes (one simulated year unless --years).
    case forecastMemory = "forecast-memory"
  }

  @Option(help: "Simulated years for the forecast tasks.")
  var years: Double?

  @Argument(help: "The task: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
  var task: Task

  @Option(help: "Repetitions (tables) or queries.")
  var count: Int?

  func run() throws {
    switch task {
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
    case .forecast, .forecastMemory:
      var config = JobConfig()
      let years = years ?? (task == .forecast ? 20 : 1)
      config.horizon = .seconds(Int64(years * Double(JobConfig.secondsPerYear)))
      if task == .forecastMemory {
        config.fleet.initialNodes = TierValues(cumulus: 50_000, nimbus: 25_000, stratus: 25_000)
      }
      var result: JobResult?
      let seconds = cpuSeconds { result = runJob(config) }
      guard let result else { return }
      print("\(task.rawValue): \(result.blocks) blocks in \(String(format: "%.2f", seconds)) s CPU")
      print(
        String(format: "\(task.rawValue): %.2f million blocks per CPU second", Double(result.blocks) / seconds / 1e6))
      print("\(task.rawValue): final supply \(result.final.supply) FLUX at height \(result.final.height)")
      print("\(task.rawValue): peak resident memory \(peakResidentMegabytes()) MB")
    }
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
