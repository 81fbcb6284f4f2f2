/// The `save` parameter: pairs of seconds and changes after which Redis would snapshot to disk. This
/// server keeps nothing on disk, so the value is only checked and reported back, as CONFIG GET shows it.
struct SavePoints: CustomStringConvertible, Sendable {
  private var pairs: [(seconds: Int64, changes: Int64)] = []

  init() {}

  /// Parses `"3600 1 300 100"`; an empty string means no snapshots. Nil for anything else, where
  /// Redis answers "Invalid save parameters".
  init?(_ text: String) {
    let numbers = text.split(separator: " ").map { Int64($0) }
    guard numbers.count % 2 == 0, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
    for index in stride(from: 0, to: numbers.count, by: 2) {
      pairs.append((numbers[index]!, numbers[index + 1]!))
    }
  }

  var description: String { pairs.map { "\($0.seconds) \($0.changes)" }.joined(separator: " ") }
}
