import Foundation

/// The size of a JSON text in values, counted before it is decoded: a decoder builds every
/// value of a file in memory, so a manifest of a hundred million tiny entries would take
/// gigabytes even under the byte limit.
enum JSONSize {
  /// Values the manifest of a run of a million jobs holds (seven per job, a few per sweep
  /// point), with room to spare.
  static let manifestEntries = 16_000_000

  /// "N entries" when `data` holds more than `entries` values (commas and opening brackets
  /// outside strings), or nil.
  static func exceeding(_ data: Data, entries: Int) -> String? {
    var count = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"): count += 1
      default: continue
      }
    }
    return count > entries ? "\(count) entries" : nil
  }
}
