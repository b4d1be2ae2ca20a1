import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `fluxsim check` end to end: pass and fail with the right status and message, baselines
/// recorded by --update and compared afterwards, JUnit XML a CI system can read.
@Suite struct CheckCommandTests {
  static let scenario = """
    name: checked
    horizon: { height: 2917315 }
    sample: { blocks: 100 }
    fleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 }, uptime: always, churn: none }
    expect:
      - { at: { height: 3071200 }, subsidy: { equals: "12.6" } }
      - { at: { height: 2020000 }, dev_fund: { equals: "0.5" } }
      - { invariant: amounts_sum_to_subsidy }

    """

  func setUp() throws -> (URL, String) {
    let directory = try CLI.temporaryDirectory()
    let file = directory.appendingPathComponent("checked.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    return (directory, file.path)
  }

  @Test func missingBaselinesFailThenUpdateRecordsThemAndChecksPass() throws {
    let (directory, file) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let baselines = directory.appendingPathComponent("baselines").path
    let first = try CLI.run(["check", file, "--baselines", baselines])
    #expect(first.status == 1)
    #expect(first.stdout.contains("| baseline \(baselines)/checked/emission.csv | recorded | missing | FAIL |"))
    #expect(first.stdout.contains("no baseline recorded; run `fluxsim check --update` to record it"))
    #expect(first.stdout.hasSuffix("3 passed, 2 failed\n"))
    let update = try CLI.run(["check", file, "--baselines", baselines, "--update"])
    #expect(update.status == 0)
    let again = try CLI.run(["check", file, "--baselines", baselines])
    #expect(again.status == 0, "\(again.stdout)")
    #expect(again.stdout.hasSuffix("5 passed, 0 failed\n"))
    // A changed baseline fails with a readable diff.
    let payouts = URL(fileURLWithPath: baselines).appendingPathComponent("checked/payouts.csv")
    let recorded = try String(contentsOf: payouts, encoding: .utf8)
    try recorded.replacingOccurrences(of: "stratus", with: "bamf").write(to: payouts, atomically: true, encoding: .utf8)
    let changed = try CLI.run(["check", file, "--baselines", baselines])
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("| baseline \(baselines)/checked/payouts.csv | unchanged | changed | FAIL |"))
    #expect(changed.stdout.contains("line 4 - 0,,0,bamf,"))
    #expect(changed.stdout.contains("line 4 + 0,,0,stratus,"))
  }

  /// Without --baselines, a check file's baselines are `baselines/<name>/` beside it, found
  /// from any working folder (as its data files are); --baselines still names the folder
  /// that holds them, relative to the working folder.
  @Test func baselinesLiveBesideTheCheckFile() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let checks = directory.appendingPathComponent("suite/checks")
    try FileManager.default.createDirectory(at: checks, withIntermediateDirectories: true)
    try Self.scenario.write(to: checks.appendingPathComponent("checked.yaml"), atomically: true, encoding: .utf8)
    let elsewhere = directory.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let file = "../suite/checks/checked.yaml"
    let update = try CLI.run(["check", file, "--update", "--quiet"], in: elsewhere)
    #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
    #expect(update.stdout.contains("| baseline ../suite/checks/baselines/checked/emission.csv | recorded | recorded |"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: checks.appendingPathComponent("baselines/checked").path)
        .sorted() == ["emission.csv", "payouts.csv"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    // From the check file's own folder and from the top, the same baselines pass.
    for (folder, path) in [(checks, "checked.yaml"), (directory, "suite/checks/checked.yaml")] {
      let again = try CLI.run(["check", path, "--quiet"], in: folder)
      #expect(again.status == 0, "\(again.stdout)")
      #expect(again.stdout.hasSuffix("5 passed, 0 failed\n"))
    }
    // --baselines names another folder: nothing recorded there yet.
    let other = try CLI.run(["check", file, "--baselines", "mine", "--quiet"], in: elsewhere)
    #expect(other.status == 1)
    #expect(other.stdout.contains("| baseline mine/checked/payouts.csv | recorded | missing | FAIL |"))
    let empty = try CLI.run(["check", file, "--baselines", ""], in: elsewhere)
    #expect(empty.status == 2 && empty.stderr == "error: --baselines must name a folder, found an empty path\n")
  }

