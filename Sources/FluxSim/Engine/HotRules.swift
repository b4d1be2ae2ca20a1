import FluxCore

/// The per-block rule inputs of a job, taken out of `ChainParams` once per era.
///
/// `ChainParams` is a value of about 1.3 KB. Measured (perf, objdump), the optimizer
/// copied it with `memcpy` whenever per-block code called a rule on it from inside the
/// simulation's mutating methods, even through a class. The hot path therefore calls
/// small rule values and plain numbers kept here instead.
///
/// A scheduled change (`ChainParams.changes`) may set the PoN spacing and limit, so those
/// are the values of the era the next block is in. `Simulation` compares each block it
/// connects with `nextSwitch` (`Int.max` on runs without changes: one comparison per block)
/// and then calls `advance(after:of:)`. The other fields are keys no change may set
/// (FluxCore's `ChangeScope`: upgrade heights, windows), so they hold for the whole job.
struct HotRules {
  /// First PoN height (`Int.max` without PoN).
  let ponStart: Int
  /// First height paying node tiers.
  let nodePaymentsStart: Int
  /// Blocks in the PoN difficulty window (30).
  let ponWindow: Int
  /// The PoN slot spacing of the next block's era (30 s).
  private(set) var ponSpacing: Int64
  /// The PoN difficulty rule of the next block's era: its timespan is (window − 1) ×
  /// that era's spacing.
  private(set) var ponDifficulty: PoNDifficultyRule
  /// The first block of the next block's era (0 for the base rules).
  private(set) var eraStart: Int
  /// The first block of the next scheduled change after that era (`Int.max`: none).
  private(set) var nextActivation: Int
  /// The next block whose connection needs the schedule: the first of an era (its node
  /// timers take over) or the one before an activation (the next block's era starts).
  private(set) var nextSwitch: Int
  /// Each era's first height and PoN spacing, ascending (the base rules' from 0).
  private let ponSpacings: [(start: Int, spacing: Int64)]

  /// The rules of the era block `height` is in.
  init(_ params: ChainParams, at height: Int) {
    ponStart = params.upgrades.pon ?? .max
    nodePaymentsStart = min(params.split.nodePaymentsStartHeight ?? .max, ponStart)
    ponWindow = params.difficulty.ponWindow
    ponSpacings = params.eras.map { ($0.start, $0.params.ponTargetSpacing) }
    ponSpacing = params.ponTargetSpacing
    ponDifficulty = params.ponDifficultyRule
    eraStart = 0
    nextActivation = .max
    nextSwitch = .max
    enter(height: height, of: params)
  }

  /// After block `height` is connected: the rules of the era of the block after it
  /// (`params` are the job's, with their schedule), before that block's target and slot.
  mutating func advance(after height: Int, of params: ChainParams) {
    if height + 1 >= nextActivation {
      enter(height: height + 1, of: params)
    } else {
      nextSwitch = nextActivation == .max ? .max : nextActivation - 1
    }
  }

  /// Switches to the rules of the era block `height` is in.
  private mutating func enter(height: Int, of params: ChainParams) {
    ponSpacing = params.rules(at: height).ponTargetSpacing
    ponDifficulty = params.ponDifficultyRule(at: height)
    let activations = params.activationHeights
    eraStart = activations.last { $0 <= height } ?? 0
    nextActivation = activations.first { $0 > height } ?? .max
    nextSwitch = eraStart == height ? height : nextActivation == .max ? .max : nextActivation - 1
  }

  /// Target seconds of blocks `from ..< to`, each at the PoN spacing of its era: the
  /// clock of a schedule counted in PoN years (a `RevenueShare`), 0 when `to ≤ from`.
  func ponSeconds(from: Int, to: Int) -> Int64 {
    var seconds: Int64 = 0
    for (index, era) in ponSpacings.enumerated() {
      let end = index + 1 < ponSpacings.count ? ponSpacings[index + 1].start : Int.max
      let blocks = min(to, end) - max(from, era.start)
      // Fewer than 2^31 blocks of at most a day: no overflow in 64 bits.
      if blocks > 0 { seconds += Int64(blocks) * era.spacing }
    }
    return seconds
  }
}
