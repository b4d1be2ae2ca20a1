import Testing

@testable import FluxReport

/// User text in Markdown reads as the text it is: no HTML, no markup of its own, one line.
@Suite struct MarkdownTextTests {
  @Test func htmlBecomesEntities() {
    #expect(MarkdownText.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    #expect(MarkdownText.escape("a & b <https://e.example>") == "a &amp; b &lt;https://e.example&gt;")
  }

  @Test func codeSpansLinksAndImagesAreEscaped() {
    #expect(MarkdownText.escape("run `rm -rf ~`") == "run \\`rm -rf ~\\`")
    #expect(MarkdownText.escape("![pixel](https://t.example/p.png)") == "!\\[pixel](https://t.example/p.png)")
    #expect(MarkdownText.escape("C:\\dir") == "C:\\\\dir")
  }

  @Test func lineBreaksStayOnOneLine() {
    #expect(MarkdownText.escape("a\nb") == "a b")
    #expect(MarkdownText.escape("a\r\nb\tc\u{2028}d") == "a  b c d")
    // The `#` no longer starts a line, so it is plain.
    #expect(MarkdownText.escape("ok\n# Heading") == "ok # Heading")
  }

  @Test func aLeadingBlockMarkerIsEscaped() {
    for (text, escaped) in [
      ("# Heading", "\\# Heading"), ("- item", "\\- item"), ("+ item", "\\+ item"), ("* item", "\\* item"),
      ("___", "\\___"), ("~~~", "\\~~~"), ("1. first", "1\\. first"), ("12) twelfth", "12\\) twelfth"),
      ("> quote", "&gt; quote"), ("    code", "code"), ("2026 was a year", "2026 was a year"),
    ] {
      #expect(MarkdownText.escape(text) == escaped, "\(text)")
    }
    // Inside a line the same characters are plain.
    #expect(MarkdownText.escape("a # b - c 1. d") == "a # b - c 1. d")
  }

  @Test func controlCharactersBecomeReplacementCharacters() {
    #expect(MarkdownText.escape("red\u{1B}(B\u{9B}x\u{202E}y") == "red\u{FFFD}(B\u{FFFD}x\u{FFFD}y")
  }

  @Test func pipesAreLeftToTables() {
    #expect(MarkdownText.escape("a|b") == "a|b")
    #expect(MarkdownText.cell("a|b\nc") == "a\\|b c")
  }

  @Test func codeSpansTakeALongerFence() {
    #expect(MarkdownText.code("12.50") == "`12.50`")
    #expect(MarkdownText.code("a`b") == "``a`b``")
    #expect(MarkdownText.code("`x") == "`` `x ``")
    #expect(MarkdownText.code("a\nb") == "`a b`")
  }

  @Test func codeBlocksCannotBeClosedFromInside() {
    let text = "fluxsim run 'a\n```\n<b>x</b>'"
    #expect(MarkdownText.codeBlock(text, language: "sh") == "````sh\n\(text)\n````\n")
    #expect(MarkdownText.codeBlock("a\u{1B}[2Jb\tc", language: "sh") == "```sh\na\u{FFFD}[2Jb\tc\n```\n")
  }
}
