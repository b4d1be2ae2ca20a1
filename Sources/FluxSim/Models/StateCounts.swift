/// Nodes per tier per state, `[tier.index, state.rawValue]`: one flat array of the three
/// tiers' counts rather than an array of arrays, because every state change writes two
/// of them and a nested write checked both arrays' uniqueness (a churn-heavy job changes
/// a node's state several times in its life). Not SIMD lanes either: a write to a lane
/// chosen at run time went through the stack and stalled the reload (perf).
struct StateCounts {
  private static let states = NodeState.allCases.count
  private var counts = [Int](repeating: 0, count: 3 * StateCounts.states)

  /// The count of tier index `tier` (0 … 2) in state `state` (its raw value).
  subscript(tier: Int, state: Int) -> Int {
    @inline(__always) get { counts[tier * Self.states + state] }
    @inline(__always) set { counts[tier * Self.states + state] = newValue }
  }

  /// The counts of tier index `tier`, by state raw value (for messages and tests).
  func tier(_ tier: Int) -> ArraySlice<Int> { counts[tier * Self.states..<(tier + 1) * Self.states] }
}
