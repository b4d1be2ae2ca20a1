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
    startLine("<", name)
    append(attributes)
    markup += ">\n"
    openElements.append(name)
  }

  /// Ends the innermost element started with `open(_:_:)`.
  mutating func close() {
    let name = openElements.removeLast()
    startLine("</", name)
    markup += ">\n"
  }

  /// An element that is empty or holds only `text`; `more` are attributes that only
  /// some elements carry (a dash pattern), written after `attributes`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String>, more: [(String, String)] = [], text: String? = nil
  ) {
    startLine("<", name)
    append(attributes)
    append(more.lazy.map { (key: $0.0, value: $0.1) })
    if let text {
      markup += ">" + XMLText.escape(text) + "</" + name + ">\n"
    } else {
      markup += "/>\n"
    }
  }

  // The markup is appended to in place, piece by piece: a chart of a 20-year daily
  // series writes hundreds of thousands of attributes, and building each line as its
  // own string first (then joining the attributes) doubled the copying.

  /// Indents a new line by the open elements and writes `opening` and `name`.
  private mutating func startLine(_ opening: String, _ name: String) {
    for _ in openElements { markup += "  " }
    markup += opening
    markup += name
  }

  private mutating func append(_ pairs: some Sequence<(key: String, value: String)>) {
    for pair in pairs {
      markup += " "
      markup += pair.key
      markup += "=\""
      markup += XMLText.escape(pair.value)
      markup += "\""
    }
  }

  /// `value` with exactly `decimals` digits after the point (0...15), rounded half away
  /// from zero (`Format.fixed`): never `-0.00`; non-finite values give `0`, so a
  /// coordinate is always a number.
  static func fixed(_ value: Double, decimals: Int = 2) -> String {
    value.isFinite ? Format.fixed(value, min(max(decimals, 0), 15)) : "0"
  }

}
