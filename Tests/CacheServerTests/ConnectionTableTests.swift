import CLinux
import Glibc
import Testing

@testable import CacheServer

/// Echoes what it receives and counts its close.
private final class EchoHandler: ConnectionHandler {
  var closeCount = 0
  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    output.append(Array(input))
    return .keepOpen
  }
  func closed() { closeCount += 1 }
}

/// Answers each byte it receives with 1,000 copies of it, and keeps the bytes it has not answered once
/// its output is full, as the front ends keep requests they have not run.
private final class KeepingHandler: ConnectionHandler {
  var kept: [UInt8] = []
  func receive(_ input: UnsafeRawBufferPointer, output: inout OutputBuffer) -> ConnectionAction {
    kept += input
    while !output.isFull, !kept.isEmpty {
      output.append(Array(repeating: kept.removeFirst(), count: 1_000))
    }
    return .keepOpen
  }
  func closed() {}
}

/// A connected pair of non-blocking stream sockets: `server` for the table, `client` for the test.
private struct SocketPair: ~Copyable {
  let server: Int32
  let client: Int32

  init() {
    var ends: [Int32] = [-1, -1]
    socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &ends)
    server = ends[0]
    client = ends[1]
  }

  func send(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Everything the table has written so far.
  func drain() -> [UInt8] {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return received }
      received += buffer[..<count]
    }
  }

  deinit { close(client) }
}

/// Runs body with a table on an epoll of its own and one connection open in it, answered by handler:
/// the table serves `pair.server`, the test speaks at `pair.client`.
private func withOneConnection(
  to handler: any ConnectionHandler, outputHighWater: Int? = nil,
  _ body: (borrowing SocketPair, inout ConnectionTable) -> Void
) {
  let epoll = epoll_create1(0)
  defer { close(epoll) }
  let pair = SocketPair()
  var table =
    outputHighWater.map { ConnectionTable(epoll: epoll, outputHighWater: $0) }
    ?? ConnectionTable(epoll: epoll)
  table.open(pair.server, handler: handler)
  body(pair, &table)
}

@Suite("ConnectionTable: reading, writing and back-pressure on one loop's connections")
struct ConnectionTableTests {
  @Test("a connection that stopped reading at the high-water mark reads again once a flush drains it")
  func resumesAfterDrain() {
    let handler = EchoHandler()
    withOneConnection(to: handler, outputHighWater: 4_096) { pair, table in
      // One read chunk and a little more: the first read fills the output past the mark, so the rest
      // stays in the socket, and no new input will ever raise another edge for it.
      let input = (0..<(ConnectionTable.readChunk + 16)).map { UInt8(truncatingIfNeeded: $0) }
      #expect(pair.send(input) == input.count)

      table.service(pair.server, events: EPOLLIN.rawValue)
      table.flushPass()
      #expect(pair.drain() == Array(input.prefix(ConnectionTable.readChunk)))
      #expect(table.resumable == [pair.server])

      table.resumeReading()
      table.flushPass()
      #expect(pair.drain() == Array(input.suffix(16)))
      #expect(table.resumable.isEmpty)
      table.dropAll()
      #expect(handler.closeCount == 1)
      #expect(table.count == 0)
    }
  }

  @Test("requests kept when the output filled up run once it drains, with no new input")
  func runsKeptRequestsAfterDrain() {
    let handler = KeepingHandler()
    withOneConnection(to: handler, outputHighWater: 4_096) { pair, table in
      #expect(pair.send(Array("abcdefghij".utf8)) == 10)

      table.service(pair.server, events: EPOLLIN.rawValue)
      table.flushPass()
      // Five answers pass the mark; the other five requests wait in the handler.
      #expect(pair.drain().count == 5_000)
      #expect(handler.kept == Array("fghij".utf8))
      #expect(table.resumable == [pair.server])

      table.resumeReading()
      table.flushPass()
      let rest = pair.drain()
      #expect(rest.count == 5_000 && rest.first == UInt8(ascii: "f") && rest.last == UInt8(ascii: "j"))
      #expect(handler.kept.isEmpty)
      table.dropAll()
    }
  }

  @Test("large values go out by reference, in order with the copied bytes around them")
  func referencedValues() {
    var output = OutputBuffer(highWater: 1 << 20)
    let value = [UInt8](repeating: 7, count: OutputBuffer.referenceThreshold)
    output.append([1, 2, 3, 4], references: [(2, value), (4, value)])
    #expect(output.pending == 4 + 2 * value.count)
    let pair = SocketPair()
    let sent = output.send(to: pair.server)
    #expect(sent)
    #expect(output.pending == 0)
    #expect(pair.drain() == [1, 2] + value + [3, 4] + value)
    close(pair.server)
  }

  @Test("the peer's end of input closes the connection once its replies are out")
  func closesAfterEndOfInput() {
    let handler = EchoHandler()
    withOneConnection(to: handler) { pair, table in
      #expect(pair.send(Array("last words".utf8)) == 10)
      shutdown(pair.client, Int32(SHUT_WR))

      table.service(pair.server, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
      table.flushPass()
      #expect(pair.drain() == Array("last words".utf8))
      #expect(handler.closeCount == 1)
      #expect(table.count == 0)
    }
  }
}
