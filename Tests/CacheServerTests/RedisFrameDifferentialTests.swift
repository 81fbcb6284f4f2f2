import CacheServer
import ServerAttacks
import TestSupport
import Testing

/// Raw bytes, valid and mutated, sent to our server and to a real redis-server: each frame on a fresh
/// connection that the client then half-closes, so the whole answer (replies, protocol errors, the
/// connection closing) is compared byte for byte. This is where the request decoder's edge cases live:
/// bad lengths, missing CR LF, inline quoting, NUL bytes, frames cut short.
@Suite("Redis front end vs real redis-server, byte for byte", .serialized)
struct RedisFrameDifferentialTests {
  private static let seeds: [String] = [
    "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n", "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", "PING\r\n",
    "set a \"b c\"\r\n", "echo 'x y' \"\\x41\\n\"\r\n", "*1\r\n$4\r\nPING\r\n",
    "*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n",
    "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", "*-1\r\n", "*0\r\n", "\r\n", "PING\n",
    "*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n",
    "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\na\0\r\n", "GET k\r\nGET n\r\n",
  ]

  @Test("5,000 valid and mutated frames get the same bytes back", arguments: [UInt64(2_026_1124)])
  func mutatedFrames(seed: UInt64) throws {
    guard let executable = RequiredPeer.redis() else { return }
    let peer = try PeerServer(.redis, executable: executable)
    let ours = try RunningServer(.forTests())
    let mutator = FrameMutator(seeds: Self.seeds.map { Array($0.utf8) }, interesting: Self.interesting)
    let mismatches = try FrameDifferential.mismatches(
      count: 5_000, from: mutator, seed: seed, peerPort: peer.port, ourPort: ours.port)
    #expect(mismatches.isEmpty, "\n\(mismatches.joined(separator: "\n"))")
  }

  /// Bytes that matter to the decoder, put in by mutations more often than chance would pick them.
  private static let interesting: [UInt8] = Array("\r\n*$-+0123456789\"' \\x".utf8) + [0]
}
