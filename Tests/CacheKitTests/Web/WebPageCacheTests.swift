import CacheKit
import Synchronization
import Testing

/// PageCache's rules on a memory cache with a clock the tests move. The differential tests hold the
/// same rules against Django itself; these name each rule on its own.
@Suite("Page cache rules")
struct WebPageCacheTests {
  static let counter = Atomic<Int>(0)

  let clock = ManualClock()
  let cache: MemoryCache
  let calls = ViewCalls()

  init() {
    let name = "page-cache-tests-\(Self.counter.add(1, ordering: .relaxed).newValue)"
    cache = MemoryCache(name: name, options: CacheOptions(clock: clock, warnings: .silent))
  }

  func pages(_ timeout: Int? = nil, keys: PageCacheKeys = PageCacheKeys()) -> PageCache {
    PageCache(cache: cache, pageTimeout: timeout, keys: keys)
  }

  /// A view that answers `response` and counts its calls.
  func view(_ response: Response) -> View {
    let calls = self.calls
    return { _ in
      calls.set()
      return response
    }
  }

  /// Whether the view ran for `request` (a miss) or the cache answered (a hit).
  func ran(
    _ pages: PageCache, _ request: Request, _ response: Response = Response(text: "page")
  ) throws -> Bool {
    _ = try pages.respond(to: request, with: view(response))
    return calls.take()
  }

  @Test("a GET is stored under Django's keys and served with its Age")
  func storesAndServes() throws {
    let pages = pages()
    let request = Request("GET", "https://example.com/news/?page=2")
    #expect(try ran(pages, request))
    let uri = MD5.hex("https://example.com/news/?page=2".utf8)
    #expect(try cache.hasKey("views.decorators.cache.cache_header..\(uri).en-us.UTC"))
    let noHeaders = MD5.hex([UInt8]())
    #expect(try cache.hasKey("views.decorators.cache.cache_page..GET.\(uri).\(noHeaders).en-us.UTC"))
    clock.advance(by: 10)
    let served = try pages.respond(to: request, with: view(Response(text: "new")))
    #expect(!calls.take())
    #expect(served.content == Array("page".utf8))
    #expect(served.headers["Cache-Control"] == "max-age=600")
    #expect(served.headers["Expires"] == HTTPDate.format(1_800_000_000 + 600))
    #expect(served.headers["Age"] == "10")
  }

  @Test("key prefix, i18n and time zone suffixes, and the cache's own KEY_PREFIX and VERSION")
  func keyParts() throws {
    let prefixed = MemoryCache(
      name: "page-cache-prefixed-\(Self.counter.add(1, ordering: .relaxed).newValue)",
      options: CacheOptions(keyPrefix: "site", version: 3, clock: clock))
    let pages = PageCache(
      cache: prefixed, keys: PageCacheKeys(keyPrefix: "shop", language: nil, timeZone: nil))
    _ = try pages.respond(to: Request("GET", "/"), with: view(Response()))
    let uri = MD5.hex("http://testserver/".utf8)
    #expect(prefixed.get(CacheKey("site:3:views.decorators.cache.cache_header.shop.\(uri)")) != nil)
  }

  @Test("only GET and HEAD; HEAD is served a stored GET page, GET never a HEAD page")
  func methods() throws {
    let pages = pages()
    #expect(try ran(pages, Request("POST", "/form")))
    #expect(try ran(pages, Request("POST", "/form")))
    #expect(try ran(pages, Request("HEAD", "/a")))
    #expect(try ran(pages, Request("GET", "/a")))
    #expect(!(try ran(pages, Request("GET", "/a"))))
    #expect(try ran(pages, Request("GET", "/b")))
    #expect(!(try ran(pages, Request("HEAD", "/b"))))
  }

  @Test("only a 200 is stored; a 304 gets its headers patched but is not stored")
  func statuses() throws {
    let pages = pages()
    #expect(try ran(pages, Request("GET", "/missing"), Response(status: 404)))
    #expect(try ran(pages, Request("GET", "/missing"), Response(status: 404)))
    let notModified = try pages.respond(to: Request("GET", "/n"), with: view(Response(status: 304)))
    #expect(notModified.headers["Cache-Control"] == "max-age=600" && notModified.headers["Expires"] != nil)
    #expect(try ran(pages, Request("GET", "/n"), Response(status: 304)))
    #expect(try ran(pages, Request("GET", "/s"), Response(body: .streaming([[1]]))))
    #expect(try ran(pages, Request("GET", "/s"), Response(body: .streaming([[1]]))))
  }

  @Test(
    "not stored: cookies while varying on Cookie, private/no-cache/no-store anywhere in Cache-Control, Vary *"
  )
  func refusals() throws {
    let pages = pages()
    var withCookie = Response(headers: ["Vary": "Accept, Cookie"])
    withCookie.setCookie("csrftoken", ResponseCookie("t"))
    let refused: [Response] = [
      withCookie,
      Response(headers: ["Cache-Control": "PRIVATE"]),
      Response(headers: ["Cache-Control": "max-age=60, x-no-store-hint"]),
      Response(headers: ["Cache-Control": "no-cache=Set-Cookie"]),
      Response(headers: ["Vary": "Accept, *"]),
      Response(headers: ["Cache-Control": "max-age=0"]),
    ]
    for (index, response) in refused.enumerated() {
      let request = Request("GET", "/refused/\(index)")
      #expect(try ran(pages, request, response))
      #expect(try ran(pages, request, response), "\(response.headers)")
    }
    var cookieNoVary = Response()
    cookieNoVary.setCookie("csrftoken", ResponseCookie("t"))
    #expect(try ran(pages, Request("GET", "/cookie"), cookieNoVary))
    let served = try pages.respond(to: Request("GET", "/cookie"), with: view(Response()))
    #expect(!calls.take() && served.cookie("csrftoken")?.value == "t")
  }

