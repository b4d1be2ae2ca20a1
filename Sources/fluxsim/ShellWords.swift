/// Command lines as a POSIX shell reads them, for the commands fluxsim writes down
/// (`manifest.json`, report headers, the line an interrupted run prints): pasting one into
/// `sh` must rerun exactly that command, whatever the paths hold (spaces, quotes, `$`,
/// newlines).
enum ShellWords {
  /// Characters that never need quoting; anything else is single-quoted.
  private static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=.,/:@%")

  /// `word` as one shell word: unchanged when it is plain, otherwise in single quotes,
  /// where nothing is special but the quote itself (written `'\''`).
  static func quote(_ word: String) -> String {
    if !word.isEmpty, word.allSatisfy(plain.contains), !word.hasPrefix("=") { return word }
    return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  /// The words quoted and joined by spaces.
  static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }
}
