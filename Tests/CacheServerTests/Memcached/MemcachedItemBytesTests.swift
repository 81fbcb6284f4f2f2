import CacheServer
import TestSupport
import Testing

/// `stats` bytes as real memcached counts it: each item's total (header, key, value, cas, and 4 bytes of
/// client flags when they are not 0), kept right through replacing, appending, incr, delete and meta sets.
@Suite("Memcached stats bytes vs real memcached", .serialized)
struct MemcachedItemBytesTests {
  /// Each step runs on the server before its `stats` is read; the servers start empty.
  private static let steps = [
    "set foo 0 0 3\r\nbar\r\nset k2 5 0 10\r\n0123456789\r\nset longerkeyname 0 0 100\r\n"
      + String(repeating: "x", count: 100) + "\r\n",
    "set k2 0 0 2\r\nab\r\n",
    "append foo 0 0 4\r\nmore\r\n",
    "set n 7 0 1\r\n5\r\nincr n 100\r\n",
    "prepend n 0 0 1\r\n1\r\n",
    "delete foo\r\n",
    "ms mk 3 F9\r\nabc\r\nms mk 2 F0\r\nde\r\n",
    "ms mk 2 F4 MA\r\nfg\r\n",
  ]

  @Test("bytes after each step is the real server's")
  func bytesFollowTheRealServer() throws {
    guard let executable = RequiredPeer.memcached() else { return }
    let peer = try PeerServer(.memcached, executable: executable)
    let ours = try RunningServer(memcached: .forTests())
    for step in Self.steps {
      let expected = try bytes(after: step, port: peer.port)
      #expect(expected != nil, "real memcached's stats has a bytes line")
      #expect(try bytes(after: step, port: ours.port) == expected, "after \(step.debugDescription)")
    }
  }

  private func bytes(after step: String, port: UInt16) throws -> Int? {
    let answer = try FrameDifferential.answer(to: Array((step + "stats\r\n").utf8), port: port)
    let line = String(decoding: answer, as: UTF8.self).split(separator: "\r\n").first {
      $0.hasPrefix("STAT bytes ")
    }
    return line.flatMap { Int($0.dropFirst("STAT bytes ".count)) }
  }
}
