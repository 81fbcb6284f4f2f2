import ServerAttacks
import TestSupport

/// Raw frames sent to a real server and to ours, each on a fresh connection that the client then
/// half-closes, so that the whole answer (replies, protocol errors, the connection closing or not) is
/// compared byte for byte.
enum FrameDifferential {
  /// Where `count` frames from `mutator` get different answers from the server on `peerPort` and ours
  /// on `ourPort`, as readable lines, up to ten; `agree` accepts a documented difference.
  static func mismatches(
    count: Int, from mutator: FrameMutator, seed: UInt64, peerPort: UInt16, ourPort: UInt16,
    agree: ([UInt8], [UInt8]) -> Bool = { _, _ in false }
  ) throws -> [String] {
    var random = SplitMix64(seed: seed)
    var mismatches: [String] = []
    for step in 0..<count {
      let frame = mutator.next(&random)
      let expected = try answer(to: frame, port: peerPort)
      let actual = try answer(to: frame, port: ourPort)
      if expected != actual && !agree(expected, actual) {
        mismatches.append("step \(step): \(show(frame)) real: \(show(expected)) ours: \(show(actual))")
        if mismatches.count >= 10 { break }
      }
    }
    return mismatches
  }

  /// Everything the server on `port` answers to `frame` before it closes or goes quiet.
  static func answer(to frame: [UInt8], port: UInt16) throws -> [UInt8] {
    let client = try TestClient(port: port, timeoutSeconds: 2)
    client.send(frame)
    client.finishSending()
    return client.receiveAll()
  }

  /// The first 300 bytes, with CR, LF and unprintable bytes escaped.
  static func show(_ bytes: [UInt8]) -> String {
    bytes.prefix(300).map { byte in
      switch byte {
      case 13: "\\r"
      case 10: "\\n"
      case 32...126: String(UnicodeScalar(byte))
      default: "\\x" + String(byte, radix: 16)
      }
    }.joined()
  }
}
