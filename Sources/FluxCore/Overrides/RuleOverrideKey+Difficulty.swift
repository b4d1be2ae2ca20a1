extension RuleOverrideKey {
  /// Difficulty constants: targets as 64-digit hex, windows in blocks (flux-rules.md §5).
  static let difficultyKeys: [RuleOverrideKey] = {
    let targets: [(String, WritableKeyPath<DifficultyParams, UInt256> & Sendable, String)] = [
      ("pow_limit", \.powLimit, "easiest PoW target"), ("pon_limit", \.ponLimit, "easiest PoN target"),
      ("pon_start_limit", \.ponStartLimit, "PoN target of the first window"),
    ]
    let windows: [(String, WritableKeyPath<DifficultyParams, Int> & Sendable, String)] = [
      ("pon_window", \.ponWindow, "PoN difficulty window in blocks (30)"),
      ("lwma_window", \.lwmaWindow, "LWMA/LWMA3 window in blocks (60)"),
      ("digishield_window", \.digishieldAveragingWindow, "Digishield averaging window in blocks (17)"),
    ]
    return targets.map { name, path, help in
      RuleOverrideKey(key: "difficulty.\(name)", help: "\(help), hex") { params, value throws(RuleError) in
        let expected = "a 256-bit target as hex, e.g. 0fffffff…"
        guard let target = UInt256(hex: try value.text(expected: expected)), !target.isZero else {
          throw .found(value, expected: expected)
        }
        params.difficulty[keyPath: path] = target
      }
    }
      + windows.map { name, path, help in
        RuleOverrideKey(key: "difficulty.\(name)", help: help) { params, value throws(RuleError) in
          params.difficulty[keyPath: path] = try value.blocks(minimum: 2)
        }
      }
  }()
}
