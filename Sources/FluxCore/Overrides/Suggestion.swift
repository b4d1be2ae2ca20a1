/// "Did you mean …?" for misspelled keys.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// plausible typo (at most 2 edits, or a third of the word's length).
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance($0, word)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
  }

  /// Levenshtein distance over UTF-8 bytes.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    var row = Array(0...b.count)
    for i in a.indices {
      var diagonal = row[0]
      row[0] = i + 1
      for j in b.indices {
        let above = row[j + 1]
        row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.count]
  }
}
