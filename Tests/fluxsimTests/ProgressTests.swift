import Foundation
import Testing

/// Progress on standard error when it is a file (a Slurm log, CI): a plain line at most
/// every `FLUXSIM_PROGRESS_SECONDS` (10 s unless set), then one summary line; `--quiet`
/// for none. A terminal's redrawn line cannot be captured here; it is drawn from the same
/// reports.
@Suite struct ProgressTests {
  static let scenario = """
    name: watched
    horizon: 3d
    sample: 1d
    replications: 4
    fleet: { nodes: { cumulus: 20, nimbus: 10, stratus: 10 } }

    """

  func setUp() throws -> URL {
    let directory = try CLI.temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("watched.yaml"), atomically: true, encoding: .utf8)
    return directory
  }

  @Test func aLogGetsLinesAtTheCadenceThenASummary() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    // One worker: four jobs one after the other, each taking far longer than 10 ms.
    let result = try CLI.run(
      ["run", "watched.yaml", "--workers", "1", "--out", "out"], in: directory,
      environment: ["FLUXSIM_PROGRESS_SECONDS": "0.01"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "", "every line ends with a line break, no carriage returns: \(result.stderr)")
    #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
    // `watched: 2/4 jobs, 49% · 15.8k blocks · 236k blocks/s · 0.1 s elapsed · ETA 0.1 s`:
    // jobs done and the percentage, neither going back.
    let line = #/watched: (\d)/4 jobs, (\d+)% · [0-9.]+k? blocks · [0-9.]+[kM]? blocks/s · .+ elapsed · ETA .+/#
    let progress = lines.dropLast(2).map { try? line.wholeMatch(in: $0) }
    #expect(progress.count >= 2 && progress.allSatisfy { $0 != nil }, "\(result.stderr)")
    let done = progress.compactMap { $0.flatMap { Int($0.output.1) } }
    let percent = progress.compactMap { $0.flatMap { Int($0.output.2) } }
    #expect(done == done.sorted() && percent == percent.sorted() && done.allSatisfy { $0 < 4 })
    // The summary counts every block the four jobs made, as summary.csv lists them.
    let pattern = #/watched: 4 jobs, ([0-9,]+) blocks in [0-9.:]+( s)? \([0-9.]+[kM]? blocks/s\)/#
    let summary = try #require(try pattern.wholeMatch(in: lines[lines.count - 2]), "\(result.stderr)")
    let table = try String(contentsOf: directory.appendingPathComponent("out/summary.csv"), encoding: .utf8)
    let rows = table.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let column = try #require(rows.first?.firstIndex(of: "blocks"))
    let blocks = rows.dropFirst().compactMap { Int($0[column]) }.reduce(0, +)
    #expect(rows.count == 5 && blocks > 0)
    #expect(Int(summary.output.1.filter { $0 != "," }) == blocks)
  }

  @Test func quietShowsNothing() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let environment = ["FLUXSIM_PROGRESS_SECONDS": "0.01"]
    let run = try CLI.run(
      ["run", "watched.yaml", "--out", "out", "--quiet"], in: directory, environment: environment)
    #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    #expect(run.stdout == "watched: 4 jobs → \(directory.path)/out\n")
    let check = try CLI.run(
      ["check", "watched.yaml", "--baselines", "b", "--update", "--quiet"], in: directory, environment: environment)
    #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
  }

  @Test func aMalformedCadenceIsBadInput() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    for value in ["0", "ten", "-1", "1e9", "nan"] {
      let result = try CLI.run(
        ["run", "watched.yaml", "--out", "out"], in: directory, environment: ["FLUXSIM_PROGRESS_SECONDS": value])
      #expect(result.status == 2)
      #expect(
        result.stderr
          == "error: FLUXSIM_PROGRESS_SECONDS must be the seconds between two progress lines, from 0.01 to 86400, "
          + "found \"\(value)\"\n")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["watched.yaml"])
  }
}
