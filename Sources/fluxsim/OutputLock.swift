import ArgumentParser
import FluxScenario
import Foundation

/// An exclusive lock on an output path for the whole of a command that writes it (run,
/// resume, merge, compare, check --update): `flock` on `.<name>.lock` beside the output.
///
/// Without it two runs into one `--out` interleave their job files and leave a folder
/// whose manifest names one run and whose tables hold the other's. The lock is taken
/// without waiting, so the second command refuses at once and names the process that
/// holds it (its pid is written into the lock file). The kernel drops the lock when a
/// process dies however it dies; the file is removed when the lock is released, and
/// `acquire` checks that the file it locked is still the one at the path, so a file
/// removed by its holder between our open and our lock is never mistaken for a lock.
final class OutputLock: @unchecked Sendable {
  /// The lock file's path.
  let path: String
  private let descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  /// The lock file of `destination`: `.<name>.lock` in its parent folder.
  static func url(for destination: URL) -> URL {
    destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).lock")
  }

  /// Takes the lock of `destination` or refuses: exit status 1 with a message naming the
  /// holder when another process has it, or the reason the lock file cannot be made.
  static func acquire(for destination: URL) throws -> OutputLock {
    let url = url(for: destination)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw Disk.failure(destination, PlainWords.describe(error))
    }
    // A holder may remove the file between our open and our flock: then try again on the new one.
    for _ in 0..<16 {
      let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { throw Disk.failure(destination, PlainWords.errno(errno)) }
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
        let reason = errno
        let holder = Self.holder(descriptor)
        close(descriptor)
        guard reason == EWOULDBLOCK else { throw Disk.failure(destination, PlainWords.errno(reason)) }
        Console.error(
          "error: \(destination.path) is being written by another fluxsim\(holder.map { " (pid \($0))" } ?? "") "
            + "that holds \(url.path); wait for it to finish or choose another --out")
        throw ExitCode(1)
      }
      var opened = stat()
      var current = stat()
      guard fstat(descriptor, &opened) == 0, stat(url.path, &current) == 0, opened.st_ino == current.st_ino,
        opened.st_dev == current.st_dev
      else {
        close(descriptor)
        continue
      }
      let pid = Data("\(getpid())\n".utf8)
      _ = ftruncate(descriptor, 0)
      _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
      let lock = OutputLock(path: url.path, descriptor: descriptor)
      held.insert(lock)
      return lock
    }
    throw Disk.failure(destination, "its lock file \(url.path) keeps changing")
  }

  /// The pid written in a lock file by its holder, if it can be read.
  private static func holder(_ descriptor: Int32) -> Int32? {
    var bytes = [UInt8](repeating: 0, count: 32)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Removes the lock file, then unlocks: whoever opens the path next makes a new file.
  func release() {
    guard Self.held.remove(self) else { return }
    unlink(path)
    close(descriptor)
  }

  /// Releases every lock this process holds, before it exits on a signal or a fatal read.
  static func releaseAll() {
    for lock in held.all() { lock.release() }
  }

  /// Releases every lock and ends the process with `status`, for the paths that cannot
  /// unwind (a signal handler, a result that vanished while outputs were written).
  static func exit(_ status: Int32) -> Never {
    releaseAll()
    Foundation.exit(status)
  }

  /// Prints `message` as an error, releases every lock and ends the process with status
  /// 1: a job file that changed while the outputs were written (`DirectoryResults`).
  @Sendable static func exit(reporting message: String) -> Never {
    Console.error("error: \(message)")
    exit(1)
  }

  /// The locks this process holds.
  private static let held = Registry()

  private final class Registry: @unchecked Sendable {
    private let guardLock = NSLock()
    private var locks: [ObjectIdentifier: OutputLock] = [:]

    func insert(_ lock: OutputLock) {
      guardLock.withLock { locks[ObjectIdentifier(lock)] = lock }
    }

    /// Whether `lock` was held (and is no longer).
    func remove(_ lock: OutputLock) -> Bool {
      guardLock.withLock { locks.removeValue(forKey: ObjectIdentifier(lock)) != nil }
    }

    func all() -> [OutputLock] { guardLock.withLock { Array(locks.values) } }
  }
}
