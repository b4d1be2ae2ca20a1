import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading a file that fluxsim did not necessarily write (a scenario, a shard's manifest
/// or job results) with a bound on what it may cost: only a regular file, only up to a
/// size limit. `String(contentsOfFile:)` would read `/dev/zero` until memory ran out and
/// wait forever on a named pipe.
public enum BoundedFile {
  /// Why a file was not read, in words that follow "cannot read PATH: ".
  public struct Refusal: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
  }

  /// The file's bytes, or a refusal when it is missing, not a regular file (a folder, a
  /// device, a pipe) or larger than `limit` bytes (`what` names it in that message).
  public static func read(_ path: String, limit: Int, what: String) throws(Refusal) -> Data {
    // O_NONBLOCK: opening a named pipe must not wait for a writer.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Refusal(description: PlainWords.errno(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw Refusal(description: PlainWords.errno(errno)) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw Refusal(description: "it is a folder, not a file")
    default: throw Refusal(description: "it is not a regular file (a device, a pipe or a socket)")
    }
    guard status.st_size <= limit else {
      throw Refusal(
        description: "it has \(Int(status.st_size).grouped) bytes; \(what) may be at most \(limit.grouped) "
          + "(\(Sizes.text(limit)))")
    }
    var data = Data(capacity: Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    // Reads past the size seen by fstat: a file that grows while read is caught below.
    while data.count <= limit {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw Refusal(description: PlainWords.errno(errno)) }
      if count == 0 { break }
      data.append(contentsOf: chunk[..<count])
    }
    guard data.count <= limit else {
      throw Refusal(description: "it grew past \(Sizes.text(limit)) while being read; \(what) may be at most that")
    }
    return data
  }

  /// The file as UTF-8 text, or a refusal (as `read`, or when it is not UTF-8).
  public static func text(_ path: String, limit: Int, what: String) throws(Refusal) -> String {
    guard let text = String(data: try read(path, limit: limit, what: what), encoding: .utf8) else {
      throw Refusal(description: "it is not UTF-8 text")
    }
    return text
  }
}

/// Byte counts for messages.
public enum Sizes {
  public static let mebibyte = 1 << 20

  /// "4 MiB", "1.5 KiB", "312 bytes".
  public static func text(_ bytes: Int) -> String {
    if bytes >= mebibyte, bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB" }
    if bytes >= mebibyte { return String(format: "%.1f MiB", Double(bytes) / Double(mebibyte)) }
    if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
    return "\(bytes) bytes"
  }
}
