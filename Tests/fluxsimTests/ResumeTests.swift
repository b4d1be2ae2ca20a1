import Foundation
import Testing

/// `--resume` finishes an interrupted run only when nothing changed: a changed scenario,
/// other settings, a shard for a whole run or a tampered job file are refused with exit
/// status 2 and the interrupted run is left as it was; a run without `--resume` says which
/// finished jobs it discards.
@Suite(.serialized) struct ResumeTests {
  static let scenario = """
    name: resumed
    horizon: 2d
    sample: 1d
    replications: 6
    fleet: { nodes: { cumulus: 6, nimbus: 4, stratus: 4 } }

    """

  /// A folder with the scenario and the working folder an interrupted `run --shard 0/1
  /// --out out` leaves: every job but 4 and 5 stored.
  func setUp() throws -> (URL, URL) {
    let directory = try CLI.temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("resumed.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", "resumed.yaml", "--shard", "0/1", "--out", "first"], in: directory).status == 0)
    let partial = directory.appendingPathComponent(".out.partial")
    try FileManager.default.moveItem(at: directory.appendingPathComponent("first"), to: partial)
    for index in [4, 5] { try FileManager.default.removeItem(at: partial.appendingPathComponent("jobs/\(index).json")) }
    return (directory, partial)
  }

  func expectResumeRefused(
    _ arguments: [String], in directory: URL, because reason: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let partial = directory.appendingPathComponent(".out.partial")
    let before = try CLI.contents(of: partial)
    let result = try CLI.run(["run", "resumed.yaml", "--out", "out", "--resume"] + arguments, in: directory)
    #expect(result.status == 2, sourceLocation: sourceLocation)
    #expect(
      result.stderr
        == "error: cannot resume \(directory.path)/out: \(reason); run without --resume to start over\n",
      sourceLocation: sourceLocation)
    #expect(try CLI.contents(of: partial) == before, sourceLocation: sourceLocation)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [".out.partial", "resumed.yaml"],
      sourceLocation: sourceLocation)
  }

  @Test func anUnchangedRunResumesToTheSameBytes() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let resumed = try CLI.run(["run", "resumed.yaml", "--shard", "0/1", "--out", "out", "--resume"], in: directory)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    // Only the two jobs the interrupted run did not store are run again.
    #expect(resumed.stderr.hasPrefix("resumed: 2 jobs, ") && resumed.stderr.filter { $0 == "\n" }.count == 1)
    #expect(try CLI.run(["run", "resumed.yaml", "--shard", "0/1", "--out", "fresh"], in: directory).status == 0)
    #expect(
      try CLI.contents(of: directory.appendingPathComponent("out"))
        == CLI.contents(of: directory.appendingPathComponent("fresh")))
  }

  @Test func aChangedScenarioIsRefused() throws {
    let (directory, _) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.scenario.replacingOccurrences(of: "horizon: 2d", with: "horizon: 3d").write(
      to: directory.appendingPathComponent("resumed.yaml"), atomically: true, encoding: .utf8)
    try expectResumeRefused(
      ["--shard", "0/1"], in: directory, because: "the scenario file resumed.yaml changed since the interrupted run")
  }

  @Test func otherSettingsAreRefused() throws {
    let (directory, partial) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try expectResumeRefused([], in: directory, because: "the interrupted run was shard 0/1, this one is a whole run")
    let manifest = try String(contentsOf: partial.appendingPathComponent("manifest.json"), encoding: .utf8)
    let seed = try #require(manifest.split(separator: "\n").last { $0.hasPrefix("  \"seed\" : ") })
    try expectResumeRefused(
      ["--shard", "0/1", "--seed", "5"], in: directory,
      because: "the interrupted run had other settings: seed \(seed.dropFirst(11).dropLast()), now 5")
  }

  /// A folder written before manifest format 2 (whose rules hash was computed another
  /// way) is refused by what it is, not taken for a run on other rules or resumed.
  @Test func aFolderOfAnEarlierManifestFormatIsRefused() throws {
    let (directory, partial) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = partial.appendingPathComponent("manifest.json")
    let manifest = try String(contentsOf: url, encoding: .utf8)
    let current = try #require(manifest.split(separator: "\n").first { $0.hasPrefix("  \"fluxsim_version\" : ") })
    let old = manifest.replacingOccurrences(of: "\"format\" : 2,", with: "\"format\" : 1,")
      .replacingOccurrences(of: current, with: "  \"fluxsim_version\" : \"0.4.0\",")
    #expect(old != manifest)
    try old.write(to: url, atomically: true, encoding: .utf8)
    try expectResumeRefused(
      ["--shard", "0/1"], in: directory,
      because: "the interrupted run had other settings: it was written by fluxsim 0.4.0 in manifest format 1; this "
        + "fluxsim \(current.dropFirst(23).dropLast(2)) writes format 2, whose rules hash is computed differently")
  }

  @Test func aTamperedJobFileIsRefused() throws {
    let (directory, partial) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.removeItem(at: partial.appendingPathComponent("jobs/0.json"))
    try FileManager.default.copyItem(
      at: partial.appendingPathComponent("jobs/1.json"), to: partial.appendingPathComponent("jobs/0.json"))
    try expectResumeRefused(
      ["--shard", "0/1"], in: directory,
      because: "the stored job \(partial.path)/jobs/0.json holds job 1, not job 0: a job file was copied or renamed")
  }

  @Test func aRunWithoutResumeSaysWhatItDiscards() throws {
    let (directory, partial) = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CLI.run(["run", "resumed.yaml", "--out", "out"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "note: discarding 4 finished jobs of an interrupted run in \(partial.path); to keep them, finish that run "
        + "with --resume instead")
    // Then all six jobs run.
    #expect(lines.count == 2 && lines[1].hasPrefix("resumed: 6 jobs, "), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["out", "resumed.yaml"])
  }
}
