extension Summary {
  /// The summary of the values of `tally` as Doubles: equal, bit for bit, to
  /// `Summary(of:)` of the same values listed one by one, without listing them.
  ///
  /// It repeats GSL's own arithmetic over the sorted values (GSL 2.7,
  /// `statistics/mean_source.c`: the running mean mean += (x − mean) / (i + 1) in
  /// `long double`, returned as a double; `statistics/quantiles_source.c`: index f·(n − 1),
  /// its integer part lhs and fraction δ, (1 − δ)·x[lhs] + δ·x[lhs + 1]), reading the
  /// order statistics from the tally's runs. `long double` is `Float80` on x86; elsewhere
  /// the values are listed and GSL called. `SummaryTallyTests` checks the equality
  /// against GSL on tallies with many repeats.
  init(of tally: Tally) {
    let runs = tally.runs()
    #if arch(x86_64) || arch(i386)
      let n = tally.count
      guard n > 0 else {
        self = .empty
        return
      }
      var mean: Float80 = 0
      var i = 0
      // Each run's last rank (0-based), to find order statistics.
      var lastRanks: [Int] = []
      lastRanks.reserveCapacity(runs.count)
      for run in runs {
        let x = Float80(Double(run.value))
        for _ in 0..<run.count {
          i += 1
          mean += (x - mean) / Float80(i)
        }
        lastRanks.append(i - 1)
      }
      func value(rank: Int) -> Double {
        var low = 0
        var high = lastRanks.count - 1
        while low < high {
          let mid = (low + high) / 2
          if lastRanks[mid] < rank { low = mid + 1 } else { high = mid }
        }
        return Double(runs[low].value)
      }
      func quantile(_ f: Double) -> Double {
        let index = f * Double(n - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        if lhs == n - 1 { return value(rank: lhs) }
        return (1 - delta) * value(rank: lhs) + delta * value(rank: lhs + 1)
      }
      self.init(
        count: n, mean: Double(mean), min: Double(runs[0].value), max: Double(runs[runs.count - 1].value),
        p5: quantile(0.05), p25: quantile(0.25), p50: quantile(0.5), p75: quantile(0.75), p95: quantile(0.95))
    #else
      self.init(of: runs.flatMap { repeatElement(Double($0.value), count: $0.count) })
    #endif
  }
}
