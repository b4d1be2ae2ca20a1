/// One scheduled rule change: from block `activation` on, the chain follows `params`.
///
/// A proposal ("halve the PoN subsidy at the parallel-asset depletion height") is a rule
/// change that activates at a height, the way every fluxd upgrade does (flux-rules.md §1:
/// "an upgrade is active for every height ≥ activation height, a pure function of height").
/// Before the first activation the chain is exactly the base rules; each change starts
/// from the rules as they stand before it (the base and every earlier change) and
/// overrides some of them. Only `RuleSet.scheduling(_:)` makes eras, so every era holds
/// rules whose whole-chain proofs passed (FluxCore/README.md, "Scheduled changes").
public struct ScheduledEra: Sendable, Equatable {
  /// The change's name: lower-case letters, digits and dashes, unique among the changes.
  public let name: String
  /// The first block under this era's rules (1 … `ChainParams.maxHeight`).
  public let activation: Int
  /// The UTC time the change was scheduled for when it was given as a date: `activation`
  /// is then the first block the clock before the change projects at or after it.
  public let date: Int64?
  /// Free text from the file, for reports (which escape it).
  public let description: String?
  /// The overrides as written, as `(dotted key, value)` in file order, for reports.
  public let overrides: [RuleField]
  /// The rules from `activation` on, with empty `changes`. Their `subsidy.ponResume` says
  /// where the PoN subsidy resumes when the activation is at or after PoN start.
  public let params: ChainParams

  public init(
    name: String, activation: Int, date: Int64?, description: String?, overrides: [RuleField], params: ChainParams
  ) {
    self.name = name
    self.activation = activation
    self.date = date
    self.description = description
    self.overrides = overrides
    self.params = params
  }
}

extension [ScheduledEra] {
  /// The index of the era holding `height`, which is at or after the first activation.
  /// The activations are read in place: reading an element whole copies it.
  @usableFromInline func index(holding height: Int) -> Int {
    withUnsafeBufferPointer { eras in
      var (low, high) = (0, eras.count - 1)
      while low < high {
        let mid = (low + high + 1) / 2
        if eras[mid].activation <= height { low = mid } else { high = mid - 1 }
      }
      return low
    }
  }
}

extension ChainParams {
  /// The index in `changes` of the era holding `height`, or nil before the first
  /// activation (where the parameters themselves hold).
  ///
  /// - Complexity: O(1) without changes, O(log c) for c changes.
  @inlinable public func eraIndex(at height: Int) -> Int? {
    height < firstActivation ? nil : changes.index(holding: height)
  }

  /// The rules in force at `height`, without a schedule: the era's parameters, or these
  /// parameters with empty `changes` before the first activation.
  ///
  /// What a caller that switches rules in the block that activates a change (the
  /// simulator's per-block caches) rebuilds from; `activationHeights` says when.
  public func rules(at height: Int) -> ChainParams {
    if let era = eraIndex(at: height) { return changes[era].params }
    return unscheduled
  }

  /// These parameters with empty `changes`: the rules before the first activation.
  public var unscheduled: ChainParams {
    var base = self
    base.changes = []
    return base
  }

  /// The heights at which a scheduled change activates, ascending.
  public var activationHeights: [Int] { changes.map(\.activation) }

  /// Each era with the height it starts at: these parameters (with empty `changes`)
  /// from 0, then each change's from its activation.
  public var eras: [(start: Int, params: ChainParams)] {
    [(0, unscheduled)] + changes.map { ($0.activation, $0.params) }
  }

  /// The PoN difficulty rule of block `height`: its target timespan is
  /// (window − 1) × the spacing of the era `height` is in, its cap that era's `ponLimit`.
  public func ponDifficultyRule(at height: Int) -> PoNDifficultyRule {
    if let era = eraIndex(at: height) { return changes[era].params.ponDifficultyRule }
    return ponDifficultyRule
  }
}
