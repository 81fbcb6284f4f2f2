import RESP
import Testing

@Suite("RESPRequestDecoder")
struct RequestDecoderTests {
  private func commands(_ text: String) throws -> [[String]] {
    var decoder = RESPRequestDecoder()
    decoder.append(Array(text.utf8))
    var found: [[String]] = []
    while let command = try decoder.next() {
      found.append(command.map { String(decoding: $0, as: UTF8.self) })
    }
    return found
  }

  private func error(_ text: String) -> String? {
    var decoder = RESPRequestDecoder()
    decoder.append(Array(text.utf8))
    do {
      while try decoder.next() != nil {}
      return nil
    } catch {
      return error.message
    }
  }

  private static let pipeline =
    "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\na\r\nb\0\r\n*1\r\n$4\r\nPING\r\nECHO \"hi there\"\r\n*2\r\n$3\r\nGET\r\n$0\r\n\r\n"
  private static let expected = [["SET", "k", "a\r\nb\0"], ["PING"], ["ECHO", "hi there"], ["GET", ""]]

  @Test("a pipeline fed whole yields every command in order")
  func wholePipeline() throws {
    #expect(try commands(Self.pipeline) == Self.expected)
  }

  @Test("the same pipeline split at every byte position yields the same commands")
  func everySplit() throws {
    let bytes = Array(Self.pipeline.utf8)
    for split in 1..<bytes.count {
      var decoder = RESPRequestDecoder()
      var found: [[String]] = []
      for part in [bytes[..<split], bytes[split...]] {
        decoder.append(part)
        while let command = try decoder.next() {
          found.append(command.map { String(decoding: $0, as: UTF8.self) })
        }
      }
      #expect(found == Self.expected, "split at \(split)")
    }
  }

  @Test("fed one byte at a time, the pipeline yields the same commands")
  func byteByByte() throws {
    var decoder = RESPRequestDecoder()
    var found: [[String]] = []
    for byte in Self.pipeline.utf8 {
      decoder.append([byte])
      while let command = try decoder.next() {
        found.append(command.map { String(decoding: $0, as: UTF8.self) })
      }
    }
    #expect(found == Self.expected)
  }

  @Test("inline commands: LF or CRLF, quotes, escapes, blank lines and empty multibulks skipped")
  func inline() throws {
    #expect(try commands("PING\r\n") == [["PING"]])
    #expect(try commands("PING\n") == [["PING"]])
    #expect(try commands("set k \"a b\"\r\n") == [["set", "k", "a b"]])
    #expect(try commands("echo \"\\x41\\n\\t\"\r\n") == [["echo", "A\n\t"]])
    #expect(try commands("echo 'it\\'s'\r\n") == [["echo", "it's"]])
    #expect(try commands("\r\n\r\n*0\r\n*-1\r\nPING\r\n") == [["PING"]])
    #expect(try commands("  spaced   out  \r\n") == [["spaced", "out"]])
  }

  @Test("each protocol error has Redis's exact text")
  func protocolErrors() {
    #expect(error("echo \"open\r\n") == "Protocol error: unbalanced quotes in request")
    #expect(error("echo \"a\"b\r\n") == "Protocol error: unbalanced quotes in request")
    #expect(error("echo 'a\r\n") == "Protocol error: unbalanced quotes in request")
    #expect(error(String(repeating: "a", count: 65 * 1024)) == "Protocol error: too big inline request")
    #expect(
      error("*" + String(repeating: "1", count: 65 * 1024)) == "Protocol error: too big mbulk count string")
    #expect(
      error("*1\r\n$" + String(repeating: "1", count: 65 * 1024))
        == "Protocol error: too big bulk count string")
    #expect(error("*abc\r\n") == "Protocol error: invalid multibulk length")
    #expect(error("*2147483648\r\n") == "Protocol error: invalid multibulk length")
    #expect(error("*+1\r\n") == "Protocol error: invalid multibulk length")
    #expect(error("*1\r\n:1\r\n") == "Protocol error: expected '$', got ':'")
    #expect(error("*1\r\n$-1\r\n") == "Protocol error: invalid bulk length")
    #expect(error("*1\r\n$abc\r\n") == "Protocol error: invalid bulk length")
    #expect(error("*1\r\n$536870913\r\n") == "Protocol error: invalid bulk length")
  }

  @Test("the largest allowed bulk waits for its bytes without reserving them")
  func hugeDeclaredBulk() throws {
    var decoder = RESPRequestDecoder()
    decoder.append(Array("*1\r\n$536870912\r\nabc".utf8))
    #expect(try decoder.next() == nil)
    #expect(decoder.bufferedByteCount == 3)
  }

  @Test("big arguments arriving in pieces, between other commands, come out whole and in order")
  func bigArguments() throws {
    let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
    var writer = RESPWriter()
    writer.command([Array("PING".utf8)])
    writer.command([Array("SET".utf8), Array("k".utf8), big])
    writer.command([Array("SET".utf8), big, big])
    writer.command([Array("PING".utf8)])
    var decoder = RESPRequestDecoder()
    var commands: [[[UInt8]]] = []
    var offset = 0
    while offset < writer.bytes.count {
      let end = min(offset + 16_384, writer.bytes.count)
      decoder.append(writer.bytes[offset..<end])
      offset = end
      while let command = try decoder.next() { commands.append(command) }
    }
    #expect(
      commands == [
        [Array("PING".utf8)], [Array("SET".utf8), Array("k".utf8), big], [Array("SET".utf8), big, big],
        [Array("PING".utf8)],
      ])
    #expect(decoder.bufferedByteCount == 0)
  }

  @Test("consumed bytes are dropped, so a long pipeline does not accumulate")
  func compaction() throws {
    var decoder = RESPRequestDecoder()
    let command = Array("*1\r\n$4\r\nPING\r\n".utf8)
    for _ in 0..<10_000 {
      decoder.append(command)
      #expect(try decoder.next() == [Array("PING".utf8)])
    }
    #expect(decoder.bufferedByteCount == 0)
  }
}
