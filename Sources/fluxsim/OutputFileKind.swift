import FluxReport
import Foundation

/// The single files fluxsim writes on request, and how it recognises one it wrote: only
/// such a file may be replaced, so `--junit notes.txt` or `--out scenario.yaml` cannot
/// overwrite a file of the user's.
enum OutputFileKind {
  /// `check --junit`: XML whose root is `<testsuites name="fluxsim check" …>`.
  case junit
  /// `diff-rules --out`: Markdown titled "# Rule change: …", or JSON opening with its
  /// `report` key (`RulesDiffReport.jsonKind`).
  case rulesDiff

  var option: String {
    switch self {
    case .junit: "--junit"
    case .rulesDiff: "--out"
    }
  }

  private var noun: String {
    switch self {
    case .junit: "a JUnit report of fluxsim check"
    case .rulesDiff: "a report of fluxsim diff-rules"
    }
  }

  /// Whether the first bytes of a file are this kind's.
  private func recognises(_ head: Data) -> Bool {
    switch self {
    case .junit:
      let text = String(decoding: head, as: UTF8.self)
      return text.hasPrefix("<?xml") && text.contains("<testsuites name=\"fluxsim check\"")
    case .rulesDiff:
      let json = "{\n\"report\": \"\(RulesDiffReport.jsonKind)\""
      return head.starts(with: Data("# Rule change: ".utf8)) || head.starts(with: Data(json.utf8))
    }
  }

  /// Why the file at `url` must not be written, in words that follow its path, or nil.
  func refusal(_ url: URL) -> String? {
    let parent = url.deletingLastPathComponent()
    guard Paths.entry(parent) == .folder || Paths.entry(parent) == .link else {
      return "cannot be written: the folder \(parent.path) does not exist"
    }
    switch Paths.entry(url) {
    case .missing: return nil
    case .folder: return "is a folder; give \(option) a file name"
    case .link: return "is a symbolic link; give \(option) the file's own path"
    case .other: return "is a device, pipe or socket, not a file fluxsim wrote"
    case .file:
      let head = FileHandle(forReadingAtPath: url.path).flatMap { try? $0.read(upToCount: 256) } ?? Data()
      guard recognises(head) else {
        return "is a file that is not \(noun); fluxsim replaces the file it writes, so give \(option) a new file "
          + "or one fluxsim wrote"
      }
      return nil
    }
  }
}
