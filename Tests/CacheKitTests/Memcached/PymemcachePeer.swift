import Foundation
import TestSupport
import Testing

/// Tests/Peers/pymemcache_placement_peer.py under the Python CI provides (Django 5.2 and pymemcache):
/// one JSON request on its standard input, one JSON answer on its standard output.
enum PymemcachePeer {
  /// The answer to `request`, or nil after saying why the peer cannot run (a failure under
  /// CACHELINGS_REQUIRE_PEERS=1).
  static func ask<Request: Encodable, Answer: Decodable>(
    _ request: Request, as answer: Answer.Type, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Answer? {
    guard
      let python = RequiredPeer.djangoPython(
        for: "the pymemcache placement differential", sourceLocation: sourceLocation)
    else { return nil }
    var tests = #filePath
    for _ in 0..<3 { tests = (tests as NSString).deletingLastPathComponent }
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [tests + "/Peers/pymemcache_placement_peer.py"]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    try input.fileHandleForWriting.write(contentsOf: try JSONEncoder().encode(request))
    try input.fileHandleForWriting.close()
    let reply = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw PeerFailure(message: "the pymemcache peer exited with status \(process.terminationStatus)")
    }
    return try JSONDecoder().decode(Answer.self, from: reply)
  }

  struct PeerFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
