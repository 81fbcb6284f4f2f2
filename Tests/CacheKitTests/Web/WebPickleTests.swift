import CacheKit
import Testing

/// The pickle subset the web layer shares with Django: Django's own pickles (captured from Django 5.2
/// on Python 3.11 with `pickle.HIGHEST_PROTOCOL`, as its Redis and memory backends write them) read
/// back, and ours read by ourselves (the differential tests have Django read ours).
@Suite("Pickle")
struct WebPickleTests {
  static func bytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  /// `HttpResponse(b"hello")` with Vary Cookie, Cache-Control max-age=10 and the cookie a="b c".
  static let djangoResponse = bytes(
    "80059541020000000000008c14646a616e676f2e687474702e726573706f6e7365948c0c48747470526573706f6e73659493942981"
      + "947d94288c07686561646572739468008c0f526573706f6e7365486561646572739493942981947d948c065f73746f7265947d9428"
      + "8c0c636f6e74656e742d74797065948c0c436f6e74656e742d54797065948c18746578742f68746d6c3b20636861727365743d7574"
      + "662d389486948c0476617279948c0456617279948c06436f6f6b69659486948c0d63616368652d636f6e74726f6c948c0d43616368"
      + "652d436f6e74726f6c948c0a6d61782d6167653d31309486947573628c085f63686172736574944e8c115f7265736f757263655f63"
      + "6c6f73657273945d948c0e5f68616e646c65725f636c617373944e8c07636f6f6b696573948c0c687474702e636f6f6b696573948c"
      + "0c53696d706c65436f6f6b69659493942981948c016194681d8c064d6f7273656c949394298194288c0765787069726573948c0094"
      + "8c0470617468948c012f948c07636f6d6d656e749468268c06646f6d61696e9468268c076d61782d6167659468268c067365637572"
      + "659468268c08687474706f6e6c799468268c0776657273696f6e9468268c0873616d6573697465946826757d94288c036b65799468"
      + "218c0576616c7565948c03622063948c0b636f6465645f76616c7565948c052262206322947562738c06636c6f73656494898c0b73"
      + "74617475735f636f6465944bc88c0e5f726561736f6e5f706872617365944e8c0a5f636f6e7461696e6572945d94430568656c6c6f"
      + "946175622e")

  @Test("Django's pickled HttpResponse reads as its status, headers, cookie and body")
  func readsDjangoResponse() throws {
    let value = try PickleReader.read(Self.djangoResponse)
    guard case .object(let object) = value else {
      Issue.record("not an instance: \(value)")
      return
    }
    #expect(object.module == "django.http.response" && object.name == "HttpResponse")
    let response = try #require(DjangoPickle.decodeResponse(Self.djangoResponse))
    #expect(response.status == 200)
    #expect(
      response.headers
        == ["Content-Type": "text/html; charset=utf-8", "Vary": "Cookie", "Cache-Control": "max-age=10"])
    #expect(response.cookies.map(\.name) == ["a"])
    #expect(response.cookie("a") == ResponseCookie("b c"))
    #expect(response.content == Array("hello".utf8))
  }

  @Test("Django's pickled header list and str")
  func readsListAndString() {
    #expect(
      DjangoPickle.decodeStrings(
        Self.bytes("8005951c000000000000005d94288c0b485454505f434f4f4b4945948c06485454505f5894652e"))
        == ["HTTP_COOKIE", "HTTP_X"])
    #expect(DjangoPickle.decodeString(Self.bytes("8005950a000000000000008c0668c3a96c6c6f942e")) == "héllo")
    // The SafeString Django's {% cache %} tag stores for a fragment rendered as "body".
    let safeString = Self.bytes(
      "80059535000000000000008c17646a616e676f2e7574696c732e73616665737472696e67948c0a53616665537472696e67949394"
        + "8c04626f647994859481942e")
    #expect(DjangoPickle.decodeString(safeString) == "body")
    #expect(DjangoPickle.decodeString(DjangoPickle.encode(safeString: "<b>ok</b>")) == "<b>ok</b>")
  }

  @Test("what CacheKit writes it reads back")
  func roundTrips() throws {
    var response = Response(
      status: 200, headers: ["Vary": "Cookie", "X-Long": String(repeating: "x", count: 300)], text: "ok")
    response.setCookie(
      "theme", ResponseCookie("dark mode", maxAge: 60, secure: true, httpOnly: true, sameSite: "Lax"))
    #expect(DjangoPickle.decodeResponse(DjangoPickle.encode(response: response)) == response)
    #expect(DjangoPickle.decodeStrings(DjangoPickle.encode(strings: [])) == [])
    #expect(
      DjangoPickle.decodeStrings(DjangoPickle.encode(strings: ["HTTP_A", "HTTP_B"])) == ["HTTP_A", "HTTP_B"])
    for number in [0, 255, 256, 65_535, 65_536, -1, Int(Int32.min), Int(Int32.max) + 1, Int.min, Int.max] {
      #expect(try PickleReader.read(PickleWriter.write(.int(number))) == .int(number))
    }
    let nested: PickleValue = .dict([
      (.string("t"), .tuple([.none, .bool(true), .float(1.5), .bytes([0, 255])])),
      (.string("many"), .tuple((0..<5).map(PickleValue.int))),
    ])
    #expect(try PickleReader.read(PickleWriter.write(nested)) == nested)
  }

  @Test("what is not a pickle it understands is an error, not a crash")
  func rejectsGarbage() {
    for garbage: [UInt8] in [
      [], [0x80], [0x80, 5, 0x8C, 10, 0x41], [0x2E], [0x80, 4, 0x65, 0x2E], Array("hello".utf8),
    ] {
      #expect(throws: PickleError.self) { try PickleReader.read(garbage) }
    }
    #expect(DjangoPickle.decodeResponse(Array("42".utf8)) == nil)
  }
}
