/// The canonical text of a rule set: one `path=value` line per stored field, in
/// declaration order (`subsidy.ponInitialSubsidy=…`; list elements by index after a
/// `path=list` line; an absent optional as `path=nil`).
///
/// It identifies rule sets in run manifests (`rules_hash`). It replaced
/// `String(describing:)`, whose reflection made the Swift runtime look up protocol
/// conformances for every type inside `ChainParams` the first time: 37 M instructions, a
/// third of a short run's start-up (callgrind, issue 14). Synthesized `Encodable` was
/// measured too: its generic coding-key containers still cost 8.9 M instructions of such
/// look-ups. Writing the fields by hand (`ChainParams+CanonicalText.swift`) costs none;
/// `CanonicalTextTests` walks every stored property with `Mirror` and checks that the text
/// holds its path and value, so a field added to the rules cannot be left out.
public struct CanonicalText {
  /// The lines written so far, each ending in a newline.
  public private(set) var text = ""
  private var path = ""

  /// The text of `value`.
  public static func of(_ value: some CanonicallyWritten) -> String {
    var text = CanonicalText()
    value.write(to: &text)
    return text.text
  }

  /// Writes `value` under `name` (a field name or a list index).
  public mutating func field(_ name: String, _ value: some CanonicallyWritten) {
    let outer = path
    path = outer.isEmpty ? name : outer + "." + name
    value.write(to: &self)
    path = outer
  }

  /// Writes the line of a value with no fields of its own.
  public mutating func leaf(_ value: String) { text += path + "=" + value + "\n" }
}

/// A value with a canonical text: a leaf writes itself with `leaf`, a compound value each
/// of its stored fields with `field`.
public protocol CanonicallyWritten {
  func write(to text: inout CanonicalText)
}

extension Int: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(String(self)) }
}

extension Int64: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(String(self)) }
}

extension UInt64: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(String(self)) }
}

extension Double: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(description) }
}

extension String: CanonicallyWritten {
  /// Quoted and escaped, so that no text can pass for another line.
  public func write(to text: inout CanonicalText) { text.leaf(debugDescription) }
}

extension Optional: CanonicallyWritten where Wrapped: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    if let self { self.write(to: &text) } else { text.leaf("nil") }
  }
}

extension Array: CanonicallyWritten where Element: CanonicallyWritten {
  /// `list` first, so that an empty list is written too.
  public func write(to text: inout CanonicalText) {
    text.leaf("list")
    for (index, element) in enumerated() { text.field(String(index), element) }
  }
}

extension Range: CanonicallyWritten where Bound == Int {
  public func write(to text: inout CanonicalText) { text.leaf("\(lowerBound)..<\(upperBound)") }
}

extension ClosedRange: CanonicallyWritten where Bound == Int {
  public func write(to text: inout CanonicalText) { text.leaf("\(lowerBound)...\(upperBound)") }
}

extension Amount: CanonicallyWritten {
  /// The satoshi count, exactly.
  public func write(to text: inout CanonicalText) { text.leaf(String(satoshi)) }
}

extension UInt256: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(description) }
}

extension Network: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(rawValue) }
}

extension Tier: CanonicallyWritten {
  public func write(to text: inout CanonicalText) { text.leaf(description) }
}

extension TierValues: CanonicallyWritten where Value: CanonicallyWritten {
  public func write(to text: inout CanonicalText) {
    text.field("cumulus", cumulus)
    text.field("nimbus", nimbus)
    text.field("stratus", stratus)
  }
}
