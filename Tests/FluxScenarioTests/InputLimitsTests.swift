import FluxCore
import Foundation
import Testing

@testable import FluxScenario

/// The YAML layer is bounded before anything is decoded: anchors and aliases are refused
/// where they stand, while `&` and `*` inside values are text; nesting, lists, mappings,
/// scalars and files have documented limits, each refused with a located message.
@Suite struct InputLimitsTests {
  static let base = "name: x\nhorizon: 1y\n"

  func message(_ text: String) -> String {
    do {
      _ = try ScenarioLoader.load(file: "s.yaml", text: text)
      return "accepted"
    } catch {
      return error.description
    }
  }

  @Test func anchorsAndAliasesAreRefusedWhereTheyStand() {
    let refusal = "error: YAML anchors and aliases are not supported"
    #expect(message("name: &n x\nhorizon: 1y\n") == "s.yaml:1:7: \(refusal) (found &n); write the value out")
    #expect(message(Self.base + "seed: !!int &s 3\n") == "s.yaml:3:13: \(refusal) (found &s); write the value out")
    #expect(
      message("{\"name\": \"x\", \"horizon\": \"1y\", \"a\":*b}")
        == "s.yaml:1:36: \(refusal) (found *b); write the value out")
    #expect(
      message(Self.base + "sweep:\n  seed: [1, *one]\n") == "s.yaml:4:13: \(refusal) (found *one); write the value out")
    #expect(message(Self.base + "? *key\n: 1\n") == "s.yaml:3:3: \(refusal) (found *key); write the value out")
    // A continuation line opening with a quote hides the anchor from the scan: the walk
    // over the parsed nodes finds it on its node.
    #expect(
      message("name: x\ndescription: a\n  'b\nhorizon: &h 1y\n")
        == "s.yaml:4:10: \(refusal) (found &h); write the value out")
  }

  @Test func ampersandsAndStarsInsideValuesAreText() throws {
    let text =
      Self.base + "description: rock & roll *and* a*b # &not an anchor\n"
      + "fleet: { uptime: { online: { constant: { value: \"1d\" } }, offline: { constant: { value: '1h' } } } }\n"
      + "expect:\n  - { at: { height: 5 }, supply: { equals: \"&x *y\" } }\n"
    #expect(message(text).contains("expect[0].supply.equals: expected an amount"))
    let block = Self.base + "description: |\n  *bold* &text\n  *more*\nseed: 3\n"
    #expect(try ScenarioLoader.load(file: "s.yaml", text: block).scenario.description == "*bold* &text\n*more*\n")
  }

  @Test func structureLimitsAreLocated() {
    let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
    #expect(
      message(Self.base + "description: \(deep)\n")
        == "s.yaml:3:45: error: \(MessageText.shortened("description" + String(repeating: "[0]", count: 31))): "
        + "nested more than 32 levels deep")
    let values = (0...InputLimits.maxEntries).map(String.init).joined(separator: ",")
    #expect(
      message(Self.base + "sweep: { seed: [\(values)] }\n")
        == "s.yaml:3:16: error: sweep.seed: a list of 10,001 items; at most 10,000")
    let long = String(repeating: "x", count: InputLimits.maxScalarCharacters + 1)
    #expect(
      message(Self.base + "description: \(long)\n")
        == "s.yaml:3:14: error: description: a value of 10,001 characters; at most 10,000")
    let text = String(repeating: "#", count: InputLimits.maxFileBytes) + "\n" + Self.base
    #expect(message(text) == "s.yaml: error: the text has \(text.utf8.count.grouped) bytes; at most 4,194,304 (4 MiB)")
  }

  @Test func inputFilesAreRegularAndBoundedBeforeTheyAreRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func refusal(_ path: String) -> String {
      do {
        _ = try InputFile.text(path)
        return "read"
      } catch {
        return error.description
      }
    }
    let big = folder.appendingPathComponent("big.yaml").path
    _ = FileManager.default.createFile(atPath: big, contents: Data(count: InputLimits.maxFileBytes + 1))
    #expect(
      refusal(big)
        == "\(big): error: cannot read the file: it has 4,194,305 bytes; an input file may be at most 4,194,304 (4 MiB)"
    )
    let exact = folder.appendingPathComponent("exact.yaml").path
    _ = FileManager.default.createFile(atPath: exact, contents: Data(repeating: 0x23, count: InputLimits.maxFileBytes))
    #expect(try InputFile.text(exact).utf8.count == InputLimits.maxFileBytes)
    #expect(
      refusal("/dev/zero")
        == "/dev/zero: error: cannot read the file: it is not a regular file (a device, a pipe or a socket)")
    #expect(refusal(folder.path) == "\(folder.path): error: cannot read the file: it is a folder, not a file")
    #expect(
      refusal(folder.path + "/none.yaml") == "\(folder.path)/none.yaml: error: cannot read the file: no such file")
    let latin = folder.appendingPathComponent("latin.yaml").path
    _ = FileManager.default.createFile(atPath: latin, contents: Data([0x6E, 0x3A, 0xFF]))
    #expect(refusal(latin) == "\(latin): error: cannot read the file: not UTF-8 text")
  }

  @Test func excerptsAreShortAndEscaped() {
    // Quoted, control characters written as escapes (ESC as \u{1B}, a tab as \t).
    #expect("a\u{1B}[31m\tb".excerpt == "\"a\\u{1B}[31m\\tb\"")
    // 40 scalars are shown whole; 41 keep the first 39 and "…", and state the length.
    #expect(String(repeating: "y", count: 40).excerpt == "\"" + String(repeating: "y", count: 40) + "\"")
    #expect(
      String(repeating: "y", count: 41).excerpt == "\"" + String(repeating: "y", count: 39) + "…\" (41 characters)")
    #expect(10_518_984_000.grouped == "10,518,984,000")
    #expect((-1_000).grouped == "-1,000")
  }
}
