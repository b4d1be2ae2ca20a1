import ArgumentParser

/// A malformed or out-of-range command-line value, reported like a mistake in a file:
/// `error: …` on standard error, naming the option and what it accepts, and exit status 2
/// (bad input). Commands check their values in `validate()` and throw `reported()`.
struct OptionMistake: Error, Equatable {
  var message: String

  init(_ message: String) { self.message = message }

  /// Prints the mistake and returns the exit status to throw.
  func reported() -> ExitCode {
    Console.error("error: \(message)")
    return ExitCode(2)
  }
}
