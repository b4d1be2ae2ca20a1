extension RuleOverrideKey {
  /// `funds`: the complete list of extra coinbase outputs, replacing the network's.
  ///
  /// Each item: `name`, `amount` (FLUX), `height`, and optionally `count` (1) and
  /// `interval` (blocks, required when count > 1) and `address`. An empty list removes
  /// all funds (what `legacy-halving`-style what-ifs need).
  ///
  /// Every payment is a row of the emission table and a height the simulator looks up,
  /// so the list is bounded: at most `FundOutput.maxFunds` funds and
  /// `FundOutput.maxPayments` payments in all, the last of each fund at or below
  /// `ChainParams.maxHeight` (a payment past it would never be made).
  ///
  /// In a scheduled change the list holds new outputs, added to the earlier ones: each
  /// pays from the change's activation on, and the limits apply to all funds together.
  static let fundKeys: [RuleOverrideKey] = [
    RuleOverrideKey(
      key: "funds", help: "extra coinbase outputs: list of {name, amount, height, count, interval}",
      scope: .anywhere(.any)
    ) {
      params, value throws(RuleError) in
      guard case .list(let items) = value else { throw .found(value, expected: "a list of funds") }
      guard items.count <= FundOutput.maxFunds else {
        throw RuleError(keyPath: "", message: "\(items.count) funds; at most \(FundOutput.maxFunds)")
      }
      var funds: [FundOutput] = []
      for (index, item) in items.enumerated() {
        do throws(RuleError) { funds.append(try fund(from: item)) } catch { throw error.nested(under: "[\(index)]") }
      }
      let payments = funds.reduce(0) { $0 + $1.count }
      guard payments <= FundOutput.maxPayments else {
        throw RuleError(
          keyPath: "", message: "\(payments) payments in all; at most \(FundOutput.maxPayments) (the sum of the counts)"
        )
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
    let count =
      has("count")
      ? try read("count") { v throws(RuleError) in
        try v.integer(
          in: 1...FundOutput.maxPayments, expected: "a number of payments from 1 to \(FundOutput.maxPayments)")
      } : 1
    let interval = has("interval") ? try read("interval") { v throws(RuleError) in try v.blocks(minimum: 1) } : 0
    if count > 1 && interval == 0 {
      throw RuleError(keyPath: "interval", message: "missing; a fund paid \(count) times needs an interval in blocks")
    }
    let name = try read("name") { v throws(RuleError) in
      let name = try v.text(expected: "a name")
      guard !name.isEmpty else { throw .found(v, expected: "a name") }
      return name
    }
    let fund = FundOutput(
      name: name,
      address: has("address") ? try read("address") { v throws(RuleError) in try v.text(expected: "an address") } : "",
      amount: try read("amount") { v throws(RuleError) in try v.amount() },
      firstHeight: try read("height") { v throws(RuleError) in try v.blocks(minimum: 0) },
      count: count, interval: interval)
    // At most 2^31 + 10^4 × 2^31: no overflow in 64 bits.
    let last = fund.firstHeight + (count - 1) * interval
    guard last <= ChainParams.maxHeight else {
      throw RuleError(
        keyPath: has("interval") ? "interval" : "height",
        message: "the last payment would be at height \(last), past \(ChainParams.maxHeight), the highest height")
    }
    return fund
  }
}
