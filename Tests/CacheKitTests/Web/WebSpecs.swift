import CacheKit
import Synchronization
import TestSupport

/// A sequence's settings: which cache (plain, or KEY_PREFIX "site" and VERSION 2), cache_page's
/// timeout and key prefix, USE_I18N and USE_TZ, CACHE_MIDDLEWARE_SECONDS.
struct SequenceConfig: Encodable {
  var sitePrefix: Bool
  var pageTimeout: Int?
  var keyPrefix: String
  var language: String?
  var timeZone: String?
  var defaultSeconds: Int

  var keys: PageCacheKeys { PageCacheKeys(keyPrefix: keyPrefix, language: language, timeZone: timeZone) }
}

struct RequestSpec: Encodable {
  var method: String
  var scheme: String
  var host: String
  var path: String
  var query: String
  var headers: [[String]]

  var request: Request {
    let uri = "\(scheme)://\(host)\(path)" + (query.isEmpty ? "" : "?" + query)
    return Request(method, uri, headers: HTTPHeaders(headers.map { ($0[0], $0[1]) }))
  }

  /// The same request as a GET, or as itself when it is a GET or HEAD already.
  var readable: RequestSpec {
    var spec = self
    if method != "GET" && method != "HEAD" { spec.method = "GET" }
    return spec
  }
}

/// A Cache-Control directive as Django's keyword argument: a name and True, a number or text.
struct DirectiveSpec: Encodable {
  var name: String
  var value: CacheControlValue

  func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(name)
    switch value {
    case .flag: try container.encode(true)
    case .int(let number): try container.encode(number)
    case .text(let text): try container.encode(text)
    }
  }
}

struct DecoratorSpec: Encodable {
  var kind: String
  var names: [String] = []
  var directives: [DirectiveSpec] = []
}

struct ViewSpec: Encodable {
  var status: Int
  var body: String
  var streaming: Bool
  var headers: [[String]]
  var cookies: [[String]]
  var decorators: [DecoratorSpec]

  /// The view in CacheKit, with the decorators in the same order; `ran` records that it was called.
  func view(ran: ViewCalls) -> View {
    let spec = self
    var view: View = { _ in
      ran.set()
      let bytes = Array(spec.body.utf8)
      var response = Response(
        status: spec.status, headers: HTTPHeaders(spec.headers.map { ($0[0], $0[1]) }),
        body: spec.streaming ? .streaming([bytes]) : .bytes(bytes))
      for cookie in spec.cookies { response.setCookie(cookie[0], ResponseCookie(cookie[1])) }
      return response
    }
    for decorator in decorators {
      switch decorator.kind {
      case "vary": view = varyOnHeaders(decorator.names)(view)
      case "cacheControl": view = cacheControl(decorator.directives.map { ($0.name, $0.value) })(view)
      default: view = neverCache(view)
      }
    }
    return view
  }
}

/// Whether a view ran: set by a `@Sendable` view, read and reset by the test.
final class ViewCalls: Sendable {
  private let flag = Mutex(false)

  func set() { flag.withLock { $0 = true } }

  func take() -> Bool {
    flag.withLock { value in
      defer { value = false }
      return value
    }
  }
}

struct PeerCommand: Encodable {
  var op: String
  var db: Int?
  var config: SequenceConfig?
  var request: RequestSpec?
  var view: ViewSpec?
}

/// Seeded random sequences of requests and views that touch every rule of the page cache.
struct WebSequenceGenerator {
  var random: SplitMix64

  mutating func pick<T>(_ choices: [T]) -> T { choices[random.below(choices.count)] }
  mutating func chance(_ percent: Int) -> Bool { random.below(100) < percent }

  mutating func config() -> SequenceConfig {
    SequenceConfig(
      sitePrefix: chance(40), pageTimeout: pick([nil, nil, nil, 45, 3600, 0, -1]),
      keyPrefix: pick(["", "", "shop", "a.b"]), language: pick(["en-us", "en-us", nil, "de"]),
      timeZone: pick(["UTC", nil, "Europe/Paris"]), defaultSeconds: pick([600, 600, 120]))
  }

