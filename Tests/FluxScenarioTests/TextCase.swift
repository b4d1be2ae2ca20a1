import Testing

/// A parameterised case: a file's text and the message loading it must give. The test log
/// names a case by its message alone, on one line, instead of printing the whole text for
/// every case (`swift test` stays readable).
struct TextCase: Sendable, CustomTestStringConvertible {
  let text: String
  let message: String

  init(_ text: String, _ message: String) {
    self.text = text
    self.message = message
  }

  init(_ pair: (String, String)) { self.init(pair.0, pair.1) }

  var testDescription: String {
    let line = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    return line.count > 120 ? line.prefix(119) + "…" : String(line)
  }
}
