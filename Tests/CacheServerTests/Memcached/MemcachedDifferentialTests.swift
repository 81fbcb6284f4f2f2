import CacheServer
import TestSupport
import Testing

/// Our Memcached-protocol server and a real memcached 1.6 get the same requests; their replies must be
/// the same.
///
/// Allow-list (documented differences):
/// - cas uniques are each server's own counter: the generator's cas commands use the unique each
///   server last reported for the key (so they compare by effect), and cas numbers in replies are
///   compared as present or absent, not by value.
/// - A meta `t` (seconds left) or `l` (seconds since access) may differ by one: the two servers'
///   clocks tick at different instants.
/// - When incr or decr makes a number shorter, memcached pads it with spaces in place, unless another
///   reference to the item is held at that instant (then it stores the bare digits); this server always
///   pads. Values that are digits followed by spaces are compared with the spaces trimmed.
/// - Not generated: `stats` (values differ by design; its own test checks the names), `quit` and
///   requests that close the connection (the byte-for-byte frame test covers those).
@Suite("Memcached front end vs real memcached", .serialized)
struct MemcachedDifferentialTests {
  @Test("5,000 seeded requests get the same replies", arguments: [UInt64(20_261_124), 2])
  func seededRequests(seed: UInt64) throws {
    guard let executable = MemcachedPeer.executable() else {
      if PeerProcess.requirePeers { Issue.record("memcached is not installed, and CI requires it") }
      print("skipped: memcached is not installed (apt-get install memcached)")
      return
    }
    let peer = try MemcachedPeer(executable: executable)
    let ours = try RunningServer(memcached: .forTests())
    let servers = [try MemcachedTextClient(port: peer.port), try MemcachedTextClient(port: ours.port)]
    var lastCas: [[String: String]] = [[:], [:]]
    var generator = MemcachedCommandGenerator(seed: seed)
    var mismatches: [String] = []
    var history: [String] = []
    for step in 0..<5_000 {
      let request = generator.next()
      history.append(request)
      var replies: [String] = []
      for (index, server) in servers.enumerated() {
        let concrete = Self.substituteCas(request, lastCas[index])
        guard let reply = server.exchange(Array(concrete.utf8)) else {
          mismatches.append(
            "step \(step): \(request.debugDescription): no reply from \(index == 0 ? "memcached" : "ours")")
          break
        }
        let text = String(decoding: reply, as: UTF8.self)
        Self.recordCas(request: concrete, reply: text, into: &lastCas[index])
        replies.append(text)
      }
      guard replies.count == 2 else { break }
      if !Self.agree(replies[0], replies[1]) {
        let key = request.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let earlier = history.dropLast().filter { $0.contains(" \(key)") }.suffix(6).map(\.debugDescription)
        mismatches.append(
          "step \(step): \(request.debugDescription)\n  real: \(replies[0].debugDescription)\n  ours: \(replies[1].debugDescription)\n  earlier on \(key): \(earlier.joined(separator: ", "))"
        )
        if mismatches.count >= 8 { break }
      }
    }
    #expect(mismatches.isEmpty, "\n\(mismatches.joined(separator: "\n"))")
  }

  /// Replaces `{cas:KEY}` and `{cas:KEY+1}` with this server's last cas unique for KEY (1 when none).
  static func substituteCas(_ request: String, _ known: [String: String]) -> String {
    var result = request
    while let start = result.range(of: "{cas:"), let end = result[start.upperBound...].firstIndex(of: "}") {
      var key = String(result[start.upperBound..<end])
      let plusOne = key.hasSuffix("+1")
      if plusOne { key.removeLast(2) }
      let cas = UInt64(known[key] ?? "1") ?? 1
      result.replaceSubrange(start.lowerBound...end, with: String(plusOne ? cas + 1 : cas))
    }
    return result
  }

  /// Notes the cas uniques a gets/gats or an `mg KEY ... c` reply reported.
  static func recordCas(request: String, reply: String, into known: inout [String: String]) {
    for line in reply.split(separator: "\r\n") {
      let fields = line.split(separator: " ")
      if fields.first == "VALUE" && fields.count == 5 { known[String(fields[1])] = String(fields[4]) }
    }
    let words = request.split(separator: " ")
    if words.first == "mg", words.count > 1, let line = reply.split(separator: "\r\n").first,
      line.hasPrefix("VA") || line.hasPrefix("HD")
    {
      for field in line.split(separator: " ")
      where field.first == "c" && field.dropFirst().allSatisfy(\.isNumber) {
        known[String(words[1])] = String(field.dropFirst())
      }
    }
  }

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
