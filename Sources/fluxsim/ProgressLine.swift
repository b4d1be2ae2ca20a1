import FluxSim
import Foundation

/// A one-line progress display on standard error (jobs done, blocks per second, ETA),
/// redrawn in place; silent when standard error is not a terminal, so logs stay clean.
final class ProgressLine: @unchecked Sendable {
  private let label: String
  private let enabled: Bool
  private let lock = NSLock()

  init(label: String) {
    self.label = label
    self.enabled = Console.stderrIsTerminal
  }

  func update(_ progress: JobRunner.Progress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let rate = progress.elapsed > 0 ? Double(progress.blocks) / progress.elapsed : 0
    let remaining =
      progress.done > 0 ? progress.elapsed / Double(progress.done) * Double(progress.total - progress.done) : 0
    let line = String(
      format: "\r%@: %d/%d jobs · %.2fM blocks/s · ETA %d:%02d   ", label, progress.done, progress.total, rate / 1e6,
      Int(remaining) / 60, Int(remaining) % 60)
    FileHandle.standardError.write(Data(line.utf8))
    if progress.done == progress.total { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
