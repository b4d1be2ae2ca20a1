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

  /// Parses `text`; a syntax error, an anchor or alias, a non-string key or a document
  /// past `InputLimits` becomes a `Diagnostic`, before any value is decoded.
  init(file: String, text: String) throws(Diagnostic) {
    self.file = file
    let size = text.utf8.count
    if size > InputLimits.maxFileBytes {
      throw Diagnostic(
        file: file, message: "the text has \(size.grouped) bytes; at most \(InputLimits.maxFileBytes.grouped) (4 MiB)")
    }
    if let anchor = AnchorScan.first(in: text) {
      throw Self.unsupported(
        file: file, line: anchor.line, column: anchor.column, anchor.isAlias ? "*" : "&", anchor.name)
    }
    let parser: Parser
    let node: Node?
    do {
      parser = try Parser(yaml: text)
      node = try parser.singleRoot()
    } catch let error as YamlError {
      throw Self.diagnostic(file: file, error)
    } catch {
      throw Diagnostic(file: file, message: "cannot parse: \(error)")
    }
    guard let node else { throw Diagnostic(file: file, line: 1, column: 1, message: "the file is empty") }
    self.node = node
    var marks: [String: Mark] = [:]
    // The parser owns the anchors the nodes refer to (weakly): kept alive, an anchor the
    // scan did not see is still found on its node.
    let converted = withExtendedLifetime(parser) {
      Result { () throws(Diagnostic) in try Self.convert(node, path: "", depth: 1, file: file, marks: &marks) }
    }
    self.root = try converted.get()
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

  private static func convert(_ node: Node, path: String, depth: Int, file: String, marks: inout [String: Mark])
    throws(Diagnostic) -> RuleValue
  {
    if let mark = node.mark { marks[path] = mark }
    func refuse(_ message: String) -> Diagnostic {
      Diagnostic(file: file, line: node.mark?.line, column: node.mark?.column, keyPath: path, message: message)
    }
    if let anchor = node.anchor {
      throw unsupported(file: file, line: node.mark?.line, column: node.mark?.column, "&", anchor.rawValue)
    }
    if depth > InputLimits.maxDepth, node.scalar == nil {
      throw refuse("nested more than \(InputLimits.maxDepth) levels deep")
    }
    switch node {
    case .scalar(let scalar):
      let length = scalar.string.count
      if length > InputLimits.maxScalarCharacters {
        throw refuse("a value of \(length.grouped) characters; at most \(InputLimits.maxScalarCharacters.grouped)")
      }
      return .scalar(scalar.string)
    case .sequence(let sequence):
      if sequence.count > InputLimits.maxEntries {
        throw refuse("a list of \(sequence.count.grouped) items; at most \(InputLimits.maxEntries.grouped)")
      }
      var items: [RuleValue] = []
      for (index, item) in sequence.enumerated() {
        items.append(try convert(item, path: "\(path)[\(index)]", depth: depth + 1, file: file, marks: &marks))
      }
      return .list(items)
    case .mapping(let mapping):
      if mapping.count > InputLimits.maxEntries {
        throw refuse("a mapping of \(mapping.count.grouped) keys; at most \(InputLimits.maxEntries.grouped)")
      }
      var fields: [RuleField] = []
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let key) = keyNode else {
          throw Diagnostic(
            file: file, line: keyNode.mark?.line, column: keyNode.mark?.column, keyPath: path,
            message: "expected a plain key, found a mapping or list used as a key")
        }
        let childPath = path.isEmpty ? key.string : "\(path).\(key.string)"
        if key.string.count > InputLimits.maxScalarCharacters {
          throw refuse(
            "a key of \(key.string.count.grouped) characters; at most \(InputLimits.maxScalarCharacters.grouped)")
        }
        let value = try convert(valueNode, path: childPath, depth: depth + 1, file: file, marks: &marks)
        // Point at the key: that is the line a reader looks for.
        if let mark = keyNode.mark { marks[childPath] = mark }
        fields.append(RuleField(key: key.string, value: value))
      }
      return .map(fields)
    case .alias(let alias):
      throw unsupported(file: file, line: node.mark?.line, column: node.mark?.column, "*", alias.anchor.rawValue)
    }
  }

  /// The refusal of an anchor (`&name`) or alias (`*name`): values shared through them
  /// could unfold into far more than the file holds.
  private static func unsupported(file: String, line: Int?, column: Int?, _ sigil: String, _ name: String)
    -> Diagnostic
  {
    Diagnostic(
      file: file, line: line, column: column,
      message:
        "YAML anchors and aliases are not supported (found \(sigil)\(MessageText.shortened(name))); write the value out"
    )
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
