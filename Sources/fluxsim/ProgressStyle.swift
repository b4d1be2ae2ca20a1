import FluxCore
import Foundation

/// How a command shows the progress of its jobs on standard error.
///
/// A person at a terminal wants one line that moves; a batch log (Slurm, CI) wants a
/// plain line now and then, never a carriage-return animation that fills a file, and
/// always the last word on what was run; a script that only wants the outputs asks for
/// nothing with `--quiet`.
enum ProgressStyle: Equatable {
  /// Standard error is a terminal: one line redrawn in place as jobs run.
  case terminal
  /// Standard error is a file or a pipe: a plain line at most every `seconds`, then a
  /// summary line.
  case log(seconds: Double)
  /// `--quiet`: nothing.
  case quiet

  /// The environment variable that sets the seconds between two log lines.
  static let secondsVariable = "FLUXSIM_PROGRESS_SECONDS"
  static let defaultSeconds = 10.0
  /// From a hundredth of a second (tests) to a day.
  static let secondsRange = 0.01...86_400.0

  /// The style for this process: quiet when asked, else by what standard error is, with
  /// the log's cadence from `FLUXSIM_PROGRESS_SECONDS` when it is set; or the mistake in
  /// that variable.
  static func current(quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Result<ProgressStyle, OptionMistake>
  {
    var seconds = defaultSeconds
    if let text = environment[secondsVariable] {
      guard let value = Double(text), value.isFinite, secondsRange.contains(value) else {
        return .failure(
          OptionMistake(
            "\(secondsVariable) must be the seconds between two progress lines, from \(secondsRange.lowerBound) "
              + "to \(Int(secondsRange.upperBound)), found \(MessageText.quoted(text))"))
      }
      seconds = value
    }
    if quiet { return .success(.quiet) }
    return .success(Console.stderrIsTerminal ? .terminal : .log(seconds: seconds))
  }

  /// The style for a command whose options were validated (`validate` refused a mistake).
  static func checked(quiet: Bool) -> ProgressStyle {
    (try? current(quiet: quiet).get()) ?? .log(seconds: defaultSeconds)
  }

  /// Refuses a malformed `FLUXSIM_PROGRESS_SECONDS` (exit status 2), for `validate()`.
  static func validate() throws {
    if case .failure(let mistake) = current(quiet: false) { throw mistake.reported() }
  }
}
