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
    guard let executable = RequiredPeer.memcached() else { return }
    let peer = try PeerServer(.memcached, executable: executable)
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
      if !MemcachedReplyComparison.agree(replies[0], replies[1]) {
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
}
