import ArgumentParser
import Foundation

/// A folder a command writes whole (`--out`, a baselines folder): checked before any
/// work, locked for the whole command, and replaced in one rename at the end.
///
/// fluxsim never destroys what it did not make. The folder may be new, empty, or one
/// fluxsim wrote before of the same kind (`FolderKind`); everything else is refused
/// before any work, with what is there and what to do: a file, a symbolic link, the
/// current folder or one of its ancestors, a folder holding an input, a folder of the
/// user's. The new contents are written into the working folder `.<name>.partial` beside
/// it; at the end the previous folder is renamed aside, the new one renamed in, and only
/// then is the old one removed.
struct OutputFolder {
  let url: URL
  let kind: FolderKind

  init(_ url: URL, kind: FolderKind) {
    self.url = url
    self.kind = kind
  }

  /// The working folder: `.<name>.partial` beside the destination.
  var working: URL { sibling(".\(url.lastPathComponent).partial") }

  private func sibling(_ name: String) -> URL { url.deletingLastPathComponent().appendingPathComponent(name) }

  /// An input of the command: a file whose folder must survive, or a folder that must.
  struct Input {
    var url: URL
    var isFolder: Bool
    /// "the scenario file", "the shard folder".
    var noun: String
  }

  /// Why this folder must not be written, in a sentence naming it (`label`: "--out",
  /// "the output folder"), or nil when it may be; `option` is the option that chooses
  /// another folder.
  func refusal(label: String, option: String, inputs: [Input]) -> String? {
    let shown = "\(label) \(url.path)"
    let name = url.lastPathComponent
    let target = Paths.resolved(url)
    let replaces = "fluxsim replaces the folder it writes, so give \(option) a new folder or one fluxsim wrote"
    let current = Paths.current
    if target.isEmpty || Paths.contains(target, current) {
      let what = target == current ? "the current folder" : "a folder that holds the current folder"
      return "\(shown) is \(what); \(replaces)"
    }
    for input in inputs {
      let held = Paths.resolved(input.isFolder ? input.url : input.url.deletingLastPathComponent())
      if Paths.contains(target, held) {
        let relation = input.isFolder && target == held ? "is" : "holds"
        return "\(shown) \(relation) \(input.noun) \(input.url.path); \(replaces)"
      }
    }
    if name.utf8.count + ".partial".utf8.count + 1 > Int(NAME_MAX) {
      return "\(shown): the folder's name is longer than a file system allows (\(NAME_MAX) bytes with `.partial`)"
    }
    var ancestor = url.deletingLastPathComponent()
    while Paths.entry(ancestor) == .missing, ancestor.path != "/" { ancestor.deleteLastPathComponent() }
    if [.file, .other].contains(Paths.entry(ancestor)) {
      return "\(shown) is inside \(ancestor.path), which is a file, not a folder"
    }
    if let problem = Self.problem(at: url, kind: kind, working: false) {
      return "\(shown) \(problem); \(replaces)"
    }
    if let problem = Self.problem(at: working, kind: kind, working: true) {
      return "\(working.path), fluxsim's working folder for \(shown), is in the way: it \(problem); "
        + "remove it or choose another \(option)"
    }
    return nil
  }

  /// What is wrong with replacing the entry at `url`, or nil when it is missing, an empty
  /// folder or a folder of `kind` that fluxsim wrote.
  private static func problem(at url: URL, kind: FolderKind, working: Bool) -> String? {
    switch Paths.entry(url) {
    case .missing: return nil
    case .link: return "is a symbolic link, not a folder fluxsim wrote"
    case .file: return "is a file, not a folder"
    case .other: return "is a device, pipe or socket, not a folder"
    case .folder:
      let empty = (try? FileManager.default.contentsOfDirectory(atPath: url.path).isEmpty) ?? false
      guard !empty else { return nil }
      return kind.foreignness(of: url, working: working).map { "is not \(kind.noun): \($0)" }
    }
  }

  /// A folder to check, how messages name it and the option that changes it.
  struct Check {
    var folder: OutputFolder
    var label: String
    var option: String
    var inputs: [Input]
  }

  /// Checks `folders` before any work: prints each refusal and exits with status 2.
  static func check(_ folders: [Check]) throws {
    let refusals = folders.compactMap { $0.folder.refusal(label: $0.label, option: $0.option, inputs: $0.inputs) }
    guard refusals.isEmpty else {
      for refusal in refusals { Console.error("error: \(refusal)") }
      throw ExitCode(2)
    }
  }

  /// An empty working folder, replacing a previous one (which `refusal` found to be fluxsim's).
  func makeWorking() throws {
    let manager = FileManager.default
    if Paths.entry(working) != .missing { try manager.removeItem(at: working) }
    try manager.createDirectory(at: working, withIntermediateDirectories: true)
  }

  /// Moves the finished working folder into place. The destination is checked again (it
  /// was checked before the work, but a user may have written into it since); the previous
  /// folder is renamed aside, the working folder renamed in, and only then is the previous
  /// one removed, so at every moment one complete folder exists under one of the names.
  func install() throws {
    if let problem = Self.problem(at: url, kind: kind, working: false) {
      Console.error(
        "error: \(url.path) \(problem), so it was not replaced; the new outputs are in \(working.path)")
      throw ExitCode(1)
    }
    let manager = FileManager.default
    let old = sibling(".\(url.lastPathComponent).old-\(getpid())")
    try Disk.attempt(url) {
      if Paths.entry(old) != .missing { try manager.removeItem(at: old) }
      let previous = Paths.entry(url) != .missing
      if previous { try manager.moveItem(at: url, to: old) }
      do {
        try manager.moveItem(at: working, to: url)
      } catch {
        if previous { try? manager.moveItem(at: old, to: url) }
        throw error
      }
      if previous { try manager.removeItem(at: old) }
    }
  }
}
