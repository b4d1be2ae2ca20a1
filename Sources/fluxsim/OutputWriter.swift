import ArgumentParser
import FluxReport
import FluxScenario
import Foundation

/// Writes outputs so that a reader never sees half of one and nothing of the user's is
/// replaced: a folder through its working folder and `OutputFolder.install`, a single
/// file through a temporary sibling renamed over it, and only over a file of the same
/// kind that fluxsim wrote (`OutputFileKind`).
enum OutputWriter {
  /// Writes `files` into the working folder of `target` and installs it.
  static func write(_ files: [OutputFile], to target: OutputFolder) throws {
    try Disk.attempt(target.url) {
      try target.makeWorking()
      for file in files { try Data(file.contents.utf8).write(to: target.working.appendingPathComponent(file.name)) }
    }
    try target.install()
  }

  /// Refuses (exit status 2) a single-file output at `path` that would replace something
  /// that is not a `kind` file fluxsim wrote; for the start of a command, before any work.
  static func check(file path: String, kind: OutputFileKind) throws {
    if let refusal = kind.refusal(URL(fileURLWithPath: path)) {
      Console.error("error: \(kind.option) \(path) \(refusal)")
      throw ExitCode(2)
    }
  }

  /// Writes one file atomically: a temporary sibling renamed over the destination, after
  /// checking again what it replaces.
  static func write(_ contents: String, toFile path: String, kind: OutputFileKind) throws {
    let url = URL(fileURLWithPath: path)
    if let refusal = kind.refusal(url) {
      Console.error("error: \(kind.option) \(path) \(refusal); it was not replaced")
      throw ExitCode(1)
    }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).partial-\(getpid())")
    do {
      try Data(contents.utf8).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw Disk.failure(url, PlainWords.describe(error))
    }
  }
}
