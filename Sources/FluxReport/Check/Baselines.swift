import FluxCore
import FluxScenario

/// Golden baselines: the deterministic outputs of a checked scenario, recorded once with
/// `fluxsim check --update` and compared on every later check, so a change to the rules or
/// the engine that moves them fails with a readable diff.
///
/// Recorded per scenario: `emission.csv` (the emission table of its rules and supply mode,
/// every rule change and year end to 2060, as `fluxsim emission` prints it) and
/// `payouts.csv` (per-tier payouts of its jobs under its fixed seed).
public enum Baselines {
  public static func files(_ run: RunRecord) -> [OutputFile] {
    let config = run.plan.config(0)
    let schedule = SupplySchedule(params: config.rules.params, mode: config.supplyMode)
    let end = config.rules.params.lastHeight(throughYear: 2060)
    let events = schedule.ruleChangeEvents(through: end) + schedule.yearEndEvents(through: 2060)
    return [
      OutputFile(name: "emission.csv", contents: EmissionTable.table(schedule.emissionRows(events)).csv()),
      OutputFile(name: "payouts.csv", contents: RunTables.payouts(run).csv()),
    ]
  }

  /// One outcome per baseline file: `recorded` holds each file's recorded contents (nil if missing).
  public static func compare(current: [OutputFile], recorded: [String: String?], folder: String) -> [CheckOutcome] {
    current.map { file in
      let name = "baseline \(folder)/\(file.name)"
      guard let stored = recorded[file.name] ?? nil else {
        return CheckOutcome(
          name: name, expected: "recorded", actual: "missing", passed: false,
          detail: "no baseline recorded; run `fluxsim check --update` to record it")
      }
      if stored == file.contents {
        return CheckOutcome(name: name, expected: "unchanged", actual: "unchanged", passed: true)
      }
      return CheckOutcome(
        name: name, expected: "unchanged", actual: "changed", passed: false, detail: diff(stored, file.contents))
    }
  }

  /// A short line diff: the first differing lines, numbered, `-` recorded and `+` now.
  static func diff(_ old: String, _ new: String, limit: Int = 10) -> String {
    // CSV lines end in CRLF, one Character in Swift: split on any line break.
    let a = old.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let b = new.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var lines: [String] = []
    var shown = 0
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : nil
      let right = index < b.count ? String(b[index]) : nil
      guard left != right else { continue }
      if shown == limit {
        lines.append("… more differences")
        break
      }
      if let left { lines.append("line \(index + 1) - \(left)") }
      if let right { lines.append("line \(index + 1) + \(right)") }
      shown += 1
    }
    if a.count != b.count { lines.append("(\(a.count) lines recorded, \(b.count) now)") }
    return lines.joined(separator: "\n")
  }
}
