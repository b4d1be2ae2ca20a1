import Foundation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Reads an input file whole, but only a regular file of at most
/// `InputLimits.maxFileBytes`, checked before its content is read: a path to a device
/// (`/dev/zero`), a FIFO or a file of gigabytes is refused at once instead of filling memory.
public enum InputFile {
  /// Why a file cannot be read ("no such file", "not a regular file", …).
  struct Refusal: Error {
    var reason: String
  }

  /// The bytes of the file at `path`, or a diagnostic naming it and saying why not.
  public static func bytes(_ path: String) throws(Diagnostic) -> Data {
    do { return try read(path) } catch {
      throw Diagnostic(file: path, message: "cannot read the file: \(error.reason)")
    }
  }

  /// The bytes of the file at `path`, or why not.
  static func read(_ path: String) throws(Refusal) -> Data {
    func refuse(_ reason: String) -> Refusal { Refusal(reason: reason) }
    // stat follows symbolic links: a link to a scenario reads the scenario.
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw refuse(
        errno == EACCES ? "permission denied" : errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
    }
    let type = status.st_mode & S_IFMT
    if type == S_IFDIR { throw refuse("it is a folder") }
    guard type == S_IFREG else { throw refuse("not a regular file") }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw refuse("permission denied") }
    defer { try? handle.close() }
    // One byte past the limit tells a file that grew since it was looked at.
    let data: Data
    do { data = try handle.read(upToCount: InputLimits.maxFileBytes + 1) ?? Data() } catch {
      throw refuse("the read failed")
    }
    if data.count > InputLimits.maxFileBytes {
      let size = max(Int(status.st_size), data.count)
      throw refuse("it has \(size.grouped) bytes; at most \(InputLimits.maxFileBytes.grouped) (4 MiB)")
    }
    return data
  }

  /// The file's text, which must be UTF-8.
  public static func text(_ path: String) throws(Diagnostic) -> String {
    let data = try bytes(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw Diagnostic(file: path, message: "cannot read the file: not UTF-8 text")
    }
    return text
  }
}
