import Testing

@testable import FluxReport

/// XML escaping: the five characters with meaning in markup, what XML 1.0 forbids in a
/// document, and text that needs nothing (the fast path returns it as it is).
@Suite struct XMLTextTests {
  @Test func escapesTheFiveMarkupCharacters() {
    #expect(XMLText.escape("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")
  }

  @Test func replacesWhatXMLForbidsAndKeepsWhitespace() {
    #expect(XMLText.escape("a\u{0}b\u{1B}c\u{1F}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    #expect(XMLText.escape("tab\tline\nreturn\r") == "tab\tline\nreturn\r")
    #expect(XMLText.escape("\u{FFFE}\u{FFFF}x") == "\u{FFFD}\u{FFFD}x")
  }

  @Test func leavesPlainTextAsItIs() {
    for text in ["", "M12.50,3.25 L14.00,2.75", "1,234.56", "DEL \u{7F}", "café ₿ 😀", "~!@#$%^*()_+-=[]{}|;:,./?`"] {
      #expect(XMLText.escape(text) == text)
    }
  }

  /// Every character of the first 256 code points, alone and in a plain text, against
  /// the rules written out here.
  @Test func everyLatinCharacterFollowsTheRules() {
    for value in UInt32(0)..<256 {
      let scalar = Unicode.Scalar(value)!
      let expected: String
      switch value {
      case 0x26: expected = "&amp;"
      case 0x3C: expected = "&lt;"
      case 0x3E: expected = "&gt;"
      case 0x22: expected = "&quot;"
      case 0x27: expected = "&apos;"
      case 0x09, 0x0A, 0x0D: expected = String(scalar)
      case 0..<0x20: expected = "\u{FFFD}"
      default: expected = String(scalar)
      }
      #expect(XMLText.escape(String(scalar)) == expected, "U+\(String(value, radix: 16))")
      #expect(XMLText.escape("x1" + String(scalar) + "y") == "x1" + expected + "y", "U+\(String(value, radix: 16))")
    }
  }
}
