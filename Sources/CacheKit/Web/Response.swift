/// An HTTP response as Django's cache middleware sees it: status, header fields, cookies and a body that
/// is either bytes or a stream.
///
/// As Django's `HttpResponse`, a new response starts with `Content-Type: text/html; charset=utf-8` unless
/// the headers given name another.
public struct Response: Sendable, Equatable {
  public var status: Int
  public var headers: HTTPHeaders
  /// The cookies the response sets, by name, in the order first set (Django's `response.cookies`).
  public var cookies: [(name: String, cookie: ResponseCookie)]
  public var body: ResponseBody

  public init(
    status: Int = 200, headers: HTTPHeaders = [:], body: ResponseBody = .bytes([]),
    cookies: [(name: String, cookie: ResponseCookie)] = []
  ) {
    self.status = status
    self.headers = HTTPHeaders()
    if !headers.contains("Content-Type") {
      self.headers["Content-Type"] = "text/html; charset=utf-8"
    }
    for (name, value) in headers { self.headers[name] = value }
    self.body = body
    self.cookies = []
    for (name, cookie) in cookies { setCookie(name, cookie) }
  }

  /// A response whose body is `text` in UTF-8.
  public init(status: Int = 200, headers: HTTPHeaders = [:], text: String) {
    self.init(status: status, headers: headers, body: .bytes(Array(text.utf8)))
  }

  /// Whether the body is a stream (Django's `StreamingHttpResponse`), which the page cache never stores.
  public var isStreaming: Bool {
    if case .streaming = body { return true }
    return false
  }

  /// The body's bytes, a stream's chunks joined.
  public var content: [UInt8] {
    switch body {
    case .bytes(let bytes): bytes
    case .streaming(let chunks): chunks.flatMap { $0 }
    }
  }

  /// Sets (or replaces) the cookie `name`, as Django's `set_cookie`.
  public mutating func setCookie(_ name: String, _ cookie: ResponseCookie) {
    if let index = cookies.firstIndex(where: { $0.name == name }) {
      cookies[index].cookie = cookie
    } else {
      cookies.append((name, cookie))
    }
  }

  /// The cookie `name` the response sets, or nil.
  public func cookie(_ name: String) -> ResponseCookie? {
    cookies.first { $0.name == name }?.cookie
  }

  public static func == (lhs: Response, rhs: Response) -> Bool {
    lhs.status == rhs.status && lhs.headers == rhs.headers && lhs.body == rhs.body
      && lhs.cookies.count == rhs.cookies.count
      && zip(lhs.cookies, rhs.cookies).allSatisfy { $0.name == $1.name && $0.cookie == $1.cookie }
  }
}

/// A response body: bytes Django can cache, or a stream (chunks produced as the client reads) it cannot.
public enum ResponseBody: Sendable, Equatable {
  case bytes([UInt8])
  case streaming([[UInt8]])
}

/// A cookie a response sets, with the attributes Django's `set_cookie` takes.
public struct ResponseCookie: Sendable, Equatable {
  public var value: String
  public var path: String
  public var domain: String?
  public var maxAge: Int?
  /// An HTTP date, as Django writes it for `expires`.
  public var expires: String?
  public var secure: Bool
  public var httpOnly: Bool
  public var sameSite: String?

  public init(
    _ value: String, path: String = "/", domain: String? = nil, maxAge: Int? = nil, expires: String? = nil,
    secure: Bool = false, httpOnly: Bool = false, sameSite: String? = nil
  ) {
    self.value = value
    self.path = path
    self.domain = domain
    self.maxAge = maxAge
    self.expires = expires
    self.secure = secure
    self.httpOnly = httpOnly
    self.sameSite = sameSite
  }
}

/// A view: Django's function from a request to a response. Decorators such as `cachePage` and
/// `neverCache` take a view and return one.
public typealias View = @Sendable (Request) throws -> Response
