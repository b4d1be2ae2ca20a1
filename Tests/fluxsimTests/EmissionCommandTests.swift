import Foundation
import Testing

/// `fluxsim emission` end to end: stdout, stderr and exit status of the real binary.
@Suite struct EmissionCommandTests {
  func lines(_ text: String) -> [String] { text.split(separator: "\r\n").map(String.init) }

  @Test func exactRowsAtRequestedHeights() throws {
    let result = try CLI.run(["emission", "--heights", "2020000,23044000", "--mode", "code"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      lines(result.stdout) == [
        "height,date,event,subsidy,cumulus,nimbus,stratus,miner,dev_fund,funds,cumulative_supply",
        "2020000,2025-10-25T18:00:35Z,PoN start,14.00000000,1.00000000,3.50000000,9.00000000,0.00000000,"
          + "0.50000000,0.00000000,416978763.97000000",
        "23044000,2045-10-20T18:00:35Z,PoN reduction 20,1.70207313,0.12157665,0.42551828,1.09418986,0.00000000,"
          + "0.06078834,0.00000000,546254558.28828113",
      ])
  }

  @Test func defaultTableHasEveryRuleChangeAndYearEnd() throws {
    let result = try CLI.run(["emission"])
    #expect(result.status == 0)
    let rows = lines(result.stdout).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let events = rows.map { String($0[2]) }
    for event in [
      "genesis", "premine", "halving 1", "halving 2", "halving 3 (frozen)", "PoN start",
      "PoN reduction 1", "PoN reduction 20", "exchange_fund", "foundation_fund", "swap_pool 10/10", "end of 2018",
      "end of 2060",
    ] {
      #expect(events.contains(event), "missing \(event)")
    }
    // genesis, premine, slow-start end; 3 halvings; payments start, FLUX upgrade; PoN
    // start; 20 reductions; 12 fund outputs; 43 year ends (2018 … 2060).
    #expect(rows.count == 3 + 3 + 2 + 1 + 20 + 12 + 43)
    let heights = rows.map { Int($0[0])! }
    #expect(heights == heights.sorted())
  }

  @Test func everyNStreamsOneHeader() throws {
    let result = try CLI.run(["emission", "--every", "1", "--to-height", "25000"])
    #expect(result.status == 0)
    let all = lines(result.stdout)
    #expect(all.count == 25_002)
    #expect(all.filter { $0.hasPrefix("height,") }.count == 1)
    #expect(all.last?.hasPrefix("25000,") == true)
  }

  @Test func markdownNamesTheRulesAndMode() throws {
    let result = try CLI.run(["emission", "--format", "markdown", "--heights", "2020000", "--mode", "code"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("# Emission schedule: mainnet, code supply mode\n"))
    #expect(result.stdout.contains("| 2020000 | 2025-10-25T18:00:35Z | PoN start | 14.00000000 |"))
  }

  @Test func rulesFileChangesTheSchedule() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("rules.yaml")
    try "overrides:\n  subsidy:\n    pon_reduction_percent: 15\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["emission", "--rules", file.path, "--heights", "3071200"])
    #expect(result.status == 0)
    // 14 × 0.85 = 11.9; tiers 11.9/14 × 1, 3.5, 9 = 0.85, 2.975, 7.65; dev fund 0.425.
    #expect(lines(result.stdout)[1].contains(",11.90000000,0.85000000,2.97500000,7.65000000,0.00000000,0.42500000,"))
  }

  @Test func badRulesFileExitsTwoWithLocatedError() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bad.yaml")
    try "overrides:\n  subsidy:\n    pon_reduction_percnt: 15\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["emission", "--rules", file.path])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == "\(file.path):3:5: error: overrides.subsidy.pon_reduction_percnt: unknown rule key; "
        + "did you mean 'subsidy.pon_reduction_percent'?\n")
    let missing = try CLI.run(["emission", "--rules", directory.appendingPathComponent("none.yaml").path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("none.yaml: error: cannot read the file"))
  }

  @Test func badOptionsAreUsageErrors() throws {
    let zero = try CLI.run(["emission", "--every", "0"])
    #expect(zero.status == 2)
    #expect(zero.stderr.contains("--every must be a positive number of blocks, found 0"))
    let heights = try CLI.run(["emission", "--heights", "1,x"])
    #expect(heights.status == 2)
    #expect(try CLI.run(["emission", "--mode", "exact"]).status == 2)
  }
}
