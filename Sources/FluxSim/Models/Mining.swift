import FluxCore

/// PoW block production before Proof of Node (flux-rules.md §5.1).
///
/// A block needs on average 2^256 / (target + 1) solutions; at a network hashrate H
/// (solutions per second, from the job's path at the current time) the solve time is
/// exponential with mean work / H. The winning pool is drawn by hashrate share, and the
/// target of each block comes from the real rule of its height (Digishield, LWMA, LWMA3,
/// with the resets) over the recent headers.
struct MiningState {
  let hashrate: TimePath
  let poolNames: [String]
  let pools: DiscreteDistribution
  /// Miner income per pool, satoshi.
  var poolIncome: [Int64]

  init(config: MiningConfig) {
    hashrate = config.hashrate
    poolNames = config.pools.map(\.name)
    pools = DiscreteDistribution(weights: config.pools.map(\.share))
    poolIncome = [Int64](repeating: 0, count: config.pools.count)
  }
}

extension Simulation {
  /// Schedules the next PoW block after an exponential solve time.
  mutating func scheduleNextPoWBlock() {
    let work = 0x1p256 / (Double(UInt256(compact: chain.nextBits)) + 1)
    // A path that decays to nothing makes the wait infinite: the next block is `never`.
    let rate = mining.hashrate.value(at: chain.time - startTime)
    nextBlockTime = Checked.time(after: stream.exponential(mean: work / rate), from: chain.time)
  }

  /// The pool that found the block.
  mutating func drawPool() -> Int { mining.pools.draw(stream) }

  /// The nBits of the block after the tip by the PoW rule of its height.
  mutating func nextPoWBits() -> UInt32 {
    params.nextBits(forHeight: chain.height + 1, history: chain.headers)
  }
}
