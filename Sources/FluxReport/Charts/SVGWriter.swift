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

  /// An element that is empty or holds only `text`; `more` are attributes that only
  /// some elements carry (a dash pattern), written after `attributes`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String>, more: [(String, String)] = [], text: String? = nil
  ) {
    let start = "<" + name + Self.attributes(attributes) + Self.attributes(more.map { (key: $0.0, value: $0.1) })
    line(text.map { start + ">" + XMLText.escape($0) + "</" + name + ">" } ?? start + "/>")
  }

  private mutating func line(_ text: String) {
    markup += String(repeating: "  ", count: openElements.count) + text + "\n"
  }

  private static func attributes(_ pairs: some Sequence<(key: String, value: String)>) -> String {
    pairs.map { " " + $0.key + "=\"" + XMLText.escape($0.value) + "\"" }.joined()
  }

  /// `value` with exactly `decimals` digits after the point (0...15), rounded half away
  /// from zero (`Format.fixed`): never `-0.00`; non-finite values give `0`, so a
  /// coordinate is always a number.
  static func fixed(_ value: Double, decimals: Int = 2) -> String {
    value.isFinite ? Format.fixed(value, min(max(decimals, 0), 15)) : "0"
  }

}
