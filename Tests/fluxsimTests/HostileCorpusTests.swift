import Foundation
import Testing

/// Every file of the hostile corpus (`Tests/Hostile/`) through the built binary: each must
/// be refused with a clear message and exit status 1 or 2 (or the status its header
/// names), never a trap, within seconds and bounded memory, leaving its folder as it was.
///
/// A case is a `.yaml`, `.json` or `.case` file whose first lines are `#` directives:
///
///     # run: validate {}                 the arguments; {} is the case file's name (required)
///     # exit: 2                          the exit status (default: 1 or 2)
///     # stderr: :3:5: error: fleet.nodes  text standard error must contain (any number)
///
/// Commands run in a fresh copy of the case's folder, so relative paths name the files
/// beside the case; the copy's parent holds `outside.csv`, for paths that try to leave it.
@Suite struct HostileCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Hostile")

  @Test(arguments: HostileCase.all(in: corpus))
  func refusedCleanly(_ hostile: HostileCase) throws {
    let sandbox = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: sandbox) }
    let folder = sandbox.appendingPathComponent("case")
    try FileManager.default.copyItem(at: hostile.url.deletingLastPathComponent(), to: folder)
    try "date,usd\n2026-01-01,0.3\n".write(
      to: sandbox.appendingPathComponent("outside.csv"), atomically: true, encoding: .utf8)
    let before = try CLI.listing(of: sandbox)
    let result = try CLI.runBounded(hostile.arguments, in: folder)
    let shown = "\(hostile.name): status \(result.status), stderr:\n\(result.stderr.prefix(2_000))"
    let signalled = result.signalled
    #expect(!signalled, "killed by a signal or a limit (trap, hang or memory): \(shown)")
    let statusExpected = hostile.statuses.contains(result.status)
    #expect(statusExpected, "expected status \(hostile.statuses): \(shown)")
    let saysError = result.stderr.contains("error")
    #expect(saysError, "no error message: \(shown)")
    let missing = hostile.stderr.filter { !result.stderr.contains($0) }
    #expect(missing.isEmpty, "missing \(missing): \(shown)")
    let markers = ["Fatal error", "Backtrace", "NSCocoaErrorDomain", "\u{1B}["].filter(result.stderr.contains)
    #expect(markers.isEmpty, "\(markers) in: \(shown)")
    let lines = result.stderr.split(separator: "\n").count
    #expect(lines <= 25, "\(lines) lines of errors, more than 25: \(shown)")
    let unchanged = try CLI.listing(of: sandbox) == before
    #expect(unchanged, "files changed by a refused command: \(shown)")
  }

  @Test func theCorpusIsLargeAndEveryCaseRuns() {
    let cases = HostileCase.all(in: Self.corpus)
    #expect(cases.count >= 150, "only \(cases.count) hostile cases")
    #expect(cases.allSatisfy { !$0.arguments.isEmpty })
  }
}

/// One file of the hostile corpus with its directives.
struct HostileCase: Sendable, CustomTestStringConvertible {
  let url: URL
  /// The path below the corpus folder, e.g. `rules/tiny-reduction.yaml`.
  let name: String
  let arguments: [String]
  let statuses: [Int32]
  let stderr: [String]

  var testDescription: String { name }

  static func all(in corpus: URL) -> [HostileCase] {
    guard let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else { return [] }
    var cases: [HostileCase] = []
    for case let url as URL in walker where ["yaml", "json", "case"].contains(url.pathExtension) {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      let name = String(url.standardizedFileURL.path.dropFirst(corpus.standardizedFileURL.path.count + 1))
      cases.append(HostileCase(url: url, name: name, text: text))
    }
    return cases.sorted { $0.name < $1.name }
  }

  init(url: URL, name: String, text: String) {
    self.url = url
    self.name = name
    var arguments: [String] = []
    var statuses: [Int32] = [1, 2]
    var stderr: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("#") else { break }
      let body = line.dropFirst().drop { $0 == " " }
      guard let colon = body.firstIndex(of: ":") else { continue }
      let value = String(body[body.index(after: colon)...].drop { $0 == " " })
      switch body[..<colon] {
      case "run":
        arguments = value.split(separator: " ").map { $0 == "{}" ? url.lastPathComponent : String($0) }
      case "exit": statuses = Int32(value).map { [$0] } ?? []
      case "stderr": stderr.append(value)
      default: continue
      }
    }
    self.arguments = arguments
    self.statuses = statuses
    self.stderr = stderr
  }
}
