/// One problem found in an input file, located as precisely as the parser allows.
///
/// Printed as `file:line:column: error: key.path: message`, the shape compilers use, so
/// editors and CI logs link straight to the spot.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  /// 1-based line, or nil when the problem is not tied to a place (e.g. an unreadable file).
  public var line: Int?
  /// 1-based column.
  public var column: Int?
  /// Dotted key path, e.g. `overrides.subsidy.pon_reduction_percent`; empty for the whole file.
  public var keyPath: String
  public var message: String

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
    return "\(location): error: " + (keyPath.isEmpty ? "" : "\(keyPath): ") + message
  }
}