  @Test func failingExpectationFailsWithExpectedAndActualAndJUnit() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let wrong = directory.appendingPathComponent("wrong.yaml")
    try Self.scenario.replacingOccurrences(of: "equals: \"12.6\"", with: "equals: \"12.5\"")
      .write(to: wrong, atomically: true, encoding: .utf8)
    let junit = directory.appendingPathComponent("results.xml")
    let result = try CLI.run(["check", wrong.path, "--baselines", directory.path, "--update", "--junit", junit.path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("| 1 | subsidy at height 3071200 | = 12.5 | 12.60000000 | FAIL |"))
    #expect(result.stdout.contains("| 2 | dev_fund at height 2020000 | = 0.5 | 0.50000000 | pass |"))
    let document = try XMLDocument(contentsOf: junit)
    let suites = try document.nodes(forXPath: "/testsuites")
    #expect(suites.count == 1)
    let root = try #require(suites.first as? XMLElement)
    #expect(root.attribute(forName: "tests")?.stringValue == "5")
    #expect(root.attribute(forName: "failures")?.stringValue == "1")
    let cases = try document.nodes(forXPath: "/testsuites/testsuite/testcase")
    #expect(cases.count == 5)
    let failures = try document.nodes(forXPath: "//testcase/failure")
    #expect(failures.count == 1)
    let failure = try #require(failures.first as? XMLElement)
    #expect(failure.attribute(forName: "message")?.stringValue == "expected = 12.5, found 12.60000000")
    #expect((failure.parent as? XMLElement)?.attribute(forName: "name")?.stringValue == "subsidy at height 3071200")
  }

  /// Dates and heights are checked when the file is loaded: a date outside the rules'
  /// clock (blocks 0 … 2,147,483,647) or a year UTCTime cannot read is bad input.
  @Test func datesAndHeightsOutsideTheChainAreBadInput() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let formatter = ISO8601DateFormatter()
    func date(ofBlock height: Int) -> String {
      // Mainnet's clock: 120 s blocks up to 2,019,999, then 30 s from 2,020,000 at 1,761,415,235.
      let seconds = height >= 2_020_000 ? (height - 2_020_000) * 30 : -30 - (2_019_999 - height) * 120
      return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(1_761_415_235 + seconds)))
    }
    let cases: [(String, String)] = [
      (
        "{ at: { date: 9999-12-31 }, supply: { equals: \"1\" } }",
        "expect[0].at.date: 9999-12-31T00:00:00Z is after block 2147483647, the highest height, which the rules' "
          + "clock puts at \(date(ofBlock: 2_147_483_647))"
      ),
      (
        "{ at: { date: 2000-01-01 }, subsidy: { equals: \"1\" } }",
        "expect[0].at.date: 2000-01-01T00:00:00Z is before block 0, which the rules' clock puts at \(date(ofBlock: 0))"
      ),
      (
        "{ at: { date: 0000-01-01 }, subsidy: { equals: \"1\" } }",
        "expect[0].at.date: expected a UTC date such as 2026-09-03 or 2026-09-03T01:32:00Z, found \"0000-01-01\""
      ),
      (
        "{ at: { height: 3000000000 }, supply: { equals: \"1\" } }",
        "expect[0].at.height: expected a height from 0 to 2147483647, found 3000000000"
      ),
    ]
    for (expectation, message) in cases {
      let file = directory.appendingPathComponent("dated.yaml")
      let text = Self.scenario.replacingOccurrences(
        of: "  - { at: { height: 3071200 }, subsidy: { equals: \"12.6\" } }", with: "  - \(expectation)")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let result = try CLI.run(["check", file.path, "--baselines", directory.path])
      #expect(result.status == 2, "\(expectation)")
      #expect(result.stderr.contains("dated.yaml:6:13: error: \(message)"), "\(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test func badExpectationIsBadInput() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bad = directory.appendingPathComponent("bad.yaml")
    try Self.scenario.replacingOccurrences(of: "equals: \"0.5\"", with: "equals: \"half\"")
      .write(to: bad, atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", bad.path])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "bad.yaml:7:44: error: expect[1].dev_fund.equals: expected an amount of FLUX, found \"half\""))
  }
}
