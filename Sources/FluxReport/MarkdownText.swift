import FluxCore

/// User text (a scenario's description, a sweep label, a fund's name, a file path) put
/// into Markdown so that it reads as the text it is, never as markup.
///
/// Reports are rendered (GitHub, editors, static sites), and a description holding
/// `<script>`, `![](https://tracker)`, a line break followed by `# Heading`, or a pipe in a
/// table cell would otherwise become HTML, an image fetched from elsewhere, a heading of
/// its own or a broken table.
public enum MarkdownText {
  /// `text` as one line of inline text, safe in a paragraph, a heading or (with its pipes
  /// escaped, as `Table` does for every cell) a table cell:
  ///
  /// - `&`, `<` and `>` become entities (no HTML, no autolinks);
  /// - `\`, `` ` `` and `[` are backslash-escaped (no code spans, no links or images);
  /// - line breaks and tabs become spaces and other control characters U+FFFD, so the
  ///   text stays on its line;
  /// - surrounding whitespace is dropped (four leading spaces would start a code block),
  ///   and a leading `#`, `-`, `+`, `*`, `_`, `~` or `1.`/`1)` is escaped, so the text
  ///   cannot open a heading, a list, a rule or a fence where it starts a line.
  ///
  /// Every escape is one CommonMark defines, so rendered text shows exactly what was given.
  public static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "`", "[":
        out += "\\"
        out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(inline(scalar))
      }
    }
    out = String(out.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    if let first = out.first, "#-+*_~".contains(first) { return "\\" + out }
    let digits = out.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let next = out.dropFirst(digits.count).first, next == "." || next == ")" {
      return digits + "\\" + out.dropFirst(digits.count)
    }
    return out
  }

  /// `scalar` as it may stand inside one line of Markdown: a line break or tab is a space,
  /// another control character U+FFFD.
  static func inline(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}": " "
    case _ where MessageText.isControl(scalar): "\u{FFFD}"
    default: scalar
    }
  }

  /// `text` as the content of a table cell: its pipes escaped (GFM reads `\|` as a pipe,
  /// inside code spans too) and its line breaks spaces, the markup it holds kept.
  static func cell(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == "|" { out += "\\|" } else { out.unicodeScalars.append(inline(scalar)) }
    }
    return out
  }

  /// `text` as a code span: in backticks, with a fence longer than any run of backticks
  /// inside (and spaces inside the fence when it starts or ends with one), on one line.
  public static func code(_ text: String) -> String {
    let line = String(String.UnicodeScalarView(text.unicodeScalars.map(inline)))
    let fence = String(repeating: "`", count: longestRun(of: "`", in: line) + 1)
    let pad = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
    return fence + pad + line + pad + fence
  }

  /// `text` as a fenced code block in `language`: the fence is longer than any run of
  /// backticks in the text, so no line of it can close the block early; control
  /// characters other than line feeds and tabs become U+FFFD.
  public static func codeBlock(_ text: String, language: String) -> String {
    let shown = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0 == "\n" || $0 == "\t" || !MessageText.isControl($0) ? $0 : "\u{FFFD}" }))
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: shown) + 1))
    return "\(fence)\(language)\n\(shown)\n\(fence)\n"
  }

  private static func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0
    var run = 0
    for each in text {
      run = each == character ? run + 1 : 0
      longest = max(longest, run)
    }
    return longest
  }
}
