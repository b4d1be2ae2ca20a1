import FluxCore

/// One problem found in an input file, located as precisely as the parser allows.
///
/// Printed as `file:line:column: error: key.path: message`, the shape compilers use, so
/// editors and CI logs link straight to the spot. The printed line is always one line of
/// bounded length that a terminal only shows: every part may hold text from the file (an
/// unknown key, a value echoed after "found"), so control characters are escaped
/// (`MessageText.escaped`), a quoted value longer than `MessageText.valueLimit` is
/// shortened, as is a long key path, and the message as a whole is cut at `messageLimit`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line, or nil when the problem is not tied to a place (e.g. an unreadable file).
  public var line: Int?
  /// 1-based column.
  public var column: Int?
  /// Dotted key path, e.g. `overrides.subsidy.pon_reduction_percent`; empty for the whole file.
  public var keyPath: String
  public var message: String

  /// The longest message shown whole, in Unicode scalars: the bound for what a value
  /// echoed without quotes (or with quotes of its own inside) can add.
  public static let messageLimit = 500

  public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.keyPath = keyPath
    self.message = message
  }

  public var description: String {
    var location = file
    if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
    let key = keyPath.isEmpty ? "" : MessageText.shortened(keyPath) + ": "
    return MessageText.escaped("\(location): error: \(key)" + Self.shortened(message))
  }

  /// `message` with every double-quoted value longer than `MessageText.valueLimit`
  /// shortened (`MessageText.quoted`), then the whole cut at `messageLimit`.
  ///
  /// Messages quote the values they echo (`found "…"`); a value already shortened is
  /// exactly `valueLimit` long inside its quotes, so it is left as it is.
  static func shortened(_ message: String) -> String {
    var out = ""
    var rest = Substring(message)
    while let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\"") {
      out += rest[..<open]
      out += MessageText.quoted(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return MessageText.shortened(out + rest, limit: messageLimit)
  }
}

/// Every problem found in one file.
///
/// Printed as the first `shownLimit` problems and a count of the rest: a file with
/// hundreds of mistakes (a generated catalogue, a price CSV in the wrong format) needs its
/// first few fixed before the others mean much, and a screenful is what a reader takes in.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
  public var items: [Diagnostic]

  /// Problems printed before "… and N more".
  public static let shownLimit = 20

  public init(items: [Diagnostic]) { self.items = items }

  public var description: String {
    var lines = items.prefix(Self.shownLimit).map(\.description)
    if items.count > Self.shownLimit, let file = items.first?.file {
      lines.append(MessageText.escaped("… and \(items.count - Self.shownLimit) more problems in \(file)"))
    }
    return lines.joined(separator: "\n")
  }
}
