import Foundation

/// Runs the built `fluxsim` binary and captures what a user would see.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
  /// Ended by a signal (a trap, or a limit of `runBounded`) rather than by exiting.
  var signalled = false
}

enum CLI {
  /// The `fluxsim` executable next to the test bundle (`.build/<config>/fluxsim`).
  static var executable: URL {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    return directory.appendingPathComponent("fluxsim")
  }

  /// Runs the binary with `environment` added to the test's own.
  static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
    -> CLIResult
  {
    try run(executable, arguments, in: directory, adding: environment)
  }

  /// Runs the binary under limits that make a runaway input fail instead of stalling the
  /// suite: 1 GiB of address space and 30 s of CPU (`prlimit`), killed after 60 s.
  static func runBounded(_ arguments: [String], in directory: URL) throws -> CLIResult {
    let limits = ["--as=\(1 << 30)", "--cpu=30", "--", executable.path]
    return try run(URL(fileURLWithPath: "/usr/bin/prlimit"), limits + arguments, in: directory, killAfter: 60)
  }

  private static func run(
    _ program: URL, _ arguments: [String], in directory: URL?, adding added: [String: String] = [:],
    killAfter seconds: Double? = nil
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    // A trap's report in one line rather than a page of backtrace.
    var environment = ProcessInfo.processInfo.environment.merging(added) { $1 }
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    // Output goes to files, not pipes: nothing to drain while the child runs, and no
    // read interrupted by a signal (Foundation's pipe reads trap on EINTR).
    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("fluxsim-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: capture) }
    let outURL = capture.appendingPathComponent("stdout")
    let errURL = capture.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let seconds {
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [process] in
        if process.isRunning { process.terminate() }
      }
    }
    process.waitUntilExit()
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      signalled: process.terminationReason == .uncaughtSignal)
  }

  /// Starts the binary in the background (a run to interrupt, or to race another), its
  /// standard error captured in `stderr` for after it ends.
  static func start(_ arguments: [String], in directory: URL) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    return (process, err)
  }

  /// Waits (up to a minute) until `condition` holds, polling every few milliseconds.
  static func wait(until condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(60)
    while !condition(), Date() < deadline { usleep(2_000) }
  }

  /// Every regular file below `folder` (hidden ones too) by relative path, with its bytes
  /// (a named pipe is not read: that would wait for a writer).
  static func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    for relative in FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [] {
      let url = URL(fileURLWithPath: base).appendingPathComponent(relative)
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      files[relative] = try Data(contentsOf: url)
    }
    return files
  }

  /// Every path below `folder` (relative, sorted), to check what a command left behind.
  static func listing(of folder: URL) throws -> [String] {
    let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    return paths.sorted()
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fluxsim-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
