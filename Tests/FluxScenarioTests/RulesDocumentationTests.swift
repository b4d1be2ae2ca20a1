import FluxCore
import Foundation
import Testing

/// Scenarios/README.md is the user's reference for rules files: it must name every key
/// that `RuleOverrideKey.all` accepts, so the two cannot drift apart.
@Suite struct RulesDocumentationTests {
  @Test func everyOverrideKeyIsDocumented() throws {
    let readme = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scenarios/README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    for key in RuleOverrideKey.all.map(\.key) {
      let parts = key.split(separator: ".")
      if parts.first == "timers" {
        #expect(text.contains("`timers.<era>.<timer>`"))
        #expect(text.contains("`\(parts[1])`") && text.contains("`\(parts[2])`"), "\(key) is not documented")
      } else {
        #expect(text.contains("`\(key)`"), "\(key) is not documented in Scenarios/README.md")
      }
    }
  }
}
