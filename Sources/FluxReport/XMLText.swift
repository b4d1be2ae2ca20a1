/// Text for XML documents (SVG charts, JUnit reports).
enum XMLText {
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
}
