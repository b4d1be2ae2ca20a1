import Foundation

/// Paths compared as the kernel sees them, to tell whether an output would replace the
/// current folder, an ancestor of it, or a folder holding an input.
enum Paths {
  /// The components of `url`'s absolute path with symbolic links resolved as far as the
  /// path exists, and `.` and `..` applied to the rest: `/a/b/../c` is `["a", "c"]`, and
  /// `link/x` is the link's target's components plus `x`.
  static func resolved(_ url: URL) -> [String] {
    var existing = url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var rest: [String] = []
    while true {
      let path = "/" + existing.joined(separator: "/")
      if let real = realpath(path, nil) {
        defer { free(real) }
        return normalized(String(cString: real).split(separator: "/").map(String.init) + rest)
      }
      guard let last = existing.popLast() else { return normalized(rest) }
      rest.insert(last, at: 0)
    }
  }

  /// Components with `.` dropped and `..` taking away the one before (none above the root).
  private static func normalized(_ components: [String]) -> [String] {
    var result: [String] = []
    for component in components {
      switch component {
      case ".": continue
      case "..": _ = result.popLast()
      default: result.append(component)
      }
    }
    return result
  }

  /// The current folder, resolved.
  static var current: [String] { resolved(URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }

  /// Whether `ancestor` is `path` or one of the folders holding it.
  static func contains(_ ancestor: [String], _ path: [String]) -> Bool {
    ancestor.count <= path.count && Array(path.prefix(ancestor.count)) == ancestor
  }

  /// How a path looks to `lstat`: missing, a folder, a symbolic link, a regular file, or
  /// something else (a device, a pipe, a socket).
  enum Entry {
    case missing, folder, link, file, other
  }

  static func entry(_ url: URL) -> Entry {
    var status = stat()
    guard lstat(url.path, &status) == 0 else { return .missing }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// The paths below `folder` that are not folders, relative to it, at most `limit` + 1
  /// of them (enough to tell a folder holds more than `limit`).
  static func files(below folder: URL, limit: Int) -> [String] {
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    var files: [String] = []
    while files.count <= limit, let relative = walker.nextObject() as? String {
      if entry(URL(fileURLWithPath: base).appendingPathComponent(relative)) != .folder { files.append(relative) }
    }
    return files
  }
}
