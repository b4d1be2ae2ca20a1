/// Projected block times: each era's target spacing counted from a block of known time.
///
/// fluxd has no such function; this is the convention every emission date in fluxsim
/// uses (flux-rules.md §1: 120 s before PoN, 30 s from it). The interval that ends at
/// block k is the spacing of k's era (and of the scheduled change k is under), so the
/// first PoN block comes 30 s after the last PoW block. The projection ignores real
/// block-time noise on purpose: it is the schedule the rules imply, which is what an
/// emission forecast compares.
extension ChainParams {
  /// A run of blocks with one target spacing: from `start` (the first stretch from
  /// below every height) until the next stretch's start.
  public struct SpacingStretch: Sendable, Equatable {
    public var start: Int
    public var spacing: Int64
  }

  /// The clock's stretches, ascending: the spacing changes at PoN start and at scheduled
  /// changes that set a spacing. The first starts at `Int.min` (heights below 0 only
  /// appear in projections of times before genesis).
  public var spacingStretches: [SpacingStretch] {
    var stretches: [SpacingStretch] = []
    forEachSpacingStretch { stretch, _ in stretches.append(stretch) }
    return stretches
  }

  /// Calls `body` with each stretch of `spacingStretches` and the start of the next (nil
  /// for the last), without building the list: the clock is read once per emission row.
  func forEachSpacingStretch(_ body: (SpacingStretch, Int?) -> Void) {
    // The points where the spacing may change, ascending: PoN start merged into the
    // activations (which ascend strictly).
    var current = SpacingStretch(start: .min, spacing: powTargetSpacing)
    var ponPending = upgrades.pon
    var changeIndex = 0
    while true {
      let nextChange = changeIndex < changes.count ? changes[changeIndex].activation : nil
      let point: Int
      switch (ponPending, nextChange) {
      case (nil, nil):
        body(current, nil)
        return
      case (let pon?, let change?):
        point = min(pon, change)
      case (let pon?, nil):
        point = pon
      case (nil, let change?):
        point = change
      }
      if point == ponPending { ponPending = nil }
      if point == nextChange { changeIndex += 1 }
      let spacing = targetSpacing(at: point)
      if spacing != current.spacing {
        body(current, point)
        current = SpacingStretch(start: point, spacing: spacing)
      }
    }
  }

  /// Seconds between block `from` and block `to` (negative when `to < from`).
  public func projectedInterval(from: Int, to: Int) -> Int64 {
    if to < from { return -projectedInterval(from: to, to: from) }
    var seconds: Int64 = 0
    forEachSpacingStretch { stretch, next in
      // Blocks k in (from, to] with start ≤ k < next run at this stretch's spacing.
      let last = next.map { min(to, $0 - 1) } ?? to
      let first = stretch.start == .min ? from : max(from, stretch.start - 1)
      if last > first { seconds += Int64(last - first) * stretch.spacing }
    }
    return seconds
  }

  /// The projected Unix time of block `height`.
  public func projectedTime(at height: Int) -> Int64 {
    timeAnchor.time + projectedInterval(from: timeAnchor.height, to: height)
  }

  /// The last height whose projected time is ≤ `time`.
  ///
  /// On the stretch starting at s the time grows by its spacing from block s − 1 on, so
  /// the answer lies on the last stretch whose block s − 1 is at or before `time` (or on
  /// the first, extended backwards, when there is none).
  public func projectedHeight(atOrBefore time: Int64) -> Int {
    func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    let stretches = spacingStretches
    for stretch in stretches.reversed() where stretch.start != .min {
      let base = projectedTime(at: stretch.start - 1)
      if base <= time { return stretch.start - 1 + Int((time - base) / stretch.spacing) }
    }
    // Before every later stretch: the first stretch's spacing, counted from the block before
    // the second stretch, or from the anchor when the spacing never changes.
    let reference = stretches.count > 1 ? stretches[1].start - 1 : timeAnchor.height
    return reference + Int(floorDiv(time - projectedTime(at: reference), stretches[0].spacing))
  }
}
