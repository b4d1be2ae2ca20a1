import FluxCore
import FluxScenario
import FluxSim
import Foundation
import Testing

@testable import FluxReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// User text that tries to become markup or a formula — a description with HTML and a
/// heading, sweep labels with pipes and line breaks, a fund named as a spreadsheet
/// formula — reaches every output as the text it is.
@Suite struct UserTextOutputTests {
  static let fund = "=HYPERLINK(\"http://e.example\")|<b>"
  static let description = "<img src=x onerror=alert(1)>\n# Not a heading | `code` [link](http://e.example)"
  static let labels = ["a|b\n# H", "<i>x</i>"]

  /// The fund pays in the run's first block, so it is a milestone of every job.
  static let scenario = """
    name: hostile
    description: "<img src=x onerror=alert(1)>\\n# Not a heading | `code` [link](http://e.example)"
    horizon: 1h
    sample: 20min
    replications: 1
    rules:
      overrides:
        funds: [{ name: "=HYPERLINK(\\"http://e.example\\")|<b>", amount: 1, height: 2917116 }]
    fleet: { nodes: { cumulus: 30, nimbus: 20, stratus: 20 } }
    sweep: { description: ["a|b\\n# H", "<i>x</i>"] }
    """

  static func run(file: String = "hostile.yaml", command: String = "fluxsim run hostile.yaml") throws -> RunRecord {
    let loaded = try ScenarioLoader.load(file: file, text: scenario)
    let plan = RunPlan(file: loaded)
    return RunRecord(
      plan: plan, results: JobRunner.run(plan.jobs.indices.map(plan.config), workers: 1), command: command)
  }

  static func contents(_ files: [OutputFile], _ name: String) throws -> String {
    try #require(files.first { $0.name == name }).contents
  }

  /// `markdown` without its code spans (CommonMark 6.1: a run of n backticks not escaped
  /// by a backslash, up to the next run of exactly n), where any text is shown as written:
  /// what remains is where markup would act.
  static func outsideCodeSpans(_ markdown: String) -> String {
    let characters = Array(markdown)
    func run(at index: Int) -> Int { characters[index...].prefix { $0 == "`" }.count }
    var out = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "\\", index + 1 < characters.count {
        out += String(characters[index...index + 1])
        index += 2
        continue
      }
      guard character == "`" else {
        out.append(character)
        index += 1
        continue
      }
      let opening = run(at: index)
      var close = index + opening
      while close < characters.count, !(characters[close] == "`" && run(at: close) == opening) {
        close += characters[close] == "`" ? run(at: close) : 1
      }
      guard close < characters.count else {
        out += String(characters[index..<(index + opening)])
        index += opening
        continue
      }
      index = close + opening
    }
    return out
  }

  @Test func theScenarioSaysWhatTheTestAssumes() throws {
    let file = try ScenarioLoader.load(file: "hostile.yaml", text: Self.scenario)
    #expect(file.scenario.description == Self.description)
    #expect(file.points.map { $0.assignments.map(\.value) } == Self.labels.map { [$0] })
  }

  @Test func reportShowsUserTextAsText() throws {
    let report = try Self.contents(RunOutputs.files(Self.run()), "report.md")
    let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[2] == "&lt;img src=x onerror=alert(1)&gt; # Not a heading | \\`code\\` \\[link](http://e.example)")
    #expect(report.contains("| point 0 | description=a\\|b # H |\n"))
    #expect(report.contains("| point 1 | description=&lt;i&gt;x&lt;/i&gt; |\n"))
    #expect(report.contains("| =HYPERLINK(\"http://e.example\")\\|&lt;b&gt; | description=a\\|b # H | "))
    // The fund's name also shows in a code span, where Markdown keeps `<b>` as text.
    #expect(report.contains("| rule overrides | `funds`: [{name: `=HYPERLINK(\"http://e.example\")\\|<b>`, "))
    #expect(!Self.outsideCodeSpans(report).contains("<"), "raw HTML in report.md")
    #expect(lines.filter { $0.hasPrefix("#") }.allSatisfy { !$0.contains("Not a heading") && !$0.hasPrefix("# H") })
  }

  @Test func csvCellsParseBackToTheUserText() throws {
    let files = try RunOutputs.files(Self.run())
    let summary = TableTests.parseCSV(try Self.contents(files, "summary.csv"))
    #expect(summary[0].contains("milestone: \(Self.fund)"))
    #expect(summary.dropFirst().map { $0[1] } == Self.labels.map { "description=\($0)" })
  }

  @Test func chartLegendsAreXMLText() throws {
    let supply = try Self.contents(RunOutputs.files(Self.run()), "supply.svg")
    #expect(supply.contains(">description=&lt;i&gt;x&lt;/i&gt;</text>"))
    #expect(XMLParser(data: Data(supply.utf8)).parse())
  }

  @Test func theReproducingCommandStaysInItsCodeBlock() throws {
    let command = "fluxsim run 'x\n```\n<b>y.yaml'"
    let report = try Self.contents(RunOutputs.files(Self.run(command: command)), "report.md")
    #expect(report.contains("## Reproduce\n\n````sh\n\(command)\n````\n"))
  }

  @Test func compareEscapesNamesPathsAndLabels() throws {
    let run = try Self.run(file: "dir|<b>.yaml")
    let report = try Self.contents(CompareReport.files([run, run], command: "fluxsim compare"), "report.md")
    #expect(report.contains("| hostile | dir\\|&lt;b&gt;.yaml | 2 × 1 |\n"))
    #expect(
      report.contains("| milestone | hostile · description=a\\|b # H | hostile · description=&lt;i&gt;x&lt;/i&gt; |"))
    #expect(report.contains("| =HYPERLINK(\"http://e.example\")\\|&lt;b&gt; | "))
    #expect(!Self.outsideCodeSpans(report).contains("<"), "raw HTML in the comparison")
  }

  @Test func emissionEventsAreTextInBothFormats() throws {
    let rules = try RulesFile(
      file: "r.yaml",
      text: "overrides:\n  funds: [{ name: \"\(Self.fund.replacing("\"", with: "\\\""))\", amount: 1, height: 100 }]\n"
    ).rules
    let schedule = SupplySchedule(params: rules.params, mode: .observed)
    let table = EmissionTable.table(schedule.emissionRows(schedule.ruleChangeEvents(through: 200)))
    let events = TableTests.parseCSV(table.csv()).dropFirst().map { $0[2] }
    #expect(events == ["genesis", "premine", "'" + Self.fund])
    #expect(table.markdown().contains("| =HYPERLINK(\"http://e.example\")\\|&lt;b&gt; | 2.97000000 |"))
  }

  @Test func diffRulesShowsNamesAndValuesAsText() throws {
    let proposal = try RulesFile(
      file: "p.yaml", text: "overrides:\n  funds: [{ name: \"a`b\", amount: 1, height: 100 }]\n"
    ).rules
    let report = RulesDiffReport(
      base: RuleSet(.mainnet), proposal: proposal, proposalName: "<b>p.yaml", mode: .observed, horizon: 1_000
    ).markdown()
    #expect(report.hasPrefix("# Rule change: &lt;b&gt;p.yaml vs mainnet\n"))
    #expect(report.contains("| proposal | &lt;b&gt;p.yaml (mainnet rules) |\n"))
    #expect(report.contains("| proposal overrides | `funds`: [{name: ``a`b``, amount: `1`, height: `100`}] |\n"))
    #expect(report.contains(" | a\\`b (proposal)"))
  }
}
