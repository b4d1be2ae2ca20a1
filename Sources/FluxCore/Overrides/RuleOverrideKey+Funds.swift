extension RuleOverrideKey {
  /// `funds`: the complete list of extra coinbase outputs, replacing the network's.
  ///
  /// Each item: `name`, `amount` (FLUX), `height`, and optionally `count` (1) and
  /// `interval` (blocks, required when count > 1) and `address`. An empty list removes
  /// all funds (what `legacy-halving`-style what-ifs need).
  static let fundKeys: [RuleOverrideKey] = [
    RuleOverrideKey(key: "funds", help: "extra coinbase outputs: list of {name, amount, height, count, interval}") {
      params, value throws(RuleError) in
      guard case .list(let items) = value else { throw .found(value, expected: "a list of funds") }
      var funds: [FundOutput] = []
      for (index, item) in items.enumerated() {
        do throws(RuleError) { funds.append(try fund(from: item)) } catch { throw error.nested(under: "[\(index)]") }
      }
      params.funds = funds
    }
  ]

  private static func fund(from item: RuleValue) throws(RuleError) -> FundOutput {
    let known = ["name", "address", "amount", "height", "count", "interval"]
    guard case .map(let fields) = item else {
      throw .found(item, expected: "a mapping with name, amount and height")
    }
    for field in fields where !known.contains(field.key) {
      throw RuleError(keyPath: field.key, message: "unknown key; expected one of \(known.joined(separator: ", "))")
    }
    func field(_ key: String) throws(RuleError) -> RuleValue {
      guard let value = fields.first(where: { $0.key == key })?.value else {
        throw RuleError(keyPath: "", message: "missing; a fund needs name, amount and height")
      }
      return value
    }
    func read<T>(_ key: String, _ parse: (RuleValue) throws(RuleError) -> T) throws(RuleError) -> T {
      do { return try parse(try field(key)) } catch { throw error.nested(under: key) }
    }
    let has = { (key: String) in fields.contains { $0.key == key } }
    let count = has("count") ? try read("count") { v throws(RuleError) in try v.blocks(minimum: 1) } : 1
    let interval = has("interval") ? try read("interval") { v throws(RuleError) in try v.blocks(minimum: 1) } : 0
    if count > 1 && interval == 0 {
      throw RuleError(keyPath: "interval", message: "missing; a fund paid \(count) times needs an interval in blocks")
    }
    return FundOutput(
      name: try read("name") { v throws(RuleError) in try v.text(expected: "a name") },
      address: has("address") ? try read("address") { v throws(RuleError) in try v.text(expected: "an address") } : "",
      amount: try read("amount") { v throws(RuleError) in try v.amount() },
      firstHeight: try read("height") { v throws(RuleError) in try v.blocks(minimum: 0) },
      count: count, interval: interval)
  }
}
