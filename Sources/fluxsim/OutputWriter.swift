import ArgumentParser
import FluxReport
import Foundation

/// Writes a run's files into its folder atomically: everything goes into a temporary
/// sibling folder first, which then replaces the destination in one rename. An
/// interrupted or failed run therefore never leaves a folder that looks complete.
enum OutputWriter {
  static func write(_ files: [OutputFile], to directory: URL) throws {
    let manager = FileManager.default
    let parent = directory.deletingLastPathComponent()
    let name = directory.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    let temporary = parent.appendingPathComponent(".\(name).partial-\(pid)")
    let old = parent.appendingPathComponent(".\(name).old-\(pid)")
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      try? manager.removeItem(at: temporary)
      try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
      for file in files {
        try Data(file.contents.utf8).write(to: temporary.appendingPathComponent(file.name))
      }
      if manager.fileExists(atPath: directory.path) { try manager.moveItem(at: directory, to: old) }
      try manager.moveItem(at: temporary, to: directory)
      try? manager.removeItem(at: old)
    } catch {
      try? manager.removeItem(at: temporary)
      if !manager.fileExists(atPath: directory.path), manager.fileExists(atPath: old.path) {
        try? manager.moveItem(at: old, to: directory)
      }
      Console.error("error: cannot write \(directory.path): \(error.localizedDescription)")
      throw ExitCode(1)
    }
  }

  /// Writes one file atomically: a temporary sibling renamed over the destination.
  static func write(_ contents: String, toFile path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    do {
      try Data(contents.utf8).write(to: temporary)
      if FileManager.default.fileExists(atPath: url.path) {
        _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
      } else {
        try FileManager.default.moveItem(at: temporary, to: url)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      Console.error("error: cannot write \(path): \(error.localizedDescription)")
      throw ExitCode(1)
    }
  }
}
