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

  /// A change that sets its keys back to mainnet's values, and a real one: none, then a
  /// first difference at the activation.
  @Test func scheduledChanges() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let noOp = try rulesFile(
      "changes:\n  - name: as-is\n    at: { height: 3466630 }\n    overrides: { subsidy.pon_factor: 1, "
        + "subsidy.pon_reduction_percent: 10 }\n", in: directory)
    let same = try CLI.run(["diff-rules", "--rules", noOp])
    #expect(same.status == 0)
    #expect(same.stdout.contains("\nNo difference up to height 39031598.\n"))
    let halving = try rulesFile(
      "changes:\n  - name: halving\n    at: { height: 3466630 }\n    overrides: { subsidy.pon_factor: 1/2 }\n",
      in: directory)
    let differs = try CLI.run(["diff-rules", "--rules", halving])
    #expect(differs.status == 0)
    #expect(differs.stdout.contains("| cumulative supply first differs | height 3466630, 2027-03-12T01:15:35Z |"))
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

  @Test func badOptionsExitTwoNamingTheRange() throws {
    let nodes = "error: --nodes: expected three node counts cumulus,nimbus,stratus, each from 1 to 1000000000, found"
    let refusals: [([String], String)] = [
      (["--nodes", "1,2"], "\(nodes) \"1,2\"\n"),
      (["--nodes", "0,2,3"], "\(nodes) \"0,2,3\"\n"),
      (["--nodes", "1000000001,2,3"], "\(nodes) \"1000000001,2,3\"\n"),
      (["--nodes", "99999999999999999999,2,3"], "\(nodes) \"99999999999999999999,2,3\"\n"),
      (["--to-height=-5"], "error: --to-height must be a height from 0 to 2147483647, found -5\n"),
      (["--to-height", "2147483648"], "error: --to-height must be a height from 0 to 2147483647, found 2147483648\n"),
    ]
    for (options, message) in refusals {
      let result = try CLI.run(["diff-rules", "--rules", "x.yaml"] + options)
      #expect(result.status == 2, "\(options)")
      #expect(result.stderr == message)
    }
    #expect(try CLI.run(["diff-rules"]).status == 2)
  }

  /// A reduction interval as long as the chain: the proposal never reduces, so its first
  /// difference is mainnet's first reduction (2,020,000 + 1,051,200), and every later
  /// block pays 14 FLUX where mainnet pays less; compared through the highest height.
  @Test func aProposalThatNeverReducesComparedThroughTheHighestHeight() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = try rulesFile("overrides:\n  subsidy.pon_reduction_interval: 2147483647\n", in: directory)
    let result = try CLI.run(["diff-rules", "--rules", rules, "--to-height", "2147483647", "--mode", "code"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("| block subsidy first differs | height 3071200, 2026-10-25T18:00:35Z |"))
    let last = Date(timeIntervalSince1970: TimeInterval(1_761_415_235 + (2_147_483_647 - 2_020_000) * 30))
    let date = ISO8601DateFormatter().string(from: last)
    #expect(result.stdout.contains("| 2147483647 | \(date) | horizon | 1.70207313 | 14.00000000 |"))
  }
}
