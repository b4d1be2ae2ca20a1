import FluxCore

/// PoW blocks: what a block needs of `Mining` and of the chain together.
extension Simulation {
  /// Schedules the next PoW block after its solve time (`never` when the time is infinite).
  mutating func scheduleNextPoWBlock() {
    let solveTime = mining.solveTime(bits: chain.nextBits, at: chain.time, stream)
    nextBlockTime = Checked.time(after: solveTime, from: chain.time)
  }

  /// The nBits of the block after the tip by the PoW rule of its height.
  mutating func nextPoWBits() -> UInt32 {
    params.nextBits(forHeight: chain.height + 1, history: chain.headers)
  }
}
