/// How the memcached differential tests compare replies: equal, except what the two servers cannot
/// share (see MemcachedDifferentialTests for the allow-list): cas numbers, meta `t`/`l` values within
/// one second, and counters that memcached sometimes stores without their padding.
enum MemcachedReplyComparison {
  /// Equal, except cas numbers, meta `t`/`l` values within one of each other, and padded counters.
  static func agree(_ real: String, _ ours: String) -> Bool {
    if real == ours { return true }
    let left = trimmingPaddedCounters(real.components(separatedBy: "\r\n"))
    let right = trimmingPaddedCounters(ours.components(separatedBy: "\r\n"))
    guard left.count == right.count else { return false }
    return zip(left, right).allSatisfy { lineAgrees($0, $1) }
  }

  /// A value of digits then spaces, after a VALUE or VA line, becomes the bare digits, and the line's
  /// byte count (and a meta `s` flag) follows.
  static func trimmingPaddedCounters(_ lines: [String]) -> [String] {
    var lines = lines
    for index in lines.indices.dropLast() {
      let data = lines[index + 1]
      let digits = data.prefix { $0.isNumber }
      guard !digits.isEmpty, digits.count < data.count, data.dropFirst(digits.count).allSatisfy({ $0 == " " })
      else { continue }
      var fields = lines[index].split(separator: " ").map(String.init)
      guard let kind = fields.first, kind == "VALUE" || kind == "VA", fields.count >= 2 else { continue }
      let sizeIndex = kind == "VALUE" ? 3 : 1
      guard fields.count > sizeIndex, fields[sizeIndex] == String(data.count) else { continue }
      fields[sizeIndex] = String(digits.count)
      for field in fields.indices where kind == "VA" && fields[field] == "s\(data.count)" {
        fields[field] = "s\(digits.count)"
      }
      lines[index] = fields.joined(separator: " ")
      lines[index + 1] = String(digits)
    }
    return lines
  }

  private static func lineAgrees(_ real: String, _ ours: String) -> Bool {
    if real == ours { return true }
    let left = real.split(separator: " ", omittingEmptySubsequences: false)
    let right = ours.split(separator: " ", omittingEmptySubsequences: false)
    guard left.count == right.count, let kind = left.first else { return false }
    if kind == "ME" {
      return zip(left, right).allSatisfy { a, b in
        guard a != b else { return true }
        let (name, x) = (a.prefix { $0 != "=" }, Int64(a.drop { $0 != "=" }.dropFirst()))
        let (other, y) = (b.prefix { $0 != "=" }, Int64(b.drop { $0 != "=" }.dropFirst()))
        guard name == other, let x, let y else { return false }
        return name == "cas" || ((name == "exp" || name == "la") && abs(x - y) <= 1)
      }
    }
    let isValue = kind == "VALUE" && left.count == 5
    let isMeta = ["VA", "HD", "EN", "NF", "NS", "EX"].contains(kind)
    guard isValue || isMeta else { return false }
    for (index, (a, b)) in zip(left, right).enumerated() where a != b {
      if isValue && index == 4 && a.allSatisfy(\.isNumber) && b.allSatisfy(\.isNumber) { continue }
      guard isMeta, let flag = a.first, flag == b.first, ["c", "t", "l"].contains(flag),
        let x = Int64(a.dropFirst()), let y = Int64(b.dropFirst())
      else { return false }
      if flag != "c" && abs(x - y) > 1 { return false }
    }
    return true
  }
}
