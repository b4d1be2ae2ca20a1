import FluxCore
import Foundation
import Testing

@testable import FluxSim

/// Progress while a job runs: reported between stretches of blocks, without changing the
/// job, and summed over a run's jobs by `JobRunner`.
@Suite struct JobProgressTests {
  /// Reports every 300 blocks of a 2,000-block job, each with the share of the heights
  /// done, and the same result as a job run without watching it.
  @Test func aJobReportsEveryStretchAndEndsTheSame() {
    let config = Fixtures.steadyPoN()
    let total = 2_000  // steadyPoN's horizon: the tip + 2,000 blocks.
    var simulation = Simulation(config: config)
    var reports: [JobProgress] = []
    let watched = simulation.run(progressEvery: 300) { reports.append($0) }
    // 300, 600, …, 1,800, then the horizon; a height horizon makes the share exact.
    let heights = Array(stride(from: 300, to: total, by: 300)) + [total]
    #expect(reports == heights.map { JobProgress(blocks: $0, fraction: Double($0) / Double(total)) })
    #expect(watched == runJob(config))
    #expect(watched.blocks == total)
  }

  /// A time horizon: the share is the simulated time done, which the last report nearly
  /// fills (the job ends at its last event before the horizon).
  @Test func aTimeHorizonReportsTheShareOfTime() {
    var config = Fixtures.steadyPoN()
    config.horizon = .seconds(86_400)
    var simulation = Simulation(config: config)
    var reports: [JobProgress] = []
    let result = simulation.run(progressEvery: 500) { reports.append($0) }
    #expect(reports.map(\.fraction) == reports.map(\.fraction).sorted())
    #expect(reports.last?.blocks == result.blocks)
    // 30 s slots: a day is about 2,880 blocks, and the last block lands within the last
    // hour unless every producer sat out a hundred and twenty slots in a row.
    let last = reports.last?.fraction ?? 0
    #expect(last > 1 - 3_600.0 / 86_400 && last <= 1, "\(last)")
  }

  /// The runner's reports arrive in order and end with every job done and every block
  /// counted, whatever the number of workers.
  @Test(arguments: [1, 3])
  func theRunnerSumsItsJobs(workers: Int) {
    let configs = (1...4).map { Fixtures.steadyPoN(seed: UInt64($0)) }
    let reports = Reports()
    let results = JobRunner.run(configs, workers: workers) { reports.append($0) }
    let all = reports.all
    #expect(all.map(\.elapsed) == all.map(\.elapsed).sorted())
    #expect(all.map(\.done) == all.map(\.done).sorted())
    #expect(all.allSatisfy { $0.total == 4 && (0...1).contains($0.fraction) })
    let last = all.last
    #expect(last?.done == 4)
    #expect(last?.fraction == 1)
    #expect(last?.blocks == results.reduce(0) { $0 + $1.blocks })
    // Each job reports at its end (the last stretch) before it counts as done.
    #expect(all.count == 8)
  }

  /// The runner's reports as they came.
  final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [JobRunner.Progress] = []

    func append(_ report: JobRunner.Progress) { lock.withLock { reports.append(report) } }
    var all: [JobRunner.Progress] { lock.withLock { reports } }
  }
}
