import FluxCore
import FluxSim

/// Values across the replications of one sweep point, lined up for quantiles: the k-th
/// sample of every replication, the k-th year end, a milestone's dates.
struct PointAggregate {
  let results: [JobResult]

  /// Samples present in every replication.
  var sampleCount: Int { results.map(\.series.count).min() ?? 0 }

  /// The time of sample `k` (the median across replications, which differ by less than a block).
  func time(ofSample k: Int) -> Double { Spread.of(results.map { Double($0.series[k].time) }).p50 }

  /// Quantiles of `value` over the replications where it is defined (count 0: none is).
  func spread(_ value: (JobResult) -> Double?) -> Summary { Spread.of(results.compactMap(value)) }

  /// Years whose end every replication reached (the first, partial year of a run
  /// included; not the year a run ends inside).
  var years: [Int] {
    let sets = results.map { Set($0.yearEnds.filter(\.reachedEnd).map(\.year)) }
    guard var common = sets.first else { return [] }
    for set in sets.dropFirst() { common.formIntersection(set) }
    return common.sorted()
  }

  /// Quantiles of the supply at the end of `year`.
  func supply(atEndOf year: Int) -> Summary {
    Spread.of(results.compactMap { $0.yearEnds.first { $0.year == year }.map { Double($0.supply.satoshi) } })
  }

  /// The year-end time of `year` (median).
  func time(atEndOf year: Int) -> Double {
    Spread.of(results.compactMap { $0.yearEnds.first { $0.year == year }.map { Double($0.time) } }).p50
  }

  /// Income per node of `tier` during `year` (satoshi) in each replication that covers
  /// it: what the tier's nodes received in the year (block rewards and app revenue share)
  /// over its mean number of confirmed nodes, both recorded by the engine at the year's
  /// boundaries (`JobYear`), whatever the sampling.
  func incomePerNode(_ tier: Tier, in year: Int) -> Summary {
    Spread.of(results.compactMap { JobYear.year(year, of: $0)?.incomePerNode(tier) })
  }

  /// Whether `year` is complete in every replication (the run spans all of it).
  func isFullYear(_ year: Int) -> Bool {
    results.allSatisfy { JobYear.year(year, of: $0)?.isFull ?? false }
  }

  /// `year` as a table row names it, marked when a replication does not cover all of it.
  func label(ofYear year: Int) -> String { isFullYear(year) ? String(year) : "\(year) (part)" }

  /// A moment a table of sampled values shows: the last sample of a year, or the end.
  struct Checkpoint {
    var label: String
    /// A replication's sample at this moment; nil when it has none.
    var sample: (JobResult) -> SampleRow?
  }

  /// The last sample of each of `years` (samples are what carry the app market and the
  /// economics; a year-end block is rarely one), then the final sample, labelled with
  /// its (median) date.
  func checkpoints(years: [Int]) -> [Checkpoint] {
    let yearly = years.map { year in
      Checkpoint(label: label(ofYear: year)) { result in
        result.yearEnds.first { $0.year == year }.map { result.sample(atOrBefore: $0.time) }
      }
    }
    let end = Format.day(Int64(spread { Double($0.final.time) }.p50))
    return yearly + [Checkpoint(label: "end \(end)") { $0.final }]
  }

  /// Milestone labels reached by at least one replication, in order of height.
  var milestoneLabels: [String] {
    var first: [String: Int] = [:]
    for result in results {
      for milestone in result.milestones {
        first[milestone.label] = min(first[milestone.label] ?? .max, milestone.height)
      }
    }
    return first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }
  }

  /// Quantiles of a milestone's date among the replications that reached it, and how many did.
  func milestone(_ label: String) -> (dates: Summary, reached: Int) {
    let times = results.compactMap { $0.milestones.first { $0.label == label }.map { Double($0.time) } }
    return (Spread.of(times), times.count)
  }
}

extension JobResult {
  /// The last sample at or before `time` (the first sample when none is): where a year's
  /// start or end reads what only samples carry (the app market, the economics, levels
  /// without a year-end record).
  func sample(atOrBefore time: Int64) -> SampleRow { series.last { $0.time <= time } ?? series[0] }
}
