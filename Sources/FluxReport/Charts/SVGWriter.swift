/// Writes SVG markup: elements with attributes in the order given, escaped text and
/// fixed-decimal numbers.
///
/// Attributes are `KeyValuePairs`, not a dictionary, so they come out in the order written
/// and the same chart always gives the same bytes. Elements are closed from a stack and all
/// text is escaped, so the document is well formed whatever the caller's strings hold.
struct SVGWriter {
  private(set) var markup = ""
  private var openElements: [String] = []

  /// The markup with an XML declaration in front.
  var document: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup }

  /// Starts an element that holds other elements; end it with `close()`.
  mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    line("<" + name + Self.attributes(attributes) + ">")
    openElements.append(name)
  }

  /// Ends the innermost element started with `open(_:_:)`.
  mutating func close() {
    let name = openElements.removeLast()
    line("</" + name + ">")
  }

  /// An element that is empty or holds only `text`.
  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
    let start = "<" + name + Self.attributes(attributes)
    line(text.map { start + ">" + Self.escape($0) + "</" + name + ">" } ?? start + "/>")
  }

  private mutating func line(_ text: String) {
    markup += String(repeating: "  ", count: openElements.count) + text + "\n"
  }

  private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
    pairs.map { " " + $0.key + "=\"" + escape($0.value) + "\"" }.joined()
  }

  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces what XML 1.0 forbids in a document
  /// (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) with U+FFFD, so that any
  /// string can go into text or an attribute value.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `value` with exactly `decimals` digits after the point (0...15), rounded half away
  /// from zero: `fixed(2.5, decimals: 2)` is `2.50`.
  ///
  /// Written by hand so that the output depends on neither locale nor platform. Never
  /// gives `-0.00` (negative values that round to zero lose their sign) or `nan`/`inf`
  /// (non-finite values give `0`). Values whose digits would not fit in Int64 (beyond
  /// about 9.2e18 / 10^decimals) fall back to Swift's shortest round-trip form, e.g. `1e+20`.
  static func fixed(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "0" }
    let decimals = min(max(decimals, 0), 15)
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return value.description }
    let digits = Int64(scaled)
    let sign = value < 0 && digits != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(digits) }
    let fraction = String(digits % scale)
    return sign + String(digits / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }
}
