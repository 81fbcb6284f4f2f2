/// Redis's memory values: bytes, or a number with k, kb, m, mb, g or gb.
public enum MemorySize {
  public static func parse(_ text: String) -> Int? {
    let lower = text.lowercased()
    let units: [(String, Int)] = [
      ("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("g", 1_000_000_000), ("m", 1_000_000), ("k", 1_000),
      ("b", 1),
    ]
    for (suffix, scale) in units where lower.hasSuffix(suffix) {
      return Int(lower.dropLast(suffix.count)).flatMap { $0 >= 0 ? $0 * scale : nil }
    }
    return Int(lower).flatMap { $0 >= 0 ? $0 : nil }
  }
}
