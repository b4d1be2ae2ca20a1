import Foundation

/// Reads an input file whole, but only a regular file of at most
/// `InputLimits.maxFileBytes` (`BoundedFile`), checked before its content is read: a path
/// to a device (`/dev/zero`), a FIFO or a file of gigabytes is refused at once instead of
/// filling memory.
public enum InputFile {
  /// The bytes of the file at `path`, or a diagnostic naming it and saying why not.
  public static func bytes(_ path: String) throws(Diagnostic) -> Data {
    do { return try BoundedFile.read(path, limit: InputLimits.maxFileBytes, what: "an input file") } catch {
      throw Diagnostic(file: path, message: "cannot read the file: \(error)")
    }
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
