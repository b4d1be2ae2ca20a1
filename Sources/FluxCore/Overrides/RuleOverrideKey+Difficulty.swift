extension RuleOverrideKey {
  /// Difficulty constants: targets as 64-digit hex, windows in blocks (flux-rules.md §5).
  ///
  /// A window is bounded so that no rule reads more than `DifficultyParams.maxHistory`
  /// headers: the simulator keeps that many, and a longer window would ask it for
  /// blocks it no longer holds.
  static let difficultyKeys: [RuleOverrideKey] = {
    let targets: [(String, WritableKeyPath<DifficultyParams, UInt256> & Sendable, String, ChangeScope)] = [
      ("pow_limit", \.powLimit, "easiest PoW target", .anywhere(.proofOfWork)),
      ("pon_limit", \.ponLimit, "easiest PoN target", .anywhere(.proofOfNode)),
      (
        "pon_start_limit", \.ponStartLimit, "PoN target of the first window",
        .genesisOnly("the target of the first PoN window only, used once at PoN start")
      ),
    ]
    // A window reads the headers before each block: a new length would make the windows
    // after the change straddle it, mixing blocks made under both rules.
    let windowScope = ChangeScope.genesisOnly(
      "a window reads the blocks before each block, so after a change of its length the windows would straddle the "
        + "change")
    // Each window's largest value makes its rule read exactly `maxHistory` headers.
    let history = DifficultyParams.maxHistory
    let windows: [(String, WritableKeyPath<DifficultyParams, Int> & Sendable, Int, String)] = [
      ("pon_window", \.ponWindow, history, "PoN difficulty window in blocks (30)"),
      ("lwma_window", \.lwmaWindow, history - 1, "LWMA/LWMA3 window in blocks (60)"),
      (
        "digishield_window", \.digishieldAveragingWindow, history - DifficultyParams.mainnet.medianTimeSpan,
        "Digishield averaging window in blocks (17)"
      ),
    ]
    return targets.map { name, path, help, scope in
      RuleOverrideKey(key: "difficulty.\(name)", help: "\(help), hex", scope: scope) {
        params, value throws(RuleError) in
        let expected = "a 256-bit target as hex, e.g. 0fffffff…"
        guard let target = UInt256(hex: try value.text(expected: expected)), !target.isZero else {
          throw .found(value, expected: expected)
        }
        params.difficulty[keyPath: path] = target
      }
    }
      + windows.map { name, path, largest, help in
        RuleOverrideKey(key: "difficulty.\(name)", help: "\(help), 2 … \(largest)", scope: windowScope) {
          params, value throws(RuleError) in
          params.difficulty[keyPath: path] = try value.integer(
            in: 2...largest, expected: "a whole number of blocks from 2 to \(largest)")
        }
      }
  }()
}
