import FluxCore
import Foundation
import Testing

@testable import FluxReport

/// JSON text as `--format json` writes it: strings any reader parses back to the same
/// text, number cells written only when they are JSON numbers.
@Suite struct JSONTextTests {
  @Test func stringsRoundTripWhateverTheyHold() throws {
    for text in ["", "plain", "a \"quoted\" \\ path", "line\nbreak\tand\r", "\u{1B}[31mred\u{7}", "é ✓ 🚀", "\u{2028}"] {
      let json = JSONText.string(text)
      #expect(!json.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{1B}" }, "\(json)")
      let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
      #expect(parsed as? String == text)
    }
    #expect(JSONText.string("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
  }

  @Test func numbersAreWrittenOnlyWhenTheyAreJSONNumbers() {
    for number in ["0", "-0", "12", "-9.3298", "1.5e10", "2E-3", "429538223"] {
      #expect(JSONText.isNumber(number), "\(number)")
      #expect(JSONText.number(number) == number)
    }
    for text in ["", "01", "1.", ".5", "+1", "1e", "nan", "inf", "-inf", "0x10", "1,000", " 1", "1 "] {
      #expect(!JSONText.isNumber(text), "\(text)")
    }
    #expect(JSONText.number("") == "null")
    #expect(JSONText.number("nan") == "\"nan\"")
  }

  @Test func recordsKeepTheColumnsAndTheirKinds() throws {
    let table = Table(
      columns: ["height", "event", "amount"], rows: [["5", "=cmd|x", "0.12000000"], ["", "a,b", "-1.00000000"]])
    let lines = JSONText.records(table, numbers: ["height"])
    #expect(
      lines == [
        #"{"height":5,"event":"=cmd|x","amount":"0.12000000"}"#,
        #"{"height":null,"event":"a,b","amount":"-1.00000000"}"#,
      ])
    #expect(JSONText.array(lines) == "[\n" + lines.joined(separator: ",\n") + "\n]")
    #expect(JSONText.array([]) == "[]")
    let renamed = JSONText.records(table, keys: ["h", "e", "a"], numbers: ["h"])
    #expect(renamed.first == #"{"h":5,"e":"=cmd|x","a":"0.12000000"}"#)
  }

  @Test func ruleValuesKeepTheirText() {
    let value = RuleValue.map([
      RuleField(key: "share", value: .scalar("12.50")),
      RuleField(key: "steps", value: .list([.scalar("1"), .scalar("2/3")])),
    ])
    #expect(JSONText.ruleValue(value) == #"{"share":"12.50","steps":["1","2/3"]}"#)
  }
}
