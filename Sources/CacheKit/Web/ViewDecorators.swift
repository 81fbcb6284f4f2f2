/// Django's `cache_page(timeout, cache=..., key_prefix=...)`: `view` served through a page cache on
/// `cache`. A nil timeout falls back to the response's max-age, then to `defaultSeconds` (600).
public func cachePage(
  _ timeout: Int?, cache: any Cache, keyPrefix: String = "", defaultSeconds: Int = 600,
  language: String? = "en-us", timeZone: String? = "UTC"
) -> (@escaping View) -> View {
  let pages = PageCache(
    cache: cache, pageTimeout: timeout, defaultSeconds: defaultSeconds,
    keys: PageCacheKeys(keyPrefix: keyPrefix, language: language, timeZone: timeZone))
  return pages.decorate
}

/// Django's `never_cache`: the response gets Expires now (unless set) and
/// `Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private`.
public func neverCache(_ view: @escaping View, clock: any CacheClock = SystemClock()) -> View {
  { request in
    var response = try view(request)
    response.addNeverCacheHeaders(now: clock.now())
    return response
  }
}

/// Django's `cache_control(**directives)`: the view's Cache-Control patched with `directives`.
public func cacheControl(_ directives: KeyValuePairs<String, CacheControlValue>) -> (@escaping View) -> View {
  cacheControl(directives.map { ($0.key, $0.value) })
}

/// `cacheControl` with the directives as an array of pairs, in the order Django's keyword arguments
/// would give them.
public func cacheControl(_ pairs: [(String, CacheControlValue)]) -> (@escaping View) -> View {
  { view in
    { request in
      var response = try view(request)
      response.patchCacheControl(pairs)
      return response
    }
  }
}

/// Django's `vary_on_headers(*names)`: `names` added to the view's Vary header.
public func varyOnHeaders(_ names: String...) -> (@escaping View) -> View { varyOnHeaders(names) }

/// `varyOnHeaders` with the names as an array.
public func varyOnHeaders(_ names: [String]) -> (@escaping View) -> View {
  { view in
    { request in
      var response = try view(request)
      response.patchVaryHeaders(names)
      return response
    }
  }
}

/// Django's `vary_on_cookie`: Cookie added to the view's Vary header.
public func varyOnCookie(_ view: @escaping View) -> View { varyOnHeaders("Cookie")(view) }
