import CacheServer
import Foundation
import Glibc
import ServerAttacks
import TestSupport
import Testing

@Suite("Redis front end under bad input and many clients", .serialized)
struct RedisRobustnessTests {
  @Test("100,000 random and mutated frames never stop the server or leak a connection")
  func mutatedFrames() throws {
    let server = try RunningServer(.forTests())
    var campaign = FuzzCampaign(wire: .redis, seed: 7, inputs: 100_000)
    campaign.framesPerConnection = 500
    let report = try campaign.run(port: server.port)
    #expect(report.failures.isEmpty, "\(report.failures)")
    let probe = try RedisReplyReader(port: server.port)
    #expect(try probe.call(["PING"]) == .simpleString(Array("PONG".utf8)))
    usleep(300_000)
    let clients = try probe.call(["INFO", "clients"])?.text ?? ""
    #expect(clients.contains("connected_clients:1\r\n"), "\(clients)")
  }

  @Test("a protocol error gets Redis's reply and then the connection closes")
  func protocolErrorCloses() throws {
    let server = try RunningServer(.forTests())
    let client = try TestClient(port: server.port)
    client.send("*1\r\n$abc\r\n")
    let reply = Array("-ERR Protocol error: invalid bulk length\r\n".utf8)
    #expect(client.receive(count: reply.count) == reply)
    #expect(client.isClosedByPeer())
  }

  @Test("a huge declared bulk does not make the server allocate it")
  func hugeDeclaredBulk() throws {
    let server = try RunningServer(.forTests())
    let client = try TestClient(port: server.port)
    client.send("*2\r\n$3\r\nGET\r\n$536870912\r\nabc")
    let probe = try RedisReplyReader(port: server.port)
    #expect(try probe.call(["PING"]) == .simpleString(Array("PONG".utf8)))
  }

  @Test("a client that half-closes after a long pipeline still gets every reply")
  func halfCloseAfterPipeline() throws {
    let server = try RunningServer(.forTests())
    let client = try TestClient(port: server.port)
    client.send(String(repeating: "PING\r\n", count: 20_000))
    client.finishSending()
    let replies = client.receiveAll()
    #expect(replies.count == 20_000 * 7)
    #expect(replies.suffix(7) == Array("+PONG\r\n".utf8))
  }

  @Test("pipelined commands are answered in order")
  func pipelining() throws {
    let server = try RunningServer(.forTests())
    let client = try TestClient(port: server.port)
    client.send(String(repeating: "INCR counter\r\n", count: 1_000))
    let expected = (1...1_000).map { ":\($0)\r\n" }.joined()
    #expect(client.receive(count: expected.utf8.count) == Array(expected.utf8))
  }

  @Test("ADVANCECLOCK exists only with the test flag, and expires keys without waiting")
  func testClock() throws {
    var plain = RedisServer.Options.forTests()
    plain.testClock = false
    let withoutFlag = try RunningServer(plain)
    let off = try RedisReplyReader(port: withoutFlag.port)
    #expect(
      try off.call(["ADVANCECLOCK", "1000"])?.text?.hasPrefix("ERR unknown command 'ADVANCECLOCK'") == true)
    let server = try RunningServer(.forTests())
    let on = try RedisReplyReader(port: server.port)
    #expect(try on.call(["SET", "k", "v", "EX", "10"]) == .simpleString(Array("OK".utf8)))
    #expect(try on.call(["ADVANCECLOCK", "10000"]) == .simpleString(Array("OK".utf8)))
    #expect(try on.call(["GET", "k"]) == .null)
  }

  @Test("ADVANCECLOCK refuses an amount that would overflow the clock, and the server lives on")
  func testClockOverflow() throws {
    let server = try RunningServer(.forTests())
    let client = try RedisReplyReader(port: server.port)
    #expect(try client.call(["SET", "k", "v"]) == .simpleString(Array("OK".utf8)))
    #expect(
      try client.call(["ADVANCECLOCK", "9223372036854775807"])
        == .error(Array("ERR value is not an integer or out of range".utf8)))
    #expect(
      try client.call(["ADVANCECLOCK", "-1"])
        == .error(Array("ERR value is out of range, must be positive".utf8)))
    #expect(try client.call(["ADVANCECLOCK", "1000"]) == .simpleString(Array("OK".utf8)))
    #expect(
      try client.call(["ADVANCECLOCK", String(Int64.max - 2_000)])
        == .error(Array("ERR value is not an integer or out of range".utf8)))
    #expect(try client.call(["GET", "k"]) == .bulkString(Array("v".utf8)))
  }
}
