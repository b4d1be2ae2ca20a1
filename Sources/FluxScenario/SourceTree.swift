import FluxCore
import Yams

/// A parsed YAML (or JSON) document: its values as `RuleValue`s plus the line and column
/// of every key path, so that errors found later, by code that never saw the file, can
/// still point at the right place.
struct SourceTree {
  let file: String
  /// The parsed document, for decoding.
  let node: Node
  let root: RuleValue
  /// Position of each value by dotted key path ("" for the root, `funds[0].amount`, …).
  let marks: [String: Mark]

  /// Parses `text`; a syntax error, an anchor/alias or a non-string key becomes a `Diagnostic`.
  init(file: String, text: String) throws(Diagnostic) {
    self.file = file
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw Self.diagnostic(file: file, error)
    } catch {
      throw Diagnostic(file: file, message: "cannot parse: \(error)")
    }
    guard let node else { throw Diagnostic(file: file, line: 1, column: 1, message: "the file is empty") }
    self.node = node
    var marks: [String: Mark] = [:]
    self.root = try Self.convert(node, path: "", file: file, marks: &marks)
    self.marks = marks
  }

  /// A diagnostic at `keyPath`, located at that value or the nearest enclosing one.
  func diagnostic(at keyPath: String, _ message: String) -> Diagnostic {
    var path = keyPath
    while marks[path] == nil, !path.isEmpty {
      if let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) { path = String(path[..<cut]) } else { path = "" }
    }
    let mark = marks[path]
    return Diagnostic(file: file, line: mark?.line, column: mark?.column, keyPath: keyPath, message: message)
  }

  private static func convert(_ node: Node, path: String, file: String, marks: inout [String: Mark]) throws(Diagnostic)
    -> RuleValue
  {
    if let mark = node.mark { marks[path] = mark }
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar.string)
    case .sequence(let sequence):
      var items: [RuleValue] = []
      for (index, item) in sequence.enumerated() {
        items.append(try convert(item, path: "\(path)[\(index)]", file: file, marks: &marks))
      }
      return .list(items)
    case .mapping(let mapping):
      var fields: [RuleField] = []
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let key) = keyNode else {
          throw Diagnostic(
            file: file, line: keyNode.mark?.line, column: keyNode.mark?.column, keyPath: path,
            message: "expected a plain key, found a mapping or list used as a key")
        }
        let childPath = path.isEmpty ? key.string : "\(path).\(key.string)"
        let value = try convert(valueNode, path: childPath, file: file, marks: &marks)
        // Point at the key: that is the line a reader looks for.
        if let mark = keyNode.mark { marks[childPath] = mark }
        fields.append(RuleField(key: key.string, value: value))
      }
      return .map(fields)
    case .alias:
      throw Diagnostic(
        file: file, line: node.mark?.line, column: node.mark?.column, keyPath: path,
        message: "YAML aliases are not supported; write the value out")
    }
  }

  private static func diagnostic(file: String, _ error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return Diagnostic(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        file: file, line: context.mark.line, column: context.mark.column,
        message: "key given twice in one mapping: \(duplicates.joined(separator: ", "))")
    case .reader(let problem, _, _, _):
      return Diagnostic(file: file, message: "cannot read the text: \(problem)")
    default:
      return Diagnostic(file: file, message: "cannot parse: \(error)")
    }
  }
}
