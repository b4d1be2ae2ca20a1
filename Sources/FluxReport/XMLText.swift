/// Text for XML documents (SVG charts, JUnit reports).
enum XMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces what XML 1.0 forbids in a document
  /// (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) with U+FFFD, so that any
  /// string can go into text or an attribute value.
  ///
  /// A text of printable ASCII without those five characters (every number and path a
  /// chart writes) is returned as it is, after one pass over its bytes: escaping it
  /// scalar by scalar was a third of the time a run spent on its charts (perf).
  static func escape(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !isSpecial($0) }) { return text }
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

  /// `&`, `<`, `>`, `"` and `'` as UTF-8 bytes.
  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
  }
}
