/// Text from an input file as an error message shows it: short, and unable to act on the
/// terminal it is printed to.
///
/// Messages echo what they found ("expected a duration, found \"…\""), and what they found
/// may be anything a file holds: ten thousand characters on one line, or an escape
/// sequence that recolours, moves the cursor or retitles the window of the terminal
/// reading the message. Values are therefore cut to `valueLimit` characters with their
/// full length stated, and control characters are written as escapes (`\u{1B}`) rather
/// than emitted.
public enum MessageText {
  /// The longest value shown whole, in Unicode scalars; a longer one keeps its first
  /// `valueLimit - 1` scalars and an ellipsis (so a shortened value is exactly this long).
  public static let valueLimit = 80

  /// `text` if it is at most `limit` scalars long, else its start, "…" and its length:
  /// `abcdefgh… (10000 characters)`.
  ///
  /// Scalars rather than `Character`s: a single grapheme may hold any number of combining
  /// scalars, and the point is to bound what is printed.
  public static func shortened(_ text: String, limit: Int = valueLimit) -> String {
    let count = text.unicodeScalars.count
    guard count > limit else { return text }
    return shortenedStart(text, limit: limit) + " (\(count) characters)"
  }

  /// `text` in double quotes, shortened inside them: `"abcdefgh…" (10000 characters)`.
  public static func quoted(_ text: String, limit: Int = valueLimit) -> String {
    let count = text.unicodeScalars.count
    guard count > limit else { return "\"\(text)\"" }
    return "\"\(shortenedStart(text, limit: limit))\" (\(count) characters)"
  }

  /// The first `limit - 1` scalars of `text` and "…".
  private static func shortenedStart(_ text: String, limit: Int) -> String {
    var start = String.UnicodeScalarView()
    start.append(contentsOf: text.unicodeScalars.prefix(max(0, limit - 1)))
    return String(start) + "…"
  }

  /// `text` with every control character written as an escape: `\n`, `\r`, `\t` and
  /// `\u{1B}`-style hex for the rest (C0, DEL and C1 controls, and the bidirectional
  /// overrides and isolates that make a terminal show text in another order than it has).
  ///
  /// - Parameter keepingLineBreaks: Leaves line feeds and tabs as they are, for text of
  ///   several lines (a list of problems); everything else is escaped all the same.
  public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard isControl(scalar) else {
        out.append(scalar)
        continue
      }
      switch scalar {
      case "\n" where keepingLineBreaks, "\t" where keepingLineBreaks: out.append(scalar)
      case "\n": out.append(contentsOf: "\\n".unicodeScalars)
      case "\r": out.append(contentsOf: "\\r".unicodeScalars)
      case "\t": out.append(contentsOf: "\\t".unicodeScalars)
      default: out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      }
    }
    return String(out)
  }

  /// Whether a terminal may act on `scalar` rather than show it: the C0 controls, DEL and
  /// the C1 controls (U+009B is an 8-bit CSI), the line and paragraph separators, and the
  /// bidirectional formatting characters.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
