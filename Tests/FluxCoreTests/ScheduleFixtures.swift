import FluxCore

/// Scheduled changes written as a rules file would hold them, for the schedule tests.
enum Schedule {
  /// `{name, at: {KIND: VALUE}, overrides: {…}}`; `at` is `("height", "3466630")` or
  /// `("date", "2027-03-12")`.
  static func change(_ name: String, at: (String, String), _ overrides: [(String, RuleValue)]) -> RuleValue {
    .map([
      RuleField(key: "name", value: .scalar(name)),
      RuleField(key: "at", value: .map([RuleField(key: at.0, value: .scalar(at.1))])),
      RuleField(key: "overrides", value: .map(overrides.map { RuleField(key: $0.0, value: $0.1) })),
    ])
  }

  /// A change at a height.
  static func change(_ name: String, height: Int, _ overrides: [(String, RuleValue)]) -> RuleValue {
    change(name, at: ("height", String(height)), overrides)
  }

  /// `base` with top-level `overrides` and the `changes`.
  static func rules(
    _ changes: [RuleValue], base: Network = .mainnet, overrides: [(String, RuleValue)] = []
  ) throws(RuleError) -> RuleSet {
    try RuleSet(base: base, overrides: .map(overrides.map { RuleField(key: $0.0, value: $0.1) }))
      .scheduling(.list(changes))
  }

  /// The error of scheduling `changes`, or nil when they are accepted.
  static func error(_ changes: [RuleValue], base: Network = .mainnet) -> RuleError? {
    do {
      _ = try rules(changes, base: base)
      return nil
    } catch { return error }
  }

  /// A per-tier value.
  static func tiers(_ cumulus: String, _ nimbus: String, _ stratus: String) -> RuleValue {
    .map([
      RuleField(key: "cumulus", value: .scalar(cumulus)), RuleField(key: "nimbus", value: .scalar(nimbus)),
      RuleField(key: "stratus", value: .scalar(stratus)),
    ])
  }

  /// A fund item.
  static func fund(_ name: String, amount: String, height: Int, count: Int = 1, interval: Int = 0) -> RuleValue {
    var fields = [
      RuleField(key: "name", value: .scalar(name)), RuleField(key: "amount", value: .scalar(amount)),
      RuleField(key: "height", value: .scalar(String(height))),
    ]
    if count > 1 {
      fields += [
        RuleField(key: "count", value: .scalar(String(count))),
        RuleField(key: "interval", value: .scalar(String(interval))),
      ]
    }
    return .map(fields)
  }

  /// `amount × 9 / 10` truncated, `times` times: fluxd's PoN reduction written out.
  static func reduced(_ satoshi: Int64, times: Int, keep: (Int64, Int64) = (9, 10)) -> Int64 {
    var amount = satoshi
    for _ in 0..<times { amount = amount * keep.0 / keep.1 }
    return amount
  }

  static let ponStart = 2_020_000
  static let year = 1_051_200
}
