import Foundation
import Testing

/// `fluxsim diff-rules` end to end: stdout, stderr, exit status and the --out file.
@Suite struct DiffRulesCommandTests {
  func rulesFile(_ yaml: String, in directory: URL) throws -> String {
    let file = directory.appendingPathComponent("proposal.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  @Test func noOpProposalHasNoDifference() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try rulesFile("overrides:\n  subsidy:\n    pon_reduction_percent: 10\n", in: directory)
    let result = try CLI.run(["diff-rules", "--base", "mainnet", "--rules", rules])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("\nNo difference up to height 39031598.\n"))
  }

  @Test func fifteenPercentWrittenToAFile() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try rulesFile("overrides:\n  subsidy.pon_reduction_percent: 15\n", in: directory)
    let out = directory.appendingPathComponent("diff.md")
    let written = try CLI.run(["diff-rules", "--rules", rules, "--nodes", "3247,1615,1627", "--out", out.path])
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty && written.stderr.isEmpty)
    let report = try String(contentsOf: out, encoding: .utf8)
    #expect(report.contains("| block subsidy first differs | height 3071200, 2026-10-25T18:00:35Z |"))
    #expect(!report.contains("No difference"))
    #expect(try CLI.run(["diff-rules", "--rules", rules]).stdout == report)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["diff.md", "proposal.yaml"])
    let before = try CLI.run(["diff-rules", "--rules", rules, "--mode", "code", "--to-height", "3071199"])
    #expect(before.status == 0)
    #expect(before.stdout.contains("| supply mode | code |"))
    #expect(before.stdout.contains("\nNo difference up to height 3071199.\n"))
  }

  @Test func badRulesFileExitsTwoAndWritesNothing() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try rulesFile("overrides:\n  subsidy:\n    pon_reduction_percnt: 15\n", in: directory)
    let out = directory.appendingPathComponent("diff.md")
    let result = try CLI.run(["diff-rules", "--rules", rules, "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == "\(rules):3:5: error: overrides.subsidy.pon_reduction_percnt: unknown rule key; "
        + "did you mean 'subsidy.pon_reduction_percent'?\n")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func badOptionsAreUsageErrors() throws {
    #expect(try CLI.run(["diff-rules"]).status == 2)
    #expect(try CLI.run(["diff-rules", "--rules", "x.yaml", "--nodes", "1,2"]).status == 2)
    #expect(try CLI.run(["diff-rules", "--rules", "x.yaml", "--nodes", "0,2,3"]).status == 2)
    #expect(try CLI.run(["diff-rules", "--rules", "x.yaml", "--to-height", "-5"]).status == 2)
  }
}
