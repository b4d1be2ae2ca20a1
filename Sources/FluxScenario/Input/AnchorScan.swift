/// Finds the first YAML anchor (`&name`) or alias (`*name`) of a text before it is parsed.
///
/// Yams resolves an alias into the node it names while composing, so a file of nested
/// aliases ("billion laughs") composes into a small graph that unfolds into billions of
/// values when walked, and an alias used as a mapping key is hashed whole while composing.
/// Neither can be stopped once Yams has started, so the text is scanned first. The scan
/// follows just enough of YAML's syntax to tell where a node may start (after `- `, `? `,
/// `: `, `[`, `{`, `,`, a tag, or at a line's start) and to skip what cannot hold a node
/// (comments, quoted and block scalars); `&` and `*` are indicators only there, so
/// `rock & roll` or `a*b` in a plain value are not taken for one. It errs on one side only:
/// a line of a multi-line plain value that begins with `&name` is refused too.
enum AnchorScan {
  struct Found: Equatable {
    var line: Int
    var column: Int
    var isAlias: Bool
    var name: String
  }

  static func first(in text: String) -> Found? {
    var cursor = Cursor(bytes: Array(text.utf8))
    return cursor.scan()
  }

  private struct Cursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    var flowDepth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() -> Found? {
      var nodeStart = true
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\n"):
          newLine()
          nodeStart = true
          continue
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
          index += 1
          continue
        case UInt8(ascii: "#") where index == lineStart || isBlank(index - 1):
          skipLine()
          continue
        default:
          break
        }
        if nodeStart {
          if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), isAnchorCharacter(index + 1) {
            return found(isAlias: byte == UInt8(ascii: "*"))
          }
          if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            skipQuoted(escape: byte == UInt8(ascii: "\"") ? UInt8(ascii: "\\") : nil)
            nodeStart = false
            continue
          }
          if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">"), flowDepth == 0 {
            skipBlockScalar()
            continue
          }
          if byte == UInt8(ascii: "!") {
            while index < bytes.count, !isBlankOrEnd(index) { index += 1 }
            continue
          }
          if [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(byte), isBlankOrEnd(index + 1) {
            index += 1
            continue
          }
        }
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          if nodeStart || flowDepth > 0 { flowDepth += 1 }
          nodeStart = flowDepth > 0
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          flowDepth = max(0, flowDepth - 1)
          nodeStart = false
        case UInt8(ascii: ","):
          nodeStart = flowDepth > 0
        case UInt8(ascii: ":"):
          // In flow a value may follow a quoted key's colon directly (`{"a":*x}`).
          nodeStart = flowDepth > 0 || isBlankOrEnd(index + 1)
        default:
          nodeStart = false
        }
        index += 1
      }
      return nil
    }

    private mutating func newLine() {
      index += 1
      line += 1
      lineStart = index
    }

    private mutating func skipLine() {
      while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }

    /// Skips a quoted scalar from its opening quote through its closing one (or the end):
    /// backslash escapes in double quotes, a doubled quote in single quotes.
    private mutating func skipQuoted(escape: UInt8?) {
      let quote = bytes[index]
      index += 1
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
          newLine()
        } else if byte == escape, index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
          index += 2
        } else if byte == quote {
          index += 1
          if escape == nil, index < bytes.count, bytes[index] == quote {
            index += 1
            continue
          }
          return
        } else {
          index += 1
        }
      }
    }

    /// Skips a block scalar (`|` or `>`): the rest of its header line, then every line that
    /// is blank or indented more than the header's line.
    private mutating func skipBlockScalar() {
      var indent = 0
      while lineStart + indent < bytes.count, bytes[lineStart + indent] == UInt8(ascii: " ") { indent += 1 }
      skipLine()
      while index < bytes.count {
        newLine()
        var spaces = 0
        while index + spaces < bytes.count, bytes[index + spaces] == UInt8(ascii: " ") { spaces += 1 }
        var end = index + spaces
        while end < bytes.count, isBlank(end) { end += 1 }
        let blank = end >= bytes.count || bytes[end] == UInt8(ascii: "\n")
        guard blank || spaces > indent else { return }
        skipLine()
      }
    }

    private func isBlank(_ position: Int) -> Bool {
      position >= 0 && position < bytes.count
        && [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[position])
    }

    private func isBlankOrEnd(_ position: Int) -> Bool {
      position >= bytes.count || isBlank(position) || bytes[position] == UInt8(ascii: "\n")
    }

    /// libyaml's anchor characters: ASCII letters, digits, `-` and `_`.
    private func isAnchorCharacter(_ position: Int) -> Bool {
      guard position < bytes.count else { return false }
      let byte = bytes[position]
      return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "_")
    }

    private func found(isAlias: Bool) -> Found {
      var end = index + 1
      while isAnchorCharacter(end), end - index <= 40 { end += 1 }
      // Columns count characters, as the parser's do: UTF-8 continuation bytes are skipped.
      let column = bytes[lineStart..<index].filter { $0 & 0xC0 != 0x80 }.count + 1
      let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      return Found(line: line, column: column, isAlias: isAlias, name: name)
    }
  }
}
