/// JUnit XML for CI systems: one `<testsuite>` per scenario file, one `<testcase>` per check,
/// a `<failure>` with expected and actual for each failed one.
public enum JUnitReport {
  public static func xml(_ suites: [CheckSuite]) -> String {
    let tests = suites.reduce(0) { $0 + $1.outcomes.count }
    let failures = suites.reduce(0) { $0 + $1.failures }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"fluxsim check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
    for suite in suites {
      xml +=
        "  <testsuite name=\"\(XMLText.escape(suite.name))\" tests=\"\(suite.outcomes.count)\" failures=\"\(suite.failures)\""
      xml += " errors=\"0\" skipped=\"0\" file=\"\(XMLText.escape(suite.file))\">\n"
      for outcome in suite.outcomes {
        xml += "    <testcase classname=\"\(XMLText.escape(suite.name))\" name=\"\(XMLText.escape(outcome.name))\""
        if outcome.passed {
          xml += "/>\n"
          continue
        }
        let message = "expected \(outcome.expected), found \(outcome.actual)"
        var body = "expected: \(outcome.expected)\nactual: \(outcome.actual)"
        if let detail = outcome.detail { body += "\n\(detail)" }
        xml +=
          ">\n      <failure message=\"\(XMLText.escape(message))\" type=\"expectation\">\(XMLText.escape(body))</failure>\n"
        xml += "    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }
}
