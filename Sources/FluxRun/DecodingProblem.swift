import FluxScenario
import Foundation

/// Where a JSON file fluxsim reads back (a manifest, a job result) is not what fluxsim
/// wrote, in words: the key path and what was expected there, not Foundation's dump of a
/// `DecodingError`.
enum DecodingProblem {
  /// "jobs[3].seed: expected a whole number", "not valid JSON"; with `snakeCase`
  /// key paths are shown as the file spells them (`text_hash`, not `textHash`).
  static func describe(_ error: Error, snakeCase: Bool = false) -> String {
    guard let error = error as? DecodingError else { return PlainWords.describe(error) }
    func path(_ keys: [CodingKey]) -> String {
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + (snakeCase ? snake(key.stringValue) : key.stringValue)
        }
      }
      return text.isEmpty ? "the top level" : text
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(noun(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(noun(type)), found null"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .dataCorrupted(let context):
      guard !context.codingPath.isEmpty else { return "not valid JSON" }
      return "\(path(context.codingPath)): \(context.debugDescription.prefix(120))"
    @unknown default:
      return "not what fluxsim writes"
    }
  }

  /// What a value of `type` looks like in JSON.
  private static func noun(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is Int64.Type, is UInt64.Type: "a whole number"
    case is Double.Type: "a number"
    case is String.Type: "text"
    case is Bool.Type: "true or false"
    default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
    }
  }

  /// `textHash` as `text_hash`.
  private static func snake(_ key: String) -> String {
    key.reduce(into: "") { text, character in
      text += character.isUppercase ? "_" + character.lowercased() : String(character)
    }
  }
}
