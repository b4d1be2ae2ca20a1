import FluxCore

/// Keyed decoding and encoding by string keys, with unknown keys refused.
///
/// Every scenario type decodes through `Fields`: it lists the keys the type knows, so a
/// misspelled key is an error ("did you mean …") instead of being silently ignored, and
/// it turns Swift's generic decoding failures into messages a scenario author can act on.
struct Fields {
  private let container: KeyedDecodingContainer<AnyKey>
  let codingPath: [CodingKey]

  /// Opens `decoder` as a mapping whose keys must all be in `known`.
  init(_ decoder: Decoder, known: [String], what: String) throws {
    do {
      container = try decoder.container(keyedBy: AnyKey.self)
    } catch {
      throw ScenarioDecodingFailure.at(decoder.codingPath, "expected a mapping (\(what))")
    }
    codingPath = decoder.codingPath
    for key in container.allKeys where !known.contains(key.stringValue) {
      let hint =
        Suggestion.closest(to: key.stringValue, among: known).map { "; did you mean '\($0)'?" }
        ?? "; expected one of \(known.joined(separator: ", "))"
      throw ScenarioDecodingFailure.at(codingPath + [key], "unknown key\(hint)")
    }
  }

  func has(_ key: String) -> Bool { container.contains(AnyKey(key)) }

  /// The value at `key`, which must be present.
  func required<T: Decodable>(_ key: String, _ type: T.Type = T.self) throws -> T {
    guard has(key) else { throw ScenarioDecodingFailure.at(codingPath, "missing required key '\(key)'") }
    return try container.decode(T.self, forKey: AnyKey(key))
  }

  /// The value at `key`, or nil when the key is absent.
  func optional<T: Decodable>(_ key: String, _ type: T.Type = T.self) throws -> T? {
    guard has(key) else { return nil }
    return try container.decode(T.self, forKey: AnyKey(key))
  }

  /// The keys present, in file order where the decoder keeps it.
  var keys: [String] { container.allKeys.map(\.stringValue) }
}

/// A coding key made from any string or index.
struct AnyKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int?

  init(_ string: String) {
    stringValue = string
    intValue = nil
  }

  init?(stringValue: String) { self.init(stringValue) }

  init?(intValue: Int) {
    stringValue = "[\(intValue)]"
    self.intValue = intValue
  }
}

/// A decoding failure with a message written for people; located later from its coding path.
struct ScenarioDecodingFailure: Error {
  var codingPath: [CodingKey]
  var message: String

  static func at(_ codingPath: [CodingKey], _ message: String) -> ScenarioDecodingFailure {
    ScenarioDecodingFailure(codingPath: codingPath, message: message)
  }
}

/// Encoding by string keys, the mirror of `Fields`.
struct EncodedFields {
  private var container: KeyedEncodingContainer<AnyKey>

  init(_ encoder: Encoder) { container = encoder.container(keyedBy: AnyKey.self) }

  mutating func set<T: Encodable>(_ key: String, _ value: T) throws {
    try container.encode(value, forKey: AnyKey(key))
  }

  mutating func set<T: Encodable>(_ key: String, _ value: T?) throws {
    if let value { try container.encode(value, forKey: AnyKey(key)) }
  }
}

extension Decoder {
  /// The single scalar at this position as text, or a failure saying what was expected.
  func scalarText(expected: String) throws -> String {
    do {
      return try singleValueContainer().decode(String.self)
    } catch {
      throw ScenarioDecodingFailure.at(codingPath, "expected \(expected)")
    }
  }
}

/// The dotted form of a coding path: `fleet.nodes.cumulus`, `mining.pools[1].share`.
func dottedPath(_ path: [CodingKey]) -> String {
  var text = ""
  for key in path {
    if let index = key.intValue {
      text += "[\(index)]"
    } else if key.stringValue.hasPrefix("[") {
      text += key.stringValue
    } else {
      text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
    }
  }
  return text
}
