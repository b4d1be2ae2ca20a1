import FluxCore

@testable import FluxSim

/// Small, fast job configurations for the engine's tests (debug builds are slow: keep
/// fleets in the tens and runs in the thousands of blocks unless a test needs more).
enum Fixtures {
  /// Mainnet rules from the measured tip with a small fleet, full uptime, no churn and no
  /// network outages.
  static func steadyPoN(nodes: TierValues<Int> = TierValues(cumulus: 7, nimbus: 11, stratus: 13), seed: UInt64 = 1)
    -> JobConfig
  {
    var config = JobConfig()
    config.fleet = FleetConfig(initialNodes: nodes, uptime: nil, churn: .none)
    config.proofOfNode.outages = nil
    config.seed = seed
    config.horizon = .height(TipState.measured2026.height + 2_000)
    config.sampling = .blocks(500)
    return config
  }

  /// A PoW-era start at `height` whose difficulty matches `hashrate` at 120 s blocks.
  static func pow(height: Int, hashrate: TimePath, initialHashrate: Double) -> JobConfig {
    let params = ChainParams.mainnet
    // Expected solutions per block 2^256 / target = hashrate × 120 s.
    let target = 0x1p256 / (initialHashrate * 120)
    let difficulty = Double(params.difficulty.powLimit) / target
    var config = JobConfig()
    config.start = .tip(TipState(height: height, time: 1_650_000_000, difficulty: difficulty))
    config.fleet = FleetConfig(initialNodes: TierValues(cumulus: 3, nimbus: 3, stratus: 3), uptime: nil, churn: .none)
    config.mining = MiningConfig(pools: [Pool(name: "a", share: 0.7), Pool(name: "b", share: 0.3)], hashrate: hashrate)
    config.sampling = .blocks(100)
    return config
  }
}
