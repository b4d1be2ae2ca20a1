// Hexadecimal text and floating-point views of `UInt256`, for parameters written as in
// fluxd's `chainparams.cpp` (`uint256S("0007ffff…")`), for messages, and for reporting
// difficulty and eligibility probability (flux-rules.md §5.2).

extension UInt256: CustomStringConvertible {
  /// The value from big-endian hexadecimal digits, as `chainparams.cpp` writes limits.
  ///
  /// Accepts 1 to 64 ASCII digits of either case after an optional `0x`; anything else
  /// (empty, too long, a non-hex character) gives nil, unlike `SetHex`, which silently stops at the
  /// first bad character.
  public init?(hex text: String) {
    var digits = Substring(text)
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
    guard (1...64).contains(digits.count) else { return nil }
    var value = UInt256.zero
    for character in digits {
      guard character.isASCII, let digit = character.hexDigitValue else { return nil }
      value = value << 4
      value.l0 |= UInt64(digit)
    }
    self = value
  }

  /// The value as 64 lowercase hexadecimal digits, zero-padded (`GetHex`).
  public var hexString: String {
    var text = ""
    for index in stride(from: 3, through: 0, by: -1) {
      let digits = String(self[limb: index], radix: 16)
      text += String(repeating: "0", count: 16 - digits.count) + digits
    }
    return text
  }

  /// The 64-digit hexadecimal form, so that test failures show targets readably.
  public var description: String { hexString }
}

extension Double {
  /// The nearest `Double` to a `UInt256`, up to a rounding in the last place.
  ///
  /// Like `arith_uint256::getdouble`, it adds the limbs scaled by powers of two; used only
  /// to report difficulty and probabilities, never inside a consensus rule.
  @inlinable public init(_ value: UInt256) {
    self = Double(value.l3) * 0x1p192 + Double(value.l2) * 0x1p128 + Double(value.l1) * 0x1p64 + Double(value.l0)
  }
}

extension UInt256 {
  /// The integer nearest below a non-negative finite `value` (values ≥ 2^256 give `max`).
  ///
  /// For turning a reported difficulty back into a target (target = powLimit / D) when a
  /// simulation starts from a measured state; the rules themselves never go through `Double`.
  public init(approximating value: Double) {
    precondition(value.isFinite && value >= 0, "cannot convert \(value) to a 256-bit integer")
    if value < 1 {
      self = .zero
      return
    }
    if value >= 0x1p256 {
      self = .max
      return
    }
    // value = significand × 2^(exponent − 52) with a 53-bit integer significand.
    let exponent = Int(value.exponent)
    let significand = UInt64(value.significandBitPattern) | (1 << 52)
    self = exponent >= 52 ? UInt256(significand) << (exponent - 52) : UInt256(significand >> UInt64(52 - exponent))
  }
}
