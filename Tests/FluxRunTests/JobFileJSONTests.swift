import FluxCore
import FluxScenario
import Foundation
import Testing

@testable import FluxRun
@testable import FluxSim

/// Job files are written by hand (`JSONText`, `StoredJob+JSON`) in the bytes Foundation's
/// `JSONEncoder` gives with `.sortedKeys`, which stays the reference: results of real
/// jobs (apps, economics, PoW pools, milestones, calendar years), then the same edited so
/// that every optional is both present and absent, every string holds what JSON must
/// escape, and the numbers reach their extremes.
@Suite struct JobFileJSONTests {
  static func reference(_ job: StoredJob) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(job)
  }

  /// Job 0 of a scenario, run, with its place in the plan.
  static func stored(_ text: String) throws -> StoredJob {
    let plan = RunPlan(file: try ScenarioLoader.load(file: "json.yaml", text: text))
    return StoredJob(plan.jobs[0], result: runJob(plan.config(0)))
  }

  /// Apps and economics from the tip across a year's end (so two calendar years), with
  /// a tier whose list empties (its rotation is `null`).
  static let market = """
    name: json-market
    start: { height: 2917115, time: 2026-12-29T00:00:00Z, difficulty: 0.07 }
    horizon: 4d
    sample: 1d
    fleet: { nodes: { cumulus: 12, nimbus: 6, stratus: 0 } }
    apps:
      arrivals: 40/day
      catalogue:
        - { name: web, weight: 1, components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }], instances: 2, subscription: 2000, renewal: 50% }
    economics:
      flux_usd: { gbm: { start: 0.30, drift: 0%/year, volatility: 80%/year } }
      hosting: { cumulus: $8/month, nimbus: $20/month, stratus: $45/month }
      opportunity_cost: 5%/year

    """

  /// PoW from genesis: pools, and the milestones of the first blocks.
  static let proofOfWork = """
    name: json-pow
    start: genesis
    horizon: { height: 3000 }
    sample: { blocks: 500 }
    fleet: { nodes: { cumulus: 4, nimbus: 2, stratus: 2 } }
    mining:
      hashrate: 20k/s
      pools:
        - { name: "pool/a \\"quoted\\"", share: 60% }
        - { name: others, share: 40% }

    """

  @Test func equalsJSONEncoderOnRunResults() throws {
    for text in [Self.market, Self.proofOfWork] {
      let job = try Self.stored(text)
      #expect(try job.encoded() == Self.reference(job))
    }
    // The market job covers what the checks below edit.
    let market = try Self.stored(Self.market).result
    #expect(market.series.contains { $0.apps != nil && $0.economics != nil && $0.fluxUSD != nil })
    #expect(market.series.contains { $0.sincePaid.stratus == nil } && market.yearEnds.count == 2)
    #expect(!(try Self.stored(Self.proofOfWork)).result.poolIncome.isEmpty)
  }

  @Test func equalsJSONEncoderOnEditedResults() throws {
    var state: UInt64 = 0x4A53_4F4E
    /// Any finite double: random bit patterns (subnormals, huge and tiny exponents, −0).
    func anyDouble() -> Double {
      while true {
        let value = Double(bitPattern: splitMix64(&state))
        if value.isFinite { return value }
      }
    }
    // Every ASCII character, those JSON escapes among them, and some beyond ASCII.
    let everything = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "é€😀\u{2028}\u{FFFF}"
    var job = try Self.stored(Self.market)
    job.seed = .max
    job.index = Int.max
    job.point = 0
    job.replication = Int.min
    job.result.milestones = [
      Milestone(label: everything, height: -1, time: .min), Milestone(label: "", height: 0, time: 0),
    ]
    job.result.poolIncome = [PoolIncome(name: "a/b\\c\"d", income: Amount(satoshi: .max))]
    for index in job.result.series.indices {
      job.result.series[index].difficulty = anyDouble()
      job.result.series[index].onlineShare = anyDouble()
      job.result.series[index].meanBlockInterval =
        [0, -0.0, 1, 100, 1e16, 1e15, 0.1, .leastNonzeroMagnitude][index % 8]
      job.result.series[index].fluxUSD = index % 2 == 0 ? nil : anyDouble()
      if index % 3 == 0 { job.result.series[index].apps = nil }
      if index % 3 == 1 { job.result.series[index].economics = nil }
      job.result.series[index].economics?.nimbus.paybackMonths = index % 2 == 0 ? nil : anyDouble()
      job.result.series[index].sincePaid.cumulus = index % 2 == 0 ? nil : SincePaid(p50: anyDouble(), p95: 0, max: .min)
    }
    for index in job.result.yearEnds.indices {
      job.result.yearEnds[index].firstTime = index % 2 == 0 ? nil : .max
      job.result.yearEnds[index].meanFluxUSD = index % 2 == 0 ? anyDouble() : nil
    }
    job.result.payouts.cumulus.incomePerNode.p5 = anyDouble()
    #expect(try job.encoded() == Self.reference(job))
  }

  @Test func refusesWhatJSONEncoderRefuses() throws {
    var job = try Self.stored(Self.proofOfWork)
    for value in [Double.nan, .infinity, -.infinity] {
      job.result.series[0].difficulty = value
      #expect(throws: EncodingError.self) { try job.encoded() }
      #expect(throws: EncodingError.self) { try Self.reference(job) }
    }
  }
}
