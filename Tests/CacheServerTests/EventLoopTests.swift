import CLinux
import CacheServer
import Foundation
import Glibc
import Synchronization
import Testing

/// Upper-cases every byte it receives and closes on "q".
private final class ShoutingFrontEnd: ProtocolFrontEnd, Sendable {
  let closedCount = Atomic<Int>(0)
  func connectionOpened(id: UInt64, peer: String) -> any ConnectionHandler { Handler(frontEnd: self) }
  func tick() {}

  final class Handler: ConnectionHandler {
    let frontEnd: ShoutingFrontEnd
    init(frontEnd: ShoutingFrontEnd) { self.frontEnd = frontEnd }

    func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
      var shouted: [UInt8] = []
      defer { output.append(shouted) }
      for byte in input {
        if byte == UInt8(ascii: "q") { return .close }
        shouted.append(byte >= 97 && byte <= 122 ? byte - 32 : byte)
      }
      return .keepOpen
    }

    func closed() { frontEnd.closedCount.add(1, ordering: .relaxed) }
  }
}

@Suite("EventLoop: sockets, pipelining, back-pressure and shutdown", .serialized)
struct EventLoopTests {
  @Test("replies arrive in order, also for input sent in many pieces")
  func echoInOrder() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    let client = try TestClient(port: server.port)
    client.send("hello ")
    client.send("world")
    #expect(client.receive(count: 11) == Array("HELLO WORLD".utf8))
    #expect(server.stop())
  }

  @Test("a handler's close is honoured after its replies are sent")
  func closeAfterReply() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    let client = try TestClient(port: server.port)
    client.send("bye q ignored")
    #expect(client.receive(count: 4) == Array("BYE ".utf8))
    #expect(client.isClosedByPeer())
    #expect(server.stop())
  }

  @Test("a large reply is delivered whole to a slow reader")
  func largeReply() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    let client = try TestClient(port: server.port)
    let payload = [UInt8](repeating: UInt8(ascii: "a"), count: 4 * 1024 * 1024)
    client.send(payload)
    let received = client.receive(count: payload.count)
    #expect(received.count == payload.count)
    #expect(received.allSatisfy { $0 == UInt8(ascii: "A") })
    #expect(server.stop())
  }

  @Test("a client that sends far more than it reads is paused, then resumed with nothing lost")
  func backPressure() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    let client = try TestClient(port: server.port, timeoutSeconds: 10)
    // Far beyond the high-water mark and both sockets' buffers: the loop must stop reading while the
    // client is not reading, and start again on its own once the replies drain.
    let payload = [UInt8](repeating: UInt8(ascii: "b"), count: 32 * 1024 * 1024)
    let descriptor = client.descriptor
    Thread.detachNewThread { TestClient.send(payload, on: descriptor) }
    usleep(300_000)
    let received = client.receive(count: payload.count)
    #expect(received.count == payload.count)
    #expect(received.allSatisfy { $0 == UInt8(ascii: "B") })
    #expect(server.stop())
  }

  @Test("a stop after the loop is gone writes into no descriptor reused since")
  func lateStopIsHarmless() throws {
    var loop: EventLoop? = try EventLoop(
      listener: ListeningSocket(address: "127.0.0.1", port: 0), frontEnd: ShoutingFrontEnd())
    let stopper = try #require(loop?.stopper)
    loop = nil
    // Descriptors are reused lowest first: had the loop closed its eventfd, one of the four ends of these
    // pairs would get it, after the listening socket's and epoll's.
    var ends: [Int32] = []
    for _ in 0..<2 {
      var pair: [Int32] = [-1, -1]
      #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
      ends += pair
    }
    defer { for end in ends { close(end) } }
    stopper.stop()
    for end in ends {
      var byte: UInt8 = 0
      #expect(recv(end, &byte, 1, Int32(MSG_DONTWAIT)) == -1, "nothing arrived on descriptor \(end)")
    }
  }

  @Test("1,000 connections opened and closed leave none behind")
  func manyConnections() throws {
    let frontEnd = ShoutingFrontEnd()
    let server = try RunningLoop { frontEnd }
    for batch in 0..<10 {
      var clients: [TestClient] = []
      for _ in 0..<100 { clients.append(try TestClient(port: server.port)) }
      clients[batch].send("x")
      #expect(clients[batch].receive(count: 1) == Array("X".utf8))
    }
    #expect(server.connectionCount() == 0)
    #expect(frontEnd.closedCount.load(ordering: .relaxed) == 1_000)
    #expect(server.stop())
  }

  @Test("a client vanishing mid-stream is cleaned up")
  func vanishingClient() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    do {
      let client = try TestClient(port: server.port)
      client.send([UInt8](repeating: 0x61, count: 100_000))
    }
    #expect(server.connectionCount() == 0)
    #expect(server.stop())
  }

  @Test("stop ends run() and the port is free again")
  func stopFreesPort() throws {
    let server = try RunningLoop { ShoutingFrontEnd() }
    let port = server.port
    #expect(server.stop())
    let again = try ListeningSocket(address: "127.0.0.1", port: port)
    #expect(again.port == port)
  }
}
