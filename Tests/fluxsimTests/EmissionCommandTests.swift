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

  /// A scheduled change is an event row; the reductions after it keep their numbers, and
  /// the Markdown header lists the change.
  @Test func scheduledChangeIsAnEventRow() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("halving.yaml")
    try """
    changes:
      - name: pa-depletion-halving
        at: { height: 3466630 }
        overrides: { subsidy.pon_factor: 1/2 }
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["emission", "--rules", file.path, "--to-height", "4122400"])
    #expect(result.status == 0)
    let rows = lines(result.stdout)
    // 12.6 / 2 = 6.3 at the change; 6.3 × 0.9 = 5.67 at reduction 2.
    #expect(rows.contains { $0.hasPrefix("3466630,2027-03-12T01:15:35Z,change: pa-depletion-halving,6.30000000,") })
    #expect(rows.contains { $0.hasPrefix("4122400,2027-10-25T18:00:35Z,PoN reduction 2,5.67000000,") })
    let markdown = try CLI.run(["emission", "--rules", file.path, "--format", "markdown", "--heights", "3466630"])
    #expect(
      markdown.stdout.contains(
        "Scheduled changes:\n\n- `pa-depletion-halving` from height 3466630 (2027-03-12T01:15:35Z): "
          + "`subsidy.pon_factor`: `1/2`\n"))
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

  @Test func badOptionsExitTwoNamingTheRange() throws {
    let refusals: [([String], String)] = [
      (["--every", "0"], "error: --every must be a number of blocks from 1 to 2147483647, found 0\n"),
      (
        ["--every", "1000000000000000"],
        "error: --every must be a number of blocks from 1 to 2147483647, found 1000000000000000\n"
      ),
      (["--to-height", "2147483648"], "error: --to-height must be a height from 0 to 2147483647, found 2147483648\n"),
      (["--to-height=-1"], "error: --to-height must be a height from 0 to 2147483647, found -1\n"),
      (["--heights", "1,x"], "error: --heights: expected comma-separated heights from 0 to 2147483647, found \"x\"\n"),
      (
        ["--heights", "2147483648"],
        "error: --heights: expected comma-separated heights from 0 to 2147483647, found \"2147483648\"\n"
      ),
      (["--heights=-5"], "error: --heights: expected comma-separated heights from 0 to 2147483647, found \"-5\"\n"),
      (["--heights", ","], "error: --heights: expected comma-separated heights from 0 to 2147483647, found \"\"\n"),
      (["--heights", "7,3,7"], "error: --heights: height 7 is given twice\n"),
      (["--heights", "7", "--every", "3"], "error: --heights and --every exclude each other\n"),
      (
        ["--heights", "7", "--to-height", "3"],
        "error: --heights and --to-height exclude each other: --heights prints exactly the heights it names\n"
      ),
    ]
    for (options, message) in refusals {
      let result = try CLI.run(["emission"] + options)
      #expect(result.status == 2, "\(options)")
      #expect(result.stderr == message)
      #expect(result.stdout.isEmpty)
    }
    #expect(try CLI.run(["emission", "--mode", "exact"]).status == 2)
  }

  /// The last block of 2060 by mainnet's clock (a PoN block every 30 s from block
  /// 2,020,000 at 1,761,415,235), where the default table ends.
  func lastBlockOf2060() -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let end = calendar.date(from: DateComponents(year: 2061, month: 1, day: 1))!.timeIntervalSince1970
    return 2_020_000 + (Int(end) - 1 - 1_761_415_235) / 30
  }

  @Test func aTableTooLargeIsRefusedBeforeAnyRow() throws {
    let rows = lastBlockOf2060() + 1
    let result = try CLI.run(["emission", "--every", "1"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "error: --every 1 through height \(rows - 1) would print \(rows) rows; a table has at most 1000000: "
        + "raise --every or lower --to-height\n")
    // Heights 0, 2,147, … 1,000,000 × 2,147: one row past the limit (printing the
    // 1,000,000 rows of the largest table takes a debug build too long for a test).
    let tooMany = try CLI.run(["emission", "--every", "2147", "--to-height", String(1_000_000 * 2_147)])
    #expect(tooMany.status == 2 && tooMany.stdout.isEmpty)
    #expect(tooMany.stderr.contains("would print 1000001 rows; a table has at most 1000000"))
  }

  @Test func heightsPastTheDefaultEndArePrinted() throws {
    #expect(lastBlockOf2060() < 40_000_000)
    let result = try CLI.run(["emission", "--heights", "2147483647,40000000", "--mode", "code"])
    #expect(result.status == 0)
    let rows = lines(result.stdout).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(rows.map { String($0[0]) } == ["40000000", "2147483647"])
    // After the 20th reduction (23,044,000) every block pays 1.70207313 FLUX; the supply
    // at 23,044,000 is in exactRowsAtRequestedHeights.
    let tail = Int64(170_207_313)
    let supply = { (height: Int64) in 54_625_455_828_828_113 + tail * (height - 23_044_000) }
    let formatter = ISO8601DateFormatter()
    for (row, height) in zip(rows, [Int64(40_000_000), 2_147_483_647]) {
      let time = 1_761_415_235 + (height - 2_020_000) * 30
      #expect(String(row[1]) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time))))
      #expect(row[3] == "1.70207313")
      #expect(Int64(row[10].replacingOccurrences(of: ".", with: "")) == supply(height))
    }
  }
}
