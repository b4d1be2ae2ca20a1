/// Projected block times: each era's target spacing counted from a block of known time.
///
/// fluxd has no such function; this is the convention every emission date in fluxsim
/// uses (flux-rules.md §1: 120 s before PoN, 30 s from it). The interval that ends at
/// block k is the spacing of k's era, so the first PoN block comes 30 s after the last
/// PoW block. The projection ignores real block-time noise on purpose: it is the
/// schedule the rules imply, which is what an emission forecast compares.
extension ChainParams {
  /// Seconds between block `from` and block `to` (negative when `to < from`).
  public func projectedInterval(from: Int, to: Int) -> Int64 {
    if to < from { return -projectedInterval(from: to, to: from) }
    let ponStart = upgrades.pon ?? Int.max
    // Blocks k in (from, to] with k < ponStart run at PoW spacing, the rest at PoN spacing.
    let powBlocks = Int64(max(0, min(to, ponStart - 1) - from))
    let ponBlocks = Int64(to - from) - powBlocks
    return powBlocks * powTargetSpacing + ponBlocks * ponTargetSpacing
  }

  /// The projected Unix time of block `height`.
  public func projectedTime(at height: Int) -> Int64 {
    timeAnchor.time + projectedInterval(from: timeAnchor.height, to: height)
  }

  /// The last height whose projected time is ≤ `time`.
  public func projectedHeight(atOrBefore time: Int64) -> Int {
    func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    guard let ponStart = upgrades.pon else {
      return timeAnchor.height + Int(floorDiv(time - timeAnchor.time, powTargetSpacing))
    }
    let ponStartTime = projectedTime(at: ponStart)
    if time >= ponStartTime {
      return ponStart + Int((time - ponStartTime) / ponTargetSpacing)
    }
    // time(h) = ponStartTime − ponSpacing − powSpacing·(ponStart − 1 − h) for h < ponStart.
    let lastPowTime = ponStartTime - ponTargetSpacing
    return ponStart - 1 - Int(-floorDiv(time - lastPowTime, powTargetSpacing))
  }
}
