/// The result of one check: what was checked, what was expected and found, and whether
/// it passed. `detail` holds more text for failures (a baseline diff).
public struct CheckOutcome: Sendable, Equatable {
  public var name: String
  public var expected: String
  public var actual: String
  public var passed: Bool
  public var detail: String?

  public init(name: String, expected: String, actual: String, passed: Bool, detail: String? = nil) {
    self.name = name
    self.expected = expected
    self.actual = actual
    self.passed = passed
    self.detail = detail
  }
}

/// The checks of one scenario file.
public struct CheckSuite: Sendable, Equatable {
  public var name: String
  public var file: String
  public var outcomes: [CheckOutcome]

  public init(name: String, file: String, outcomes: [CheckOutcome]) {
    self.name = name
    self.file = file
    self.outcomes = outcomes
  }

  public var failures: Int { outcomes.filter { !$0.passed }.count }

  /// The outcomes as a table: check, expected, actual, result. Checks and expected values
  /// are text from the scenario (a milestone's label, a value as written).
  public func table() -> Table {
    Table(
      columns: ["#", "check", "expected", "actual", "result"],
      rows: outcomes.enumerated().map {
        [String($0 + 1), $1.name, $1.expected, $1.actual, $1.passed ? "pass" : "FAIL"]
      }, textColumns: ["check", "expected"])
  }
}
