/// Finds the names closest to a mistyped one, for "did you mean ...?".
public enum Suggestions {
  /// The candidates within a small edit distance of word (about a third of its length, at least 1), or that
  /// start with it, nearest first.
  public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let word = word.lowercased()
    let allowed = max(1, word.count / 3)
    let scored = candidates.compactMap { candidate -> (String, Int)? in
      let lowered = candidate.lowercased()
      if !word.isEmpty && lowered.hasPrefix(word) { return (candidate, 0) }
      let distance = editDistance(word, lowered)
      return distance <= allowed ? (candidate, distance) : nil
    }
    return scored.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
  }

  /// Damerau-style edit distance (insert, delete, substitute, swap neighbours) between two strings.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }

  /// " (did you mean 'a' or 'b'?)" for the closest candidates, or "" when none is close.
  public static func didYouMean(_ word: String, among candidates: [String]) -> String {
    let found = closest(to: word, among: candidates).map { "'\($0)'" }
    guard let last = found.last else { return "" }
    let list = found.count == 1 ? last : found.dropLast().joined(separator: ", ") + " or " + last
    return " (did you mean \(list)?)"
  }
}
