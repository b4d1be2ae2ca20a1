import FluxCore
import Testing

@testable import FluxScenario

/// What a problem prints: one line, escaped, of bounded length; and at most a screenful
/// of problems per file.
@Suite struct DiagnosticTests {
  @Test func controlCharactersAreEscapedInEveryPart() {
    let diagnostic = Diagnostic(
      file: "a\u{1B}[2J.yaml", line: 3, column: 5, keyPath: "fleet.k\u{1B}]0;t\u{7}",
      message: "found \"\u{9B}x\u{202E}\"\nerror: fake\r\t\u{0}")
    #expect(
      diagnostic.description
        == "a\\u{1B}[2J.yaml:3:5: error: fleet.k\\u{1B}]0;t\\u{7}: found \"\\u{9B}x\\u{202E}\"\\nerror: fake\\r\\t\\u{0}"
    )
  }

  @Test func textWithoutControlCharactersIsUnchanged() {
    let diagnostic = Diagnostic(file: "s.yaml", line: 2, keyPath: "name", message: "expected \"ünïcode\" ≥ 0 …")
    #expect(diagnostic.description == "s.yaml:2: error: name: expected \"ünïcode\" ≥ 0 …")
  }

  @Test func longQuotedValuesAreShortenedWithTheirLength() {
    let long = String(repeating: "x", count: 10_000)
    let diagnostic = Diagnostic(file: "s.yaml", keyPath: "horizon", message: "expected a duration, found \"\(long)\"")
    let shown = String(repeating: "x", count: MessageText.valueLimit - 1) + "…"
    #expect(
      diagnostic.description == "s.yaml: error: horizon: expected a duration, found \"\(shown)\" (10000 characters)")
    let fits = String(repeating: "y", count: MessageText.valueLimit)
    #expect(Diagnostic(file: "s.yaml", message: "found \"\(fits)\"").description == "s.yaml: error: found \"\(fits)\"")
  }

  @Test func aValueShortenedBeforeIsNotShortenedAgain() {
    let long = String(repeating: "z", count: 500)
    let echoed = RuleValue.scalar(long).shortDescription
    #expect(echoed == "\"\(String(repeating: "z", count: MessageText.valueLimit - 1))…\" (500 characters)")
    #expect(Diagnostic(file: "r.yaml", message: "found \(echoed)").description == "r.yaml: error: found \(echoed)")
  }

  @Test func lengthsCountScalarsSoCombiningMarksCannotHideALongValue() {
    let zalgo = "a" + String(repeating: "\u{301}", count: 1_000)
    #expect(zalgo.count == 1)
    #expect(MessageText.shortened(zalgo).hasSuffix("… (1001 characters)"))
    #expect(MessageText.shortened(zalgo).unicodeScalars.count == MessageText.valueLimit + " (1001 characters)".count)
  }

  @Test func anUnquotedValueIsBoundedByTheMessageLimit() {
    let message = String(repeating: "m", count: 600)
    let expected = String(repeating: "m", count: Diagnostic.messageLimit - 1) + "… (600 characters)"
    #expect(Diagnostic(file: "s.yaml", message: message).description == "s.yaml: error: " + expected)
  }

  @Test func aLongKeyPathIsShortened() {
    let key = String(repeating: "k", count: 300)
    let expected = String(repeating: "k", count: MessageText.valueLimit - 1) + "… (300 characters)"
    #expect(
      Diagnostic(file: "s.yaml", line: 1, column: 1, keyPath: key, message: "unknown key").description
        == "s.yaml:1:1: error: \(expected): unknown key")
  }

  @Test func atMostTwentyProblemsArePrintedThenACount() {
    func problems(_ count: Int) -> Diagnostics {
      Diagnostics(items: (1...count).map { Diagnostic(file: "c\u{1B}.yaml", line: $0, message: "bad") })
    }
    let lines = problems(25).description.split(separator: "\n")
    #expect(lines.count == Diagnostics.shownLimit + 1)
    #expect(lines[0] == "c\\u{1B}.yaml:1: error: bad")
    #expect(lines[19] == "c\\u{1B}.yaml:20: error: bad")
    #expect(lines[20] == "… and 5 more problems in c\\u{1B}.yaml")
    #expect(problems(20).description.split(separator: "\n").count == 20)
    #expect(!problems(20).description.contains("more problems"))
  }

  @Test func consoleTextKeepsItsLinesAndEscapesTheRest() {
    #expect(MessageText.escaped("a\nb\tc\u{1B}[31m\r", keepingLineBreaks: true) == "a\nb\tc\\u{1B}[31m\\r")
    #expect(MessageText.escaped("a\nb", keepingLineBreaks: false) == "a\\nb")
  }

  @Test func aScenarioWithManyMistakesPrintsTwentyAndACount() throws {
    let entries = (0..<50).map { index in
      "    - { name: k\(index), weight: -1, components: [{ cpu: 0.5, ram: 1GB, hdd: 10GB }], instances: 3, "
        + "subscription: 88000, renewal: 80% }"
    }
    let text = "name: c\nhorizon: 1d\napps:\n  arrivals: 1/day\n  catalogue:\n" + entries.joined(separator: "\n")
    let error = #expect(throws: Diagnostics.self) { try ScenarioLoader.load(file: "c.yaml", text: text) }
    let lines = try #require(error).description.split(separator: "\n")
    #expect(lines.count == 21)
    #expect(lines[0].hasPrefix("c.yaml:6:19: error: apps.catalogue[0].weight: "))
    #expect(lines[20] == "… and 30 more problems in c.yaml")
  }
}
