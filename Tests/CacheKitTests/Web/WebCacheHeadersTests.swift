import CacheKit
import Testing

/// Django's header helpers, with the answers Django 5.2 gives for the same calls.
@Suite("Cache-Control, Vary and the request URI")
struct WebCacheHeadersTests {
  func cacheControl(_ initial: String?, _ directives: KeyValuePairs<String, CacheControlValue>) -> String? {
    var response = Response(headers: initial.map { ["Cache-Control": $0] } ?? [:])
    response.patchCacheControl(directives)
    return response.headers["Cache-Control"]
  }

  func vary(_ initial: String?, _ names: String...) -> String? {
    var response = Response(headers: initial.map { ["Vary": $0] } ?? [:])
    response.patchVaryHeaders(names)
    return response.headers["Vary"]
  }

  @Test("patch_cache_control: smaller max-age wins, public and private replace each other, no-cache collects")
  func patchCacheControl() {
    #expect(cacheControl("private, max-age=100", ["public": true, "max_age": 50]) == "max-age=50, public")
    #expect(cacheControl("public, Max-Age=10", ["private": true, "max_age": 50]) == "max-age=10, private")
    #expect(cacheControl("no-cache=Set-Cookie", ["no_cache": true]) == "no-cache")
    #expect(
      cacheControl("no-cache=Set-Cookie", ["no_cache": "X-Other"]) == "no-cache=Set-Cookie, no-cache=X-Other")
    #expect(cacheControl("max-age", ["max_age": 30]) == "max-age=1")
    #expect(cacheControl("", [:]) == "")
    #expect(
      cacheControl("s-maxage=5,  must-revalidate", ["stale_while_revalidate": 30])
        == "s-maxage=5, must-revalidate, stale-while-revalidate=30")
  }

  @Test("get_max_age reads max-age as Python's int() would")
  func maxAge() {
    let values = [
      "max-age=30", "max-age", "MAX-AGE=7", "max-age= 9", "max-age=1_0", "max-age=abc",
      "max-age=5, max-age=6", "public",
    ]
    #expect(values.map { Response(headers: ["Cache-Control": $0]).maxAge } == [30, 1, 7, 9, 10, nil, 6, nil])
    #expect(Response().maxAge == nil)
  }

  @Test("patch_vary_headers: no case-insensitive duplicates of what was there, * collapses")
  func patchVary() {
    #expect(vary(nil, "Cookie") == "Cookie")
    #expect(
      vary("Accept-Encoding", "cookie", "accept-encoding", "Cookie") == "Accept-Encoding, cookie, Cookie")
    #expect(vary("Cookie", "*") == "*")
    #expect(vary("Cookie,Accept", "X") == "Cookie, Accept, X")
    #expect(Response(headers: ["Vary": "Accept ,  COOKIE"]).hasVaryHeader("cookie"))
    #expect(!Response(headers: ["Vary": "Cookies"]).hasVaryHeader("cookie"))
  }

  @Test("never_cache and patch_response_headers")
  func neverCacheHeaders() throws {
    let now = 1_800_000_000.7
    var response = Response()
    response.addNeverCacheHeaders(now: now)
    #expect(response.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private")
    #expect(response.headers["Expires"] == "Fri, 15 Jan 2027 08:00:00 GMT")
    var preset = Response(headers: ["Expires": "Thu, 01 Jan 2037 00:00:00 GMT", "Cache-Control": "max-age=5"])
    preset.patchResponseHeaders(timeout: 600, now: now)
    #expect(preset.headers["Expires"] == "Thu, 01 Jan 2037 00:00:00 GMT")
    #expect(preset.headers["Cache-Control"] == "max-age=5")
    #expect(HTTPDate.parse("Thu, 01 Jan 2037 00:00:00 GMT") == 2_114_380_800)
    #expect(HTTPDate.parse("Thu, 31 Feb 2037 00:00:00 GMT") == nil)
    #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
  }

  @Test("build_absolute_uri: the path escaped, a raw query's bytes escaped as WSGI's Latin-1")
  func absoluteURI() {
    #expect(
      Request("GET", "http://example.com:8000/café/?q=é").absoluteURI
        == "http://example.com:8000/caf%C3%A9/?q=%C3%83%C2%A9")
    #expect(
      Request("GET", "http://example.com:8000/a%20b?x=a+b").absoluteURI
        == "http://example.com:8000/a%20b?x=a+b")
    #expect(Request("GET", "http://example.com:8000/a%2Fb/").absoluteURI == "http://example.com:8000/a/b/")
    #expect(
      Request("GET", "http://example.com:8000/~user/(x)").absoluteURI == "http://example.com:8000/~user/(x)")
    #expect(Request("get", "/x#part").absoluteURI == "http://testserver/x")
    #expect(
      Request("GET", "/", headers: ["Cookie": "a=1; b = 2;c"]).cookies == ["a": "1", "b": "2", "": "c"])
  }

  @Test("header fields: any case finds a field, setting it again keeps its place and takes the new spelling")
  func headerFields() {
    var headers: HTTPHeaders = ["Content-Type": "text/plain", "Vary": "Cookie"]
    headers["VARY"] = "Accept"
    headers["X-New"] = "1"
    #expect(headers.map(\.name) == ["Content-Type", "VARY", "X-New"])
    #expect(headers["vary"] == "Accept")
    headers["content-type"] = nil
    #expect(headers.count == 2 && !headers.contains("Content-Type"))
    #expect(Request("GET", "https://example.com").absoluteURI == "https://example.com/")
    #expect(Request("GET", "HTTPS://Example.com?x=1").path == "/")
    #expect(Request("GET", "/path:with/colon").absoluteURI == "http://testserver/path:with/colon")
  }
}