  /// A request like one of `bases` (the sequence's few pages, so that it revisits them and hits the
  /// cache): as it is, with another method, or with one header changed.
  mutating func request(like bases: [RequestSpec]) -> RequestSpec {
    var spec = pick(bases)
    switch random.below(10) {
    case 0: spec.method = pick(["HEAD", "POST", "PUT"])
    case 1: spec.method = "HEAD"
    case 2: spec.headers = request().headers
    case 3 where !spec.headers.isEmpty: spec.headers.remove(at: random.below(spec.headers.count))
    default: break
    }
    return spec
  }

  /// A random request over a few URIs, methods and headers.
  mutating func request() -> RequestSpec {
    let method = pick(["GET", "GET", "GET", "GET", "GET", "HEAD", "HEAD", "POST", "PUT"])
    var headers: [[String]] = []
    if chance(40) { headers.append(["Accept-Encoding", pick(["gzip", "br"])]) }
    if chance(25) { headers.append(["Accept-Language", pick(["en", "fr"])]) }
    if chance(40) { headers.append(["Cookie", pick(["", "sessionid=abc", "sessionid=xyz; theme=dark"])]) }
    if chance(25) { headers.append(["Authorization", pick(["", "Bearer one", "Bearer two"])]) }
    if chance(30) { headers.append([pick(["X-Variant", "x-variant"]), pick(["a", "b", "ü"])]) }
    return RequestSpec(
      method: method, scheme: pick(["http", "https"]), host: pick(["example.com", "example.com:8000"]),
      path: pick(["/", "/news/", "/café/", "/a%20b", "/news/"]),
      query: pick(["", "", "q=1", "q=2&page=3", "q=é", "q=%C3%A9", "x=a+b"]), headers: headers)
  }

  mutating func view(step: Int) -> ViewSpec {
    var headers: [[String]] = []
    if chance(45) {
      headers.append([
        "Cache-Control",
        pick([
          "max-age=30", "max-age=0", "private", "public, max-age=60", "no-store", "no-cache", "s-maxage=10",
          "Max-Age=45", "max-age=-5", "must-revalidate", "max-age=7, no-cache=Set-Cookie",
          "max-age=60, x-private-hint",
        ]),
      ])
    }
    if chance(45) {
      headers.append([
        "Vary",
        pick([
          "Cookie", "Accept-Encoding", "accept-encoding, X-Variant", "*", "Accept-Language", "Authorization",
          "Content-Type", "Accept-Encoding,Cookie",
        ]),
      ])
    }
    if chance(5) { headers.append(["Expires", "Thu, 01 Jan 2037 00:00:00 GMT"]) }
    var decorators: [DecoratorSpec] = []
    if chance(20) {
      decorators.append(
        DecoratorSpec(
          kind: "vary", names: pick([["Cookie"], ["Accept-Encoding", "cookie"], ["X-Variant"], ["*"]])))
    }
    if chance(20) {
      let directives: [DirectiveSpec] = pick([
        [DirectiveSpec(name: "max_age", value: .int(20))],
        [DirectiveSpec(name: "public", value: .flag), DirectiveSpec(name: "max_age", value: .int(90))],
        [DirectiveSpec(name: "private", value: .flag)],
        [
          DirectiveSpec(name: "no_cache", value: .flag), DirectiveSpec(name: "must_revalidate", value: .flag),
        ],
        [DirectiveSpec(name: "no_cache", value: .text("Set-Cookie"))],
        [DirectiveSpec(name: "stale_while_revalidate", value: .int(30))],
      ])
      decorators.append(DecoratorSpec(kind: "cacheControl", directives: directives))
    }
    if chance(5) { decorators.append(DecoratorSpec(kind: "never")) }
    decorators.shuffle(using: &random)
    return ViewSpec(
      status: pick([200, 200, 200, 200, 200, 200, 404, 304, 500, 301]), body: "step \(step) ✓",
      streaming: chance(5), headers: headers,
      cookies: chance(20) ? [["csrftoken", pick(["t1", "t 2", ""])]] : [], decorators: decorators)
  }
}

extension PeerResponse {
  /// A CacheKit response described as the peer describes Django's.
  init(_ response: Response) {
    self.init(
      status: response.status, headers: response.headers.map { [$0.name, $0.value] },
      cookies: response.cookies.map { [$0.name, $0.cookie.value] },
      body: String(decoding: response.content, as: UTF8.self), streaming: response.isStreaming)
  }
}
