import Foundation

/// JSON text written member by member into bytes, in exactly the form Foundation's
/// `JSONEncoder` gives with `.sortedKeys` and no other formatting: no white space,
/// members in the order the caller writes them (which must be the keys' byte order),
/// `nil` optionals left out, integers in decimal, doubles as their shortest
/// round-trip `description` without a trailing `.0`, and strings escaped as it
/// escapes them (`"`, `\`, `/`, and control characters).
///
/// Job files are the bulk of what a run writes and were encoded through `Codable`
/// (a nested encoder per amount, a tree of values, keys sorted per object): 7 % of a
/// one-job run. `StoredJob+JSON` writes them with this instead, and
/// `JobFileJSONTests` checks the bytes equal `JSONEncoder`'s, which stays the
/// reference (and the reader is still `JSONDecoder`).
struct JSONText {
  private(set) var bytes: [UInt8] = []
  /// Whether the innermost open object or array has no member yet.
  private var isFirst = true

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// An object whose members `body` writes, in key order.
  mutating func object(_ body: (inout JSONText) throws -> Void) rethrows {
    separate()
    bytes.append(UInt8(ascii: "{"))
    isFirst = true
    try body(&self)
    bytes.append(UInt8(ascii: "}"))
    isFirst = false
  }

  /// An array of `elements`, each written by `element`.
  mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONText, S.Element) throws -> Void) rethrows {
    separate()
    bytes.append(UInt8(ascii: "["))
    isFirst = true
    for item in elements { try element(&self, item) }
    bytes.append(UInt8(ascii: "]"))
    isFirst = false
  }

  /// The key of the next member; its value follows.
  mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    // The value is the member's own, not a new element: no comma before it.
    isFirst = true
  }

  mutating func int(_ value: Int) { integer(Int64(value)) }

  mutating func integer(_ value: Int64) {
    separate()
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    digits(value.magnitude)
  }

  mutating func unsigned(_ value: UInt64) {
    separate()
    digits(value)
  }

  mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
  }

  mutating func null() {
    separate()
    bytes.append(contentsOf: Array("null".utf8))
  }

  /// A finite double as `JSONEncoder` writes it; a non-finite one is refused as it
  /// refuses it (its default `nonConformingFloatEncodingStrategy`).
  mutating func double(_ value: Double) throws {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
    }
    separate()
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  mutating func string(_ value: String) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "/"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  // Members of one value, the key first.
  mutating func int(_ key: StaticString, _ value: Int) { member(key) { $0.int(value) } }
  mutating func integer(_ key: StaticString, _ value: Int64) { member(key) { $0.integer(value) } }
  mutating func unsigned(_ key: StaticString, _ value: UInt64) { member(key) { $0.unsigned(value) } }
  mutating func bool(_ key: StaticString, _ value: Bool) { member(key) { $0.bool(value) } }
  mutating func string(_ key: StaticString, _ value: String) { member(key) { $0.string(value) } }
  mutating func double(_ key: StaticString, _ value: Double) throws { try member(key) { try $0.double(value) } }

  private mutating func member(_ name: StaticString, _ value: (inout JSONText) throws -> Void) rethrows {
    key(name)
    try value(&self)
  }

  /// A comma before every element or member but the first of its object or array.
  private mutating func separate() {
    if !isFirst { bytes.append(UInt8(ascii: ",")) }
    isFirst = false
  }

  private mutating func digits(_ value: UInt64) {
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits at most
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &buffer) { raw in
      repeat {
        raw[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      bytes.append(contentsOf: raw[(24 - count)...])
    }
  }
}
