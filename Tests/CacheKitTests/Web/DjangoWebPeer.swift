import CacheKit
import Foundation
import TestSupport
import Testing

/// Tests/Peers/django_web_peer.py under the Python CI provides (Django 5.2 and redis-py), talking JSON
/// lines: Django's own page cache and fragment keys, for the differential tests.
final class DjangoWebPeer {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffered: [UInt8] = []

  /// The peer against our Redis server on `redisPort`, or nil after saying why it cannot run (a
  /// failure under CACHELINGS_REQUIRE_PEERS=1).
  static func start(
    redisPort: UInt16, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> DjangoWebPeer? {
    guard
      let python = RequiredPeer.djangoPython(
        for: "the Django web differential", sourceLocation: sourceLocation)
    else { return nil }
    return try DjangoWebPeer(python: python, redisPort: redisPort)
  }

  private init(python: String, redisPort: UInt16) throws {
    var tests = #filePath
    for _ in 0..<3 { tests = (tests as NSString).deletingLastPathComponent }
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [tests + "/Peers/django_web_peer.py", String(redisPort)]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// Sends `command` and decodes the answer; an answer with an error is thrown.
  func send<Command: Encodable>(_ command: Command) throws -> PeerAnswer {
    var line = try JSONEncoder().encode(command)
    line.append(0x0A)
    try input.fileHandleForWriting.write(contentsOf: line)
    while true {
      if let newline = buffered.firstIndex(of: 0x0A) {
        let answerLine = Array(buffered[..<newline])
        buffered.removeFirst(newline + 1)
        let answer = try JSONDecoder().decode(PeerAnswer.self, from: Data(answerLine))
        if let error = answer.error { throw PeerFailure(message: error) }
        return answer
      }
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { throw PeerFailure(message: "the Django peer exited") }
      buffered += chunk
    }
  }

  struct PeerFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "Django peer: \(message)" }
  }
}

/// What the peer answers: one of these fields is set, by command.
struct PeerAnswer: Decodable {
  var error: String?
  var ranView: Bool?
  var response: PeerResponse?
  var state: [String: PeerEntry]?
  var keys: [String]?
}

/// A response as both sides describe it for comparison.
struct PeerResponse: Codable, Equatable, CustomStringConvertible {
  var status: Int
  var headers: [[String]]
  var cookies: [[String]]
  var body: String
  var streaming: Bool

  /// Equal, with Expires allowed to differ by 2 s and Age by 2 (the two sides read their clocks at
  /// slightly different moments).
  func matches(_ other: PeerResponse) -> Bool {
    guard status == other.status, cookies == other.cookies, body == other.body, streaming == other.streaming,
      headers.count == other.headers.count
    else { return false }
    return zip(headers, other.headers).allSatisfy { mine, theirs in
      guard mine.count == 2, theirs.count == 2, mine[0] == theirs[0] else { return false }
      switch mine[0].lowercased() {
      case "expires":
        guard let a = HTTPDate.parse(mine[1]), let b = HTTPDate.parse(theirs[1]) else {
          return mine[1] == theirs[1]
        }
        return abs(a - b) <= 2
      case "age":
        guard let a = Int(mine[1]), let b = Int(theirs[1]) else { return false }
        return abs(a - b) <= 2
      default: return mine[1] == theirs[1]
      }
    }
  }

  var description: String {
    let fields = headers.map { $0.joined(separator: ": ") }.joined(separator: " | ")
    return
      "\(status) [\(fields)] cookies \(cookies) body \(body.debugDescription)\(streaming ? " (stream)" : "")"
  }
}

/// A key in a database as Django reads it back.
struct PeerEntry: Decodable {
  var ttl: Int
  var value: PeerValue
}

struct PeerValue: Decodable {
  var response: PeerResponse?
  var list: [String]?
  var int: Int?
  var other: String?

  func matches(_ other: PeerValue) -> Bool {
    if let mine = response, let theirs = other.response { return mine.matches(theirs) }
    return response == nil && other.response == nil && list == other.list && int == other.int
      && self.other == other.other
  }
}
