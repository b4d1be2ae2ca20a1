import Foundation
import Testing

/// The command a manifest records is shell-quoted: whatever the scenario's path holds
/// (spaces, quotes, `$`, a newline), a shell reads it back as the words that were run.
@Suite struct ManifestCommandTests {
  @Test func theCommandRoundTripsThroughTheShell() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("it's a \"$HOME\" `folder`\nwith a newline")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let file = folder.appendingPathComponent("my scenario.yaml")
    try "name: quoted\nhorizon: 1d\nsample: 1d\nfleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 } }\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["run", file.path, "--seed", "7", "--out", "out"], in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: directory.appendingPathComponent("out/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let command = try #require(manifest["command"] as? String)
    // Single quotes around the path, each quote in it closed, escaped and reopened.
    let quoted = "'" + file.path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    #expect(command == "fluxsim run \(quoted) --seed 7")

    // A shell in which `fluxsim` prints each argument it is given, NUL-terminated.
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", #"fluxsim() { printf '%s\0' "$@"; }; "# + command]
    let out = Pipe()
    shell.standardOutput = out
    try shell.run()
    let words = out.fileHandleForReading.readDataToEndOfFile().split(separator: 0).map {
      String(decoding: $0, as: UTF8.self)
    }
    shell.waitUntilExit()
    #expect(words == ["run", file.path, "--seed", "7"])
  }
}
