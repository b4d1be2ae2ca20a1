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
        "  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.outcomes.count)\" failures=\"\(suite.failures)\""
      xml += " errors=\"0\" skipped=\"0\" file=\"\(escape(suite.file))\">\n"
      for outcome in suite.outcomes {
        xml += "    <testcase classname=\"\(escape(suite.name))\" name=\"\(escape(outcome.name))\""
        if outcome.passed {
          xml += "/>\n"
          continue
        }
        let message = "expected \(outcome.expected), found \(outcome.actual)"
        var body = "expected: \(outcome.expected)\nactual: \(outcome.actual)"
        if let detail = outcome.detail { body += "\n\(detail)" }
        xml += ">\n      <failure message=\"\(escape(message))\" type=\"expectation\">\(escape(body))</failure>\n"
        xml += "    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  /// XML text with the five special characters escaped; characters XML forbids become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
      default: out.unicodeScalars.append(scalar.value < 0x20 ? "\u{FFFD}" : scalar)
      }
    }
    return out
  }
}