  @Test("page timeout, then max-age, then the default; nil is not forever and 0 stores nothing")
  func timeouts() throws {
    let fixed = pages(30)
    #expect(try ran(fixed, Request("GET", "/t"), Response(headers: ["Cache-Control": "max-age=300"])))
    clock.advance(by: 29)
    #expect(!(try ran(fixed, Request("GET", "/t"))))
    clock.advance(by: 2)
    #expect(try ran(fixed, Request("GET", "/t")))

    let byMaxAge = pages()
    #expect(try ran(byMaxAge, Request("GET", "/m"), Response(headers: ["Cache-Control": "max-age=20"])))
    clock.advance(by: 21)
    #expect(try ran(byMaxAge, Request("GET", "/m")))
    clock.advance(by: 599)
    #expect(!(try ran(byMaxAge, Request("GET", "/m"))))
    clock.advance(by: 2)
    #expect(try ran(byMaxAge, Request("GET", "/m")))

    let zero = pages(0)
    let patched = try zero.respond(to: Request("GET", "/z"), with: view(Response()))
    #expect(calls.take() && patched.headers["Cache-Control"] == "max-age=0")
    #expect(try ran(zero, Request("GET", "/z")))
  }

  @Test("a request with Authorization varies on it unless the response is public")
  func authorization() throws {
    let pages = pages()
    let ada = Request("GET", "/me", headers: ["Authorization": "Bearer ada"])
    let stored = try pages.respond(to: ada, with: view(Response(text: "ada")))
    #expect(calls.take() && stored.headers["Vary"] == "Authorization")
    #expect(!(try ran(pages, ada)))
    #expect(try ran(pages, Request("GET", "/me", headers: ["Authorization": "Bearer bob"])))
    let shared = try pages.respond(
      to: Request("GET", "/public", headers: ["Authorization": "Bearer ada"]),
      with: view(Response(headers: ["Cache-Control": "public"])))
    #expect(shared.headers["Vary"] == nil)
  }

  @Test("Vary picks the headers of the key: an absent header and an empty one differ")
  func varyKeys() throws {
    let pages = pages()
    let varying = Response(headers: ["Vary": "Cookie"])
    #expect(try ran(pages, Request("GET", "/v", headers: ["Cookie": "a=1"]), varying))
    #expect(!(try ran(pages, Request("GET", "/v", headers: ["cookie": "a=1"]), varying)))
    #expect(try ran(pages, Request("GET", "/v", headers: ["Cookie": "a=2"]), varying))
    #expect(try ran(pages, Request("GET", "/v"), varying))
    #expect(try ran(pages, Request("GET", "/v", headers: ["Cookie": ""]), varying))
    #expect(try pages.learnedHeaders(for: Request("GET", "/v")) == ["HTTP_COOKIE"])
    let keys = PageCacheKeys()
    let empty = keys.pageKey(
      for: Request("GET", "/v", headers: ["Cookie": ""]), method: "GET", headerList: ["HTTP_COOKIE"])
    let absent = keys.pageKey(for: Request("GET", "/v"), method: "GET", headerList: ["HTTP_COOKIE"])
    #expect(empty.hasSuffix(MD5.hex([UInt8]()) + ".en-us.UTC"))
    #expect(absent.hasSuffix(MD5.hex("-,".utf8) + ".en-us.UTC"))
    #expect(
      keys.headerList(varyingOn: Response(headers: ["Vary": "X-B, accept-language, Cookie"])) == [
        "HTTP_COOKIE", "HTTP_X_B",
      ])
    #expect(
      PageCacheKeys(language: nil).headerList(varyingOn: Response(headers: ["Vary": "Accept-Language"]))
        == ["HTTP_ACCEPT_LANGUAGE"])
  }

  @Test("decorators: cachePage, neverCache, cacheControl, varyOnCookie")
  func decorators() throws {
    let base: View = { _ in Response(text: "hi") }
    let never = try neverCache(base, clock: clock)(Request("GET", "/"))
    #expect(never.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private")
    let controlled = try cacheControl(["public": true, "max_age": 60])(base)(Request("GET", "/"))
    #expect(controlled.headers["Cache-Control"] == "public, max-age=60")
    #expect(try varyOnCookie(base)(Request("GET", "/")).headers["Vary"] == "Cookie")
    let counted = view(Response(text: "counted"))
    let cached = cachePage(60, cache: cache)(counted)
    _ = try cached(Request("GET", "/d"))
    _ = try cached(Request("GET", "/d"))
    #expect(calls.take())
    #expect(!(try ran(pages(), Request("GET", "/d"))))
    #expect(try ran(pages(), Request("GET", "/never"), never))
  }
}
