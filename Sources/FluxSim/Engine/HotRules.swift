import FluxCore

/// The per-block rule inputs of a job, taken out of `ChainParams` once.
///
/// `ChainParams` is a value of about 1.3 KB. Measured (perf, objdump), the optimizer
/// copied it with `memcpy` whenever per-block code called a rule on it from inside the
/// simulation's mutating methods, even through a class. The hot path therefore calls
/// small rule values and plain numbers kept here instead.
struct HotRules {
  /// First PoN height (`Int.max` without PoN).
  let ponStart: Int
  /// First height paying node tiers.
  let nodePaymentsStart: Int
  let ponSpacing: Int64
  /// Blocks in the PoN difficulty window (30).
  let ponWindow: Int
  let ponDifficulty: PoNDifficultyRule

  init(_ params: ChainParams) {
    ponStart = params.upgrades.pon ?? .max
    nodePaymentsStart = min(params.split.nodePaymentsStartHeight ?? .max, ponStart)
    ponSpacing = params.ponTargetSpacing
    ponWindow = params.difficulty.ponWindow
    ponDifficulty = params.ponDifficultyRule
  }
}
