import FluxCore
import Foundation

/// Writing to the terminal.
enum Console {
  /// Writes `text` to standard error, ending it with a line break, with every control
  /// character but line feeds and tabs escaped (`MessageText.escaped`).
  ///
  /// Every error fluxsim prints goes through here, and most quote something the user
  /// gave: a path, a scenario's name, a value. Escaping once, at the last step, means no
  /// message can carry an escape sequence to the terminal, whoever wrote it.
  static func error(_ text: String) {
    let shown = MessageText.escaped(text, keepingLineBreaks: true)
    FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
  }

  /// Whether standard error is a terminal (progress lines are shown only then).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
