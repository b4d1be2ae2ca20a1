import Foundation
import Testing

/// An interrupted run says how to finish it: SIGINT or SIGTERM prints the partial folder,
/// the jobs stored and the exact command with `--resume`, exits 130 or 143 and leaves no
/// lock; the printed command, pasted into a shell, finishes the run with the same bytes.
@Suite(.serialized) struct InterruptTests {
  /// About a second per job in a debug build.
  static let scenario = """
    name: slow
    horizon: 30d
    sample: 1d
    replications: 6
    fleet: { nodes: { cumulus: 200, nimbus: 100, stratus: 100 } }

    """

  /// Starts a run into `my out`, waits until it has stored a job, sends `signal` and
  /// returns its exit status and standard error.
  func interrupt(with signal: Int32, in directory: URL) throws -> (Int32, String) {
    let (process, errors) = try CLI.start(["run", "slow.yaml", "--out", "my out", "--workers", "1"], in: directory)
    let jobs = directory.appendingPathComponent(".my out.partial/jobs")
    CLI.wait { ((try? FileManager.default.contentsOfDirectory(atPath: jobs.path))?.count ?? 0) >= 1 }
    kill(process.processIdentifier, signal)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    return (process.terminationStatus, stderr)
  }

  @Test func theLineNamesResumeAndTheResumedRunGivesTheSameBytes() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.scenario.write(to: directory.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    let (status, stderr) = try interrupt(with: SIGINT, in: directory)
    #expect(status == 130)
    let finish = "fluxsim run slow.yaml --out 'my out' --resume"
    // The last line (a progress line may come first if a job took more than 10 s).
    #expect(stderr.split(separator: "\n").last?.hasPrefix("interrupted: ") == true, "\(stderr)")
    #expect(
      stderr.hasSuffix(
        " of 6 jobs of slow are stored in \(directory.path)/.my out.partial; to finish the run: \(finish)\n"),
      "\(stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [".my out.partial", "slow.yaml"])

    // The command as printed, through a shell in which `fluxsim` is the built binary.
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", "fluxsim() { \"$FLUXSIM\" \"$@\"; }; " + finish]
    shell.environment = ["FLUXSIM": CLI.executable.path]
    shell.currentDirectoryURL = directory
    // Its result line and progress summary would land in the test log.
    shell.standardOutput = FileHandle.nullDevice
    shell.standardError = FileHandle.nullDevice
    try shell.run()
    shell.waitUntilExit()
    #expect(shell.terminationStatus == 0)
    #expect(try CLI.run(["run", "slow.yaml", "--out", "whole"], in: directory).status == 0)
    #expect(
      try CLI.contents(of: directory.appendingPathComponent("my out"))
        == CLI.contents(of: directory.appendingPathComponent("whole")))
  }

  @Test func sigtermExits143WithTheSameLine() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.scenario.write(to: directory.appendingPathComponent("slow.yaml"), atomically: true, encoding: .utf8)
    let (status, stderr) = try interrupt(with: SIGTERM, in: directory)
    #expect(status == 143)
    #expect(stderr.hasSuffix("to finish the run: fluxsim run slow.yaml --out 'my out' --resume\n"), "\(stderr)")
  }
}
