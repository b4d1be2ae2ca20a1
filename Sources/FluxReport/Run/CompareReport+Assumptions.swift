extension CompareReport {
  /// The scenarios' assumptions (`RunReport.assumptions`): those that differ side by
  /// side, one column per scenario ("—" where a scenario has no such line, as a catalogue
  /// without apps), then those that are the same in every scenario, once.
  static func assumptionsSection(_ runs: [RunRecord]) -> String {
    let stated = runs.map(RunReport.assumptions)
    var names: [String] = []
    for rows in stated {
      for row in rows where !names.contains(row.name) { names.append(row.name) }
    }
    let texts = names.map { name in stated.map { rows in rows.first { $0.name == name }?.text ?? "—" } }
    let differing = zip(names, texts).filter { Set($0.1).count > 1 }
    let same = zip(names, texts).filter { Set($0.1).count == 1 }
    var text = "## Assumptions\n\n"
    if differing.isEmpty {
      text += "Every scenario states the same assumptions.\n\n"
    } else {
      text += "That differ:\n\n"
      text +=
        Table(columns: [""] + runs.map { MarkdownText.escape($0.name) }, rows: differing.map { [$0] + $1 })
        .markdown() + "\n"
    }
    if !same.isEmpty {
      text += "The same in every scenario:\n\n"
      text += Table(columns: ["", ""], rows: same.map { [$0, $1[0]] }).markdown() + "\n"
    }
    return text
  }
}
