import Dispatch
import Foundation

/// SIGINT and SIGTERM during a command that writes an output: print one line saying what
/// was kept and how to finish (for a run: the partial folder, the jobs stored, the exact
/// command with `--resume`), release the output locks, and exit 130 or 143 as a shell
/// expects of a process ended by those signals.
///
/// Dispatch signal sources run the handler on a queue rather than inside the signal, so
/// it may read the folder and print; the signals' default action is turned off while the
/// sources exist and restored after.
enum Interrupts {
  /// Runs `work` with the handlers installed; `notice` is evaluated when a signal comes.
  static func during<Result>(notice: @escaping @Sendable () -> String?, _ work: () throws -> Result) rethrows
    -> Result
  {
    let sources = [(SIGINT, Int32(130)), (SIGTERM, Int32(143))].map { signalNumber, status in
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        if let text = notice() { Console.error((Console.stderrIsTerminal ? "\n" : "") + text) }
        OutputLock.exit(status)
      }
      source.resume()
      return (signalNumber, source)
    }
    defer {
      for (signalNumber, source) in sources {
        source.cancel()
        signal(signalNumber, SIG_DFL)
      }
    }
    return try work()
  }
}
