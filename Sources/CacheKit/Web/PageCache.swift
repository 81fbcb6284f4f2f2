/// Django's page cache: `cache_page` and the cache middleware (`FetchFromCacheMiddleware` and
/// `UpdateCacheMiddleware`) with Django 5.2's rules, on any CacheKit cache.
///
/// Pages and header lists are stored as the pickles Django stores, under Django's keys, so a Django
/// site and CacheKit on the same Redis serve each other's cached pages.
///
/// The rules are those of Django 5.2.19, which CI tests against. Earlier 5.2 releases differ: before
/// 5.2.15 only `private` kept a page out and Authorization was not added to Vary; before 5.2.16 cookies
/// with Vary Cookie kept a page out only when the request had no cookies; before 5.2.19 an absent
/// varied header added nothing to the key (see `PageCacheKeys`).
public struct PageCache: Sendable {
  public let cache: any Cache
  /// `cache_page`'s timeout: when set, it wins over the response's max-age and `defaultSeconds`.
  /// nil does not mean forever: it falls back to max-age, then `defaultSeconds`.
  public var pageTimeout: Int?
  /// `CACHE_MIDDLEWARE_SECONDS`: the timeout when neither `pageTimeout` nor max-age gives one.
  public var defaultSeconds: Int
  public var keys: PageCacheKeys

  public init(
    cache: any Cache, pageTimeout: Int? = nil, defaultSeconds: Int = 600,
    keys: PageCacheKeys = PageCacheKeys()
  ) {
    self.cache = cache
    self.pageTimeout = pageTimeout
    self.defaultSeconds = defaultSeconds
    self.keys = keys
  }

  /// The response for `request` through the cache: a stored page when there is one, otherwise the
  /// view's response, stored when Django's rules allow.
  public func respond(to request: Request, with view: View) throws -> Response {
    guard Self.isCacheable(request) else { return try view(request) }
    if let cached = try cachedResponse(for: request) { return cached }
    return try store(try view(request), for: request)
  }

  /// `view` behind this cache: `cache_page` as a function.
  public func decorate(_ view: @escaping View) -> View {
    { request in try respond(to: request, with: view) }
  }

  /// `FetchFromCacheMiddleware.process_request`: the stored page for a GET or HEAD request, with an
  /// Age header, or nil. A HEAD request is served a stored GET page first, then a stored HEAD page.
  public func cachedResponse(for request: Request) throws -> Response? {
    guard Self.isCacheable(request), let headerList = try learnedHeaders(for: request) else { return nil }
    var stored = try cache.get(keys.pageKey(for: request, method: "GET", headerList: headerList))
    if stored == nil && request.method == "HEAD" {
      stored = try cache.get(keys.pageKey(for: request, method: "HEAD", headerList: headerList))
    }
    guard let stored, var response = DjangoPickle.decodeResponse(stored) else { return nil }
    if let maxAge = response.maxAge, let expires = response.headers["Expires"].flatMap(HTTPDate.parse) {
      let now = Int(cache.options.clock.now().rounded(.down))
      response.headers["Age"] = String(max(0, maxAge - (expires - now)))
    }
    return response
  }

  /// `UpdateCacheMiddleware.process_response` for a GET or HEAD request the cache missed: patches
  /// `response`'s caching headers and stores it when Django would, and returns it.
  ///
  /// Nothing is stored for a stream, a status other than 200 (a 304 gets its headers patched only),
  /// cookies set while Vary names Cookie, Cache-Control containing `private`, `no-cache` or
  /// `no-store`, `Vary: *`, `max-age=0` or a timeout of 0.
  public func store(_ response: Response, for request: Request) throws -> Response {
    guard Self.isCacheable(request), !response.isStreaming, response.status == 200 || response.status == 304
    else { return response }
    if !response.cookies.isEmpty && response.hasVaryHeader("Cookie") { return response }
    let cacheControl = (response.headers["Cache-Control"] ?? "").lowercased()
    if ["private", "no-cache", "no-store"].contains(where: { cacheControl.contains($0) }) { return response }
    if response.hasVaryHeader("*") { return response }
    let timeout: Int
    if let pageTimeout {
      timeout = pageTimeout
    } else if let maxAge = response.maxAge {
      if maxAge == 0 { return response }
      timeout = maxAge
    } else {
      timeout = defaultSeconds
    }
    var response = response
    response.patchResponseHeaders(timeout: timeout, now: cache.options.clock.now())
    if let authorization = request.headers["Authorization"], !authorization.isEmpty,
      !cacheControl.contains("public")
    {
      response.patchVaryHeaders(["Authorization"])
    }
    if timeout != 0 && response.status == 200 {
      let headerList = keys.headerList(varyingOn: response)
      let seconds = CacheTimeout.seconds(Double(timeout))
      try cache.set(keys.headerKey(for: request), DjangoPickle.encode(strings: headerList), timeout: seconds)
      let pageKey = keys.pageKey(for: request, method: request.method, headerList: headerList)
      try cache.set(pageKey, DjangoPickle.encode(response: response), timeout: seconds)
    }
    return response
  }

  /// `get_cache_key`'s first step: the header names stored for the request's URI, or nil when the URI
  /// has not been learned (or what is stored is not a list of names).
  public func learnedHeaders(for request: Request) throws -> [String]? {
    try cache.get(keys.headerKey(for: request)).flatMap(DjangoPickle.decodeStrings)
  }

  private static func isCacheable(_ request: Request) -> Bool {
    request.method == "GET" || request.method == "HEAD"
  }
}
