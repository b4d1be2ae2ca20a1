import Foundation
import Testing

/// `--out` and the other outputs never destroy what fluxsim did not make: each refusal
/// exits 2 before any work, names the path and leaves every file byte for byte; an output
/// fluxsim wrote before is replaced whole, with nothing left beside it.
@Suite struct OutputSafetyTests {
  static let scenario = """
    name: tiny
    horizon: 1d
    sample: 1d
    fleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 } }

    """

  /// A throwaway folder as a user's might be: the scenario, notes and a folder of photos.
  func setUp() throws -> URL {
    let directory = try CLI.temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
    try "my notes\n".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let photos = directory.appendingPathComponent("photos/2024")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    try Data([0xFF, 0xD8, 0x00, 0x01]).write(to: photos.appendingPathComponent("beach.jpg"))
    return directory
  }

  /// Runs `arguments` from `workingDirectory` and expects exit status 2, standard error
  /// holding `message`, and `directory` exactly as it was (every file's bytes, every path).
  func expectRefusal(
    _ arguments: [String], in directory: URL, from workingDirectory: URL? = nil, message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let files = try CLI.contents(of: directory)
    let paths = try CLI.listing(of: directory)
    let result = try CLI.run(arguments, in: workingDirectory ?? directory)
    #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(try CLI.contents(of: directory) == files, "\(arguments) changed a file", sourceLocation: sourceLocation)
    #expect(try CLI.listing(of: directory) == paths, "\(arguments) changed the folder", sourceLocation: sourceLocation)
  }

  @Test func theCurrentFolderAndItsParentAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let replaces = "fluxsim replaces the folder it writes, so give --out a new folder or one fluxsim wrote"
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "."], in: directory,
      message: "error: --out \(directory.path) is the current folder; \(replaces)\n")
    let inner = directory.appendingPathComponent("inner")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
    try expectRefusal(
      ["run", "../tiny.yaml", "--out", ".."], in: directory, from: inner,
      message: "error: --out \(directory.path) is a folder that holds the current folder; \(replaces)\n")
    try Self.scenario.replacingOccurrences(of: "name: tiny", with: "name: other").write(
      to: inner.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
    try expectRefusal(
      ["compare", "../tiny.yaml", "other.yaml", "--out", "."], in: directory, from: inner,
      message: "error: --out \(inner.path) is the current folder; \(replaces)\n")
  }

  @Test func filesAndForeignFoldersAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.path
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "notes.txt"], in: directory,
      message: "error: --out \(path)/notes.txt is a file, not a folder; ")
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "tiny.yaml"], in: directory,
      message: "error: --out \(path)/tiny.yaml is a file, not a folder; ")
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "photos"], in: directory,
      message:
        "error: --out \(path)/photos is not a fluxsim run folder: it holds files but no readable manifest.json of a "
        + "fluxsim run; ")
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "notes.txt/run"], in: directory,
      message: "error: --out \(path)/notes.txt/run is inside \(path)/notes.txt, which is a file, not a folder\n")
    try FileManager.default.createSymbolicLink(
      at: directory.appendingPathComponent("link"), withDestinationURL: directory.appendingPathComponent("photos"))
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "link"], in: directory,
      message: "error: --out \(path)/link is a symbolic link, not a folder fluxsim wrote; ")
    // A named pipe: refused as an output, and as a scenario read without waiting for a writer.
    #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o644) == 0)
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "pipe"], in: directory,
      message: "error: --out \(path)/pipe is a device, pipe or socket, not a folder; ")
    try expectRefusal(
      ["validate", "pipe"], in: directory,
      message: "pipe: error: cannot read the file: it is not a regular file (a device, a pipe or a socket)\n")
  }

  @Test func theScenarioFolderAndItsAncestorsAreRefused() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let elsewhere = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let folder = directory.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let file = folder.appendingPathComponent("tiny.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    for out in [folder, directory] {
      try expectRefusal(
        ["run", file.path, "--out", out.path], in: directory, from: elsewhere,
        message: "error: --out \(out.path) holds the scenario file \(file.path); ")
    }
    #expect(try CLI.listing(of: elsewhere).isEmpty)
  }

  @Test func aPreviousRunIsReplacedWholeAndNothingIsLeftBeside() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try CLI.run(["run", "tiny.yaml", "--out", "out", "--seed", "1"], in: directory).status == 0)
    let replaced = try CLI.run(["run", "tiny.yaml", "--out", "out", "--seed", "2"], in: directory)
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(try CLI.run(["run", "tiny.yaml", "--out", "fresh", "--seed", "2"], in: directory).status == 0)
    let out = try CLI.contents(of: directory.appendingPathComponent("out"))
    #expect(out == (try CLI.contents(of: directory.appendingPathComponent("fresh"))))
    let manifest = try JSONSerialization.jsonObject(with: try #require(out["manifest.json"])) as? [String: Any]
    #expect(manifest?["seed"] as? Int == 2)
    // No working folder, old folder or lock file is left: only what was there and the two outputs.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "fresh", "notes.txt", "out", "photos", "tiny.yaml",
      ])
  }

  @Test func aRunFolderHoldingAUsersFileIsNotReplaced() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try CLI.run(["run", "tiny.yaml", "--out", "out"], in: directory).status == 0)
    try "mine\n".write(to: directory.appendingPathComponent("out/summary-notes.md"), atomically: true, encoding: .utf8)
    try expectRefusal(
      ["run", "tiny.yaml", "--out", "out"], in: directory,
      message:
        "error: --out \(directory.path)/out is not a fluxsim run folder: it holds files that fluxsim did not write "
        + "there: summary-notes.md; ")
  }

  /// A folder checked at the start and changed during the run is checked again before it
  /// is replaced: the previous outputs and the user's file stay, the new ones wait beside.
  @Test func aFolderChangedDuringTheRunIsNotReplaced() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let slow = Self.scenario.replacingOccurrences(of: "horizon: 1d", with: "horizon: 20d") + "replications: 6\n"
    try slow.write(to: directory.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", "tiny.yaml", "--out", "out"], in: directory).status == 0)
    let previous = try CLI.contents(of: directory.appendingPathComponent("out"))
    let (process, errors) = try CLI.start(
      ["run", "slow.yaml", "--out", "out", "--workers", "1", "--quiet"], in: directory)
    let jobs = directory.appendingPathComponent(".out.partial/jobs")
    CLI.wait { ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path))?.count ?? 0) >= 1 }
    try "mine\n".write(to: directory.appendingPathComponent("out/added.txt"), atomically: true, encoding: .utf8)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let out = directory.appendingPathComponent("out")
    #expect(
      stderr
        == "error: \(out.path) is not a fluxsim run folder: it holds files that fluxsim did not write there: "
        + "added.txt, so it was not replaced; the new outputs are in \(directory.path)/.out.partial\n")
    var expected = previous
    expected["added.txt"] = Data("mine\n".utf8)
    #expect(try CLI.contents(of: out) == expected)
  }

  @Test func compareCheckAndDiffRulesOutputsFollowTheSameRules() throws {
    let directory = try setUp()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.path
    try Self.scenario.replacingOccurrences(of: "name: tiny", with: "name: other").write(
      to: directory.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
    // A comparison replaces a comparison, not a run's folder or a user's.
    for _ in 0..<2 {
      let compare = try CLI.run(["compare", "tiny.yaml", "other.yaml", "--out", "cmp"], in: directory)
      #expect(compare.status == 0, "\(compare.stderr)")
    }
    #expect(try CLI.run(["run", "tiny.yaml", "--out", "out"], in: directory).status == 0)
    try expectRefusal(
      ["compare", "tiny.yaml", "other.yaml", "--out", "out"], in: directory,
      message: "error: --out \(path)/out is not a fluxsim comparison folder: ")
    // JUnit: a new file, then the same file again; never a user's file or the scenario.
    for _ in 0..<2 {
      #expect(try CLI.run(["check", "tiny.yaml", "--junit", "results.xml"], in: directory).status == 1)
    }
    try expectRefusal(
      ["check", "tiny.yaml", "--junit", "notes.txt"], in: directory,
      message:
        "error: --junit notes.txt is a file that is not a JUnit report of fluxsim check; fluxsim replaces the file "
        + "it writes, so give --junit a new file or one fluxsim wrote\n")
    try expectRefusal(
      ["check", "tiny.yaml", "--junit", "tiny.yaml"], in: directory,
      message: "error: --junit tiny.yaml is a file that is not a JUnit report of fluxsim check")
    // Baselines: recorded twice over the same folder; a folder holding anything else is refused.
    for _ in 0..<2 {
      #expect(try CLI.run(["check", "tiny.yaml", "--update", "--baselines", "baselines"], in: directory).status == 0)
    }
    try "mine\n".write(
      to: directory.appendingPathComponent("baselines/tiny/notes.txt"), atomically: true, encoding: .utf8)
    try expectRefusal(
      ["check", "tiny.yaml", "--update", "--baselines", "baselines"], in: directory,
      message:
        "error: the baselines folder \(path)/baselines/tiny is not a fluxsim baselines folder: it holds files that "
        + "fluxsim did not write there: notes.txt; fluxsim replaces the folder it writes, so give --baselines")
    // diff-rules --out: a report replaces a report, not a user's file.
    try "overrides:\n  subsidy.pon_reduction_percent: 15\n".write(
      to: directory.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
    for _ in 0..<2 {
      #expect(try CLI.run(["diff-rules", "--rules", "rules.yaml", "--out", "diff.md"], in: directory).status == 0)
    }
    try expectRefusal(
      ["diff-rules", "--rules", "rules.yaml", "--out", "notes.txt"], in: directory,
      message: "error: --out notes.txt is a file that is not a report of fluxsim diff-rules; ")
  }
}
