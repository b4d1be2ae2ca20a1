import Foundation
import Testing

/// The command line itself: `--version`, shell completion scripts through fluxsim's own
/// `main`, and option mistakes that say what is allowed.
@Suite struct CommandLineTests {
  /// The version is the one manifests record (`Manifest.fluxsimVersion`), read here from a
  /// run's manifest rather than restated.
  @Test func versionIsTheManifests() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "name: v\nhorizon: 1d\nsample: 1d\nfleet: { nodes: { cumulus: 5, nimbus: 5, stratus: 5 } }\n".write(
      to: directory.appendingPathComponent("v.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["run", "v.yaml", "--out", "out", "--quiet"], in: directory).status == 0)
    let data = try Data(contentsOf: directory.appendingPathComponent("out/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let recorded = try #require(manifest["fluxsim_version"] as? String)
    let version = try CLI.run(["--version"])
    #expect(version.status == 0 && version.stderr.isEmpty)
    #expect(version.stdout == recorded + "\n")
  }

  /// Each shell's script is printed with status 0, and bash loads its script and binds it
  /// to `fluxsim`.
  @Test func completionScriptsForEveryShell() throws {
    for (shell, opening) in [("bash", "#!/bin/bash"), ("zsh", "#compdef fluxsim"), ("fish", "")] {
      let result = try CLI.run(["--generate-completion-script", shell])
      #expect(result.status == 0 && result.stderr.isEmpty, "\(shell): \(result.stderr)")
      #expect(result.stdout.hasPrefix(opening), "\(shell)")
      for verb in ["run", "merge", "compare", "validate", "check", "diff-rules", "emission", "bench"] {
        #expect(result.stdout.contains(verb), "\(shell) lacks \(verb)")
      }
    }
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = ["-c", "source <(\"$FLUXSIM\" --generate-completion-script bash) && complete -p fluxsim"]
    bash.environment = ["FLUXSIM": CLI.executable.path]
    let out = Pipe()
    bash.standardOutput = out
    try bash.run()
    let bound = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    #expect(bash.terminationStatus == 0)
    #expect(bound == "complete -o filenames -F _fluxsim fluxsim\n")
    // Scenario files complete as YAML files.
    let script = try CLI.run(["--generate-completion-script", "bash"]).stdout
    #expect(script.contains("'!*.@(yaml|yml)'"))
    #expect(try CLI.run(["--generate-completion-script", "powershell"]).status == 2)
  }

  /// Every numeric option refused with its range, whether the value is out of range or no
  /// number at all; exit status 2.
  @Test(arguments: [
    (["run", "x.yaml", "--shard", "5/3"], "K must be 0 … 2 (below N), found 5"),
    (["run", "x.yaml", "--shard", "1/0"], "N (the number of shards) must be 1 … 1000000, found 0"),
    (["run", "x.yaml", "--replications", "-3"], "expected a whole number from 1 to 100000"),
    (["run", "x.yaml", "--workers", "many"], "expected a whole number from 1 to 4096"),
    (["compare", "x.yaml", "y.yaml", "--seed", "-1"], "expected a whole number from 0 to 18446744073709551615"),
    (["check", "x.yaml", "--workers", "0"], "expected a whole number from 1 to 4096"),
    (["emission", "--every", "abc"], "expected a number of blocks from 1 to 2147483647"),
    (["emission", "--every", "-3"], "--every must be a number of blocks from 1 to 2147483647, found -3"),
    (["emission", "--to-height", "1e30"], "expected a height from 0 to 2147483647"),
    (["emission", "--format", "xml"], "Please provide one of 'csv', 'markdown' or 'json'"),
    (["diff-rules", "--rules", "r.yaml", "--to-height", "x"], "expected a height from 0 to 2147483647"),
    (["diff-rules", "--rules", "r.yaml", "--format", "csv"], "Please provide one of 'markdown' and 'json'"),
    (["bench", "forecast", "--years", "ten"], "expected years above 0 and at most 100"),
    (["bench", "emission-table", "--count", "lots"], "expected a whole number from 1 to 100000 (emission-table)"),
    (["bench", "forecast-apps", "--app-scale", "big"], "expected a scale above 0 and at most 100"),
  ])
  func badOptionsSayWhatIsAllowed(arguments: [String], message: String) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
