import CacheServer
import ServerAttacks
import TestSupport
import Testing

/// Raw bytes, valid and mutated, sent to our server and to a real memcached: each frame on a fresh
/// connection that the client then half-closes, so the whole answer (replies, errors, the connection
/// closing or not) is compared byte for byte, with MemcachedReplyComparison's allowances (a mutated
/// frame can turn a get into a gets, which shows each server's own cas numbers).
@Suite("Memcached front end vs real memcached, byte for byte", .serialized)
struct MemcachedFrameDifferentialTests {
  private static let seeds: [String] = [
    "set k 0 0 1\r\nv\r\n", "get k\r\n", "get k k2\r\n", "add k2 5 0 2\r\nab\r\n", "incr n 1\r\n",
    "set n 0 0 2\r\n10\r\n", "delete k\r\n", "touch k 10\r\n", "mg k v f t\r\n", "ms k 2 T0\r\nhi\r\n",
    "md k q\r\n", "ma n v\r\n", "mn\r\n", "version\r\n", "verbosity 1\r\n", "quit\r\n", "GET / HTTP/1.1\r\n",
    "set k 0 0 1 noreply\r\nv\r\nget k\r\n", "append k 0 0 1\r\nw\r\n", "gat 0 k\r\n",
  ]

  @Test("5,000 valid and mutated frames get the same bytes back", arguments: [UInt64(2_026_1124)])
  func mutatedFrames(seed: UInt64) throws {
    guard let executable = RequiredPeer.memcached() else { return }
    let peer = try PeerServer(.memcached, executable: executable)
    let ours = try RunningServer(memcached: .forTests())
    let mutator = FrameMutator(seeds: Self.seeds.map { Array($0.utf8) }, interesting: Self.interesting)
    let mismatches = try FrameDifferential.mismatches(
      count: 5_000, from: mutator, seed: seed, peerPort: peer.port, ourPort: ours.port
    ) { expected, actual in
      MemcachedReplyComparison.agree(
        String(decoding: expected, as: UTF8.self), String(decoding: actual, as: UTF8.self))
    }
    #expect(mismatches.isEmpty, "\n\(mismatches.joined(separator: "\n"))")
  }

  @Test("a line without LF closes after 2,048 bytes, as memcached does, unless it is a get")
  func longLines() throws {
    guard let executable = RequiredPeer.memcached() else { return }
    let peer = try PeerServer(.memcached, executable: executable)
    let ours = try RunningServer(memcached: .forTests())
    let frames = [
      Array(repeating: UInt8(ascii: "x"), count: 3_000),
      Array("get ".utf8) + Array(repeating: UInt8(ascii: "k"), count: 3_000) + Array("\r\n".utf8),
      Array("set ".utf8) + Array(repeating: UInt8(ascii: "k"), count: 2_100) + Array(" 0 0 1\r\nv\r\n".utf8),
    ]
    for frame in frames {
      #expect(
        try FrameDifferential.answer(to: frame, port: ours.port)
          == FrameDifferential.answer(to: frame, port: peer.port))
    }
  }

  /// What mutations put in, three times in four: line ends, spaces, digits and protocol syntax.
  private static let interesting: [UInt8] = Array("\r\n 0123456789-kvTqgsm".utf8) + [0]
}
