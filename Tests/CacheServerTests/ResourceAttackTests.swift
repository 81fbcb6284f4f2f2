import ServerAttacks
import TestSupport
import Testing

/// Issue #18's resource attacks on our servers, each run as its own process and measured, at a tenth
/// of the sizes (still far past the 1 MB high-water mark); the real server, when installed,
/// takes the same attack beside it. `cachelings-bench attacks` runs them at full size.
@Suite("Our servers under resource attacks", .serialized)
struct ResourceAttackTests {
  private static let allowance = 64 << 20
  private static let sizes = ResourceAttack.Sizes.quick

  private func mebibytes(_ bytes: Int) -> String { String(bytes >> 20) + " MiB" }

  /// Runs `attack` on our server and, when installed, the real one; returns their outcomes.
  private func run(
    _ attack: ResourceAttack, _ wire: WireProtocol
  ) throws -> (ours: ResourceAttack.Outcome, real: ResourceAttack.Outcome?)? {
    guard let server = try OurServerProcess.start(wire, wire == .redis ? ["--test-clock"] : []) else {
      return nil
    }
    let ours = try attack.run(wire, port: server.port, pid: server.processIdentifier, sizes: Self.sizes)
    var real: ResourceAttack.Outcome?
    if let executable = RequiredPeer.server(wire) {
      let peer = try PeerServer(wire, executable: executable)
      real = try withExtendedLifetime(peer) {
        try attack.run(wire, port: peer.port, pid: peer.processIdentifier, sizes: Self.sizes)
      }
    }
    print(
      "\(wire) \(attack.rawValue): ours +\(mebibytes(ours.memoryGrowth))"
        + (real.map { ", real +\(mebibytes($0.memoryGrowth))" } ?? ""))
    return (ours, real)
  }

  /// Pipelined gets and one get line naming the value hundreds of times: either way the replies pile
  /// up unread.
  @Test(
    "gets of a 1 MB value whose replies are never read cost under 64 MiB",
    arguments: [ResourceAttack.pipelinedGets, .repeatedKeyGet], WireProtocol.allCases)
  func unreadGets(attack: ResourceAttack, wire: WireProtocol) throws {
    guard let (ours, real) = try run(attack, wire) else { return }
    #expect(ours.aliveAfter)
    #expect(ours.memoryGrowth < Self.allowance, "grew by \(mebibytes(ours.memoryGrowth))")
    if wire == .redis, let real { #expect(ours.memoryGrowth <= max(real.memoryGrowth, Self.allowance)) }
  }

  @Test("KEYS and SCAN MATCH with backtracking patterns answer")
  func backtrackingPatterns() throws {
    guard let (ours, _) = try run(.backtrackingPattern, .redis) else { return }
    #expect(ours.answered && ours.aliveAfter)
  }

  @Test("a value bigger than maxmemory is refused with OOM")
  func oversizedValue() throws {
    guard let (ours, real) = try run(.oversizedValue, .redis) else { return }
    #expect(ours.detail == "-OOM command not allowed when used memory > 'maxmemory'.")
    if let real { #expect(ours.detail == real.detail) }
  }

  @Test("5,000 mutated frames per protocol leave the server answering", arguments: WireProtocol.allCases)
  func fuzz(wire: WireProtocol) throws {
    guard let server = try OurServerProcess.start(wire, ["--test-clock"]) else { return }
    let report = try FuzzCampaign(wire: wire, seed: 18, inputs: 5_000).run(port: server.port)
    #expect(report.inputs == 5_000)
    #expect(report.failures.isEmpty, "\(report.failures)")
  }
}

/// The other side of back-pressure: a client that does read gets every reply of a pipeline whose
/// replies pass the high-water mark (the kept requests must run as the replies drain).
@Suite("Pipelines past the high-water mark, read to the end")
struct HighWaterPipelineTests {
  @Test("memcached: 40 gets of a 30 KB value and a multi-get naming it 40 times all arrive")
  func memcached() throws {
    let server = try RunningServer(memcached: .forTests())
    let client = try TestClient(port: server.port, timeoutSeconds: 5)
    let value = [UInt8](repeating: UInt8(ascii: "m"), count: 30_000)
    client.send(Array("set big 0 0 \(value.count)\r\n".utf8) + value + [13, 10])
    #expect(client.receive(count: 8) == Array("STORED\r\n".utf8))
    let hit = Array("VALUE big 0 \(value.count)\r\n".utf8) + value + [13, 10]
    client.send(
      String(repeating: "get big\r\n", count: 40) + "get" + String(repeating: " big", count: 40) + "\r\n")
    let expected =
      Array([[UInt8]](repeating: hit + Array("END\r\n".utf8), count: 40).joined())
      + Array([[UInt8]](repeating: hit, count: 40).joined()) + Array("END\r\n".utf8)
    #expect(client.receive(count: expected.count) == expected)
  }

  @Test("redis: 40 GETs of a 30 KB value and an MGET naming it 40 times all arrive")
  func redis() throws {
    let server = try RunningServer(.forTests())
    let client = try TestClient(port: server.port, timeoutSeconds: 5)
    let value = [UInt8](repeating: UInt8(ascii: "r"), count: 30_000)
    client.send(WireProtocol.redis.set("big", value))
    #expect(client.receive(count: 5) == Array("+OK\r\n".utf8))
    let bulk = Array("$\(value.count)\r\n".utf8) + value + [13, 10]
    client.send(
      Array([[UInt8]](repeating: WireProtocol.redis.get("big"), count: 40).joined())
        + WireProtocol.redis.repeatedGet("big", times: 40))
    let expected =
      Array([[UInt8]](repeating: bulk, count: 40).joined()) + Array("*40\r\n".utf8)
      + Array([[UInt8]](repeating: bulk, count: 40).joined())
    #expect(client.receive(count: expected.count) == expected)
  }
}
