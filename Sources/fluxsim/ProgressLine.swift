import FluxCore
import FluxReport
import FluxSim
import Foundation

/// The progress of one scenario's jobs on standard error, in a `ProgressStyle`: jobs
/// done, the share of the work done (running jobs count by how far they are), blocks,
/// blocks per second and the time left; then one summary line.
final class ProgressLine: @unchecked Sendable {
  private let label: String
  private let style: ProgressStyle
  private let lock = NSLock()
  /// The latest report, and when (seconds into the run) a line was last written.
  private var latest: JobRunner.Progress?
  private var shownAt = 0.0

  /// A terminal line is redrawn at most this often: often enough to move, rarely enough
  /// that a fast run does not spend its time writing.
  static let redrawSeconds = 0.2

  init(label: String, style: ProgressStyle) {
    self.label = MessageText.escaped(label, keepingLineBreaks: false)
    self.style = style
  }

  func update(_ progress: JobRunner.Progress) {
    lock.withLock {
      latest = progress
      switch style {
      case .quiet: return
      case .terminal:
        guard progress.elapsed - shownAt >= Self.redrawSeconds else { return }
        write("\r" + line(progress) + "\u{1B}[K")
      case .log(let seconds):
        // The last job's report is left to the summary.
        guard progress.elapsed - shownAt >= seconds, progress.done < progress.total else { return }
        write(line(progress) + "\n")
      }
      shownAt = progress.elapsed
    }
  }

  /// The summary line, once the jobs are done (nothing if no job ran).
  func finish() {
    lock.withLock {
      guard let latest, style != .quiet else { return }
      let jobs = "\(latest.total) job\(latest.total == 1 ? "" : "s")"
      let summary =
        "\(label): \(jobs), \(Format.grouped(Double(latest.blocks))) blocks in \(Self.duration(latest.elapsed)) "
        + "(\(Self.count(rate(latest))) blocks/s)"
      write(style == .terminal ? "\r" + summary + "\u{1B}[K\n" : summary + "\n")
    }
  }

  /// `label: 3/8 jobs, 41% · 12.3M blocks · 2.10M blocks/s · 0:42 elapsed · ETA 1:01`.
  private func line(_ progress: JobRunner.Progress) -> String {
    let eta =
      progress.fraction > 0
      ? Self.duration(progress.elapsed * (1 - progress.fraction) / progress.fraction) : "unknown"
    return "\(label): \(progress.done)/\(progress.total) jobs, \(Int(progress.fraction * 100))% · "
      + "\(Self.count(Double(progress.blocks))) blocks · \(Self.count(rate(progress))) blocks/s · "
      + "\(Self.duration(progress.elapsed)) elapsed · ETA \(eta)"
  }

  private func rate(_ progress: JobRunner.Progress) -> Double {
    progress.elapsed > 0 ? Double(progress.blocks) / progress.elapsed : 0
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  /// A count with three significant figures and k, M or G: 950, 12.3k, 2.10M.
  static func count(_ value: Double) -> String {
    for (scale, suffix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where value >= scale {
      let scaled = value / scale
      return String(format: scaled < 10 ? "%.2f" : scaled < 100 ? "%.1f" : "%.0f", scaled) + suffix
    }
    return String(format: "%.0f", value)
  }

  /// Seconds as `4.2 s` under a minute, else `m:ss` or `h:mm:ss`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "unknown" }
    if seconds < 59.95 { return String(format: "%.1f s", max(0, seconds)) }
    let whole = Int(min(seconds.rounded(), 1e12))
    let (hours, minutes, rest) = (whole / 3_600, whole / 60 % 60, whole % 60)
    return hours > 0
      ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
  }
}
