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
