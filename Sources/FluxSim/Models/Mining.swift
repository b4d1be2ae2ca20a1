import FluxCore

/// PoW block production before Proof of Node (flux-rules.md §5.1): the pools, the
/// network hashrate, and what each pool earned.
///
/// A block needs on average 2^256 / (target + 1) solutions; at a network hashrate H
/// (solutions per second, from the job's path at the current time) the solve time is
/// exponential with mean work / H. The winning pool is drawn by hashrate share. The
/// target of each block comes from the real rule of its height (Digishield, LWMA, LWMA3,
/// with the resets) over the recent headers, which the chain holds
/// (`Simulation+Mining`).
struct Mining {
  let hashrate: TimePath
  /// When the job started: the hashrate path's time 0.
  let startTime: Int64
  let poolNames: [String]
  let pools: DiscreteDistribution
  /// Miner income per pool, satoshi.
  var poolIncome: [Int64]

  init(config: MiningConfig, startTime: Int64) {
    hashrate = config.hashrate
    self.startTime = startTime
    poolNames = config.pools.map(\.name)
    pools = DiscreteDistribution(weights: config.pools.map(\.share))
    poolIncome = [Int64](repeating: 0, count: config.pools.count)
  }

  /// Seconds until a block with nBits `bits` is solved at the hashrate of `time` (the tip's
  /// time). A hashrate path that decays to nothing makes it infinite.
  func solveTime(bits: UInt32, at time: Int64, _ stream: RandomStream) -> Double {
    let work = 0x1p256 / (Double(UInt256(compact: bits)) + 1)
    return stream.exponential(mean: work / hashrate.value(at: time - startTime))
  }

  /// The pool that found a block, by hashrate share.
  func drawPool(_ stream: RandomStream) -> Int { pools.draw(stream) }
}
