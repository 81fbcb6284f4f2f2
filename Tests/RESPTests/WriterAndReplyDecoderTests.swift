import RESP
import Testing

@Suite("RESPWriter and RESPReplyDecoder")
struct WriterAndReplyDecoderTests {
  private func written(_ version: RESPVersion, _ body: (inout RESPWriter) -> Void) -> String {
    var writer = RESPWriter(version: version)
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test("exact bytes in RESP2 and RESP3")
  func exactBytes() {
    #expect(written(.v2) { $0.null() } == "$-1\r\n")
    #expect(written(.v3) { $0.null() } == "_\r\n")
    #expect(written(.v2) { $0.nullArray() } == "*-1\r\n")
    #expect(written(.v2) { $0.mapHeader(2) } == "*4\r\n")
    #expect(written(.v3) { $0.mapHeader(2) } == "%2\r\n")
    #expect(written(.v2) { $0.boolean(true) } == ":1\r\n")
    #expect(written(.v3) { $0.boolean(false) } == "#f\r\n")
    #expect(written(.v3) { $0.double(-.infinity) } == ",-inf\r\n")
    #expect(written(.v2) { $0.double(1.5) } == "$3\r\n1.5\r\n")
    #expect(
      written(.v3) { $0.verbatim(format: Array("txt".utf8), text: Array("hi".utf8)) } == "=6\r\ntxt:hi\r\n")
    #expect(written(.v2) { $0.verbatim(format: Array("txt".utf8), text: Array("hi".utf8)) } == "$2\r\nhi\r\n")
    #expect(written(.v2) { $0.error("ERR bad\r\nthing") } == "-ERR bad  thing\r\n")
    #expect(written(.v2) { $0.integer(Int64.min) } == ":-9223372036854775808\r\n")
    #expect(written(.v2) { $0.bulkString([]) } == "$0\r\n\r\n")
    #expect(
      written(.v2) { $0.command([Array("GET".utf8), Array("k".utf8)]) } == "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n")
  }

  private static let values: [RESPValue] = [
    .simpleString(Array("OK".utf8)), .error(Array("ERR no".utf8)), .integer(0), .integer(Int64.max),
    .integer(Int64.min), .bulkString([]), .bulkString([0, 13, 10, 255]), .null, .array([]),
    .array([.integer(1), .array([.bulkString(Array("x".utf8)), .null])]), .boolean(true), .double(1.5),
    .double(.infinity), .double(.nan), .bigNumber(Array("12345678901234567890".utf8)),
    .bulkError(Array("SYNTAX bad".utf8)), .verbatim(format: Array("txt".utf8), text: Array("a\r\nb".utf8)),
    .map([.init(.bulkString(Array("k".utf8)), .array([.integer(2)]))]), .set([.integer(1), .integer(2)]),
    .push([.simpleString(Array("message".utf8))]),
  ]

  @Test("every RESP3 value round-trips, also split at every byte")
  func roundTrip() throws {
    var writer = RESPWriter(version: .v3)
    for value in Self.values { writer.value(value) }
    let bytes = writer.bytes
    for split in [bytes.count] + Array(stride(from: 1, to: bytes.count, by: 7)) {
      var decoder = RESPReplyDecoder()
      var decoded: [RESPValue] = []
      for part in [bytes[..<split], bytes[split...]] {
        decoder.append(part)
        while let value = try decoder.next() { decoded.append(value) }
      }
      #expect(decoded == Self.values, "split at \(split)")
    }
  }

  @Test("bulk strings at the reference threshold are listed, not copied, at their place in the bytes")
  func referencedBulkStrings() {
    var writer = RESPWriter(referenceThreshold: 4)
    writer.bulkString(Array("abc".utf8))
    writer.bulkString(Array("long".utf8))
    #expect(writer.bytes == Array("$3\r\nabc\r\n$4\r\n\r\n".utf8))
    #expect(writer.references.map(\.offset) == [13] && writer.references.map(\.value) == [Array("long".utf8)])
    #expect(writer.count == writer.bytes.count + 4)
    writer.removeAll()
    #expect(writer.references.isEmpty && writer.count == 0)
  }

  @Test("RESP2 nulls decode as null")
  func resp2Nulls() throws {
    var decoder = RESPReplyDecoder()
    decoder.append(Array("$-1\r\n*-1\r\n".utf8))
    #expect(try decoder.next() == .null)
    #expect(try decoder.next() == .null)
    #expect(try decoder.next() == nil)
  }

  @Test(
    "a bad length header is refused; -1 is null only after $ and *",
    arguments: [
      ("$-2\r\n", "Protocol error: invalid bulk length"),
      ("!-1\r\n", "Protocol error: invalid bulk length"),
      ("$536870913\r\n", "Protocol error: invalid bulk length"),
      ("*-2\r\n", "Protocol error: invalid aggregate length"),
      ("~-1\r\n", "Protocol error: invalid aggregate length"),
      ("%2147483648\r\n", "Protocol error: invalid aggregate length"),
      ("*x\r\n", "Protocol error: invalid number"),
    ])
  func badLengthHeaders(reply: String, message: String) {
    var decoder = RESPReplyDecoder()
    decoder.append(Array(reply.utf8))
    #expect(throws: RESPProtocolError(message)) { try decoder.next() }
  }
}
