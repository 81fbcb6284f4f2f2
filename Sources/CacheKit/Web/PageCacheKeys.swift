/// The keys Django 5.2's page cache uses (`django.utils.cache`): one for the list of request headers a
/// URL's responses vary on, one per page. The cache's own `KEY_PREFIX` and `VERSION` are added on top
/// by its key function, as for any other key.
public struct PageCacheKeys: Sendable, Equatable {
  /// The middleware's key prefix (`CACHE_MIDDLEWARE_KEY_PREFIX`, or `cache_page`'s `key_prefix`).
  public var keyPrefix: String
  /// The active language when `USE_I18N` is on (`LANGUAGE_CODE`, `en-us` by default), nil when off.
  public var language: String?
  /// The current time zone's name when `USE_TZ` is on (`TIME_ZONE`), nil when off.
  public var timeZone: String?

  /// By default, the settings `django-admin startproject` writes: `en-us` and `UTC`.
  public init(keyPrefix: String = "", language: String? = "en-us", timeZone: String? = "UTC") {
    self.keyPrefix = keyPrefix
    self.language = language
    self.timeZone = timeZone
  }

  /// `_generate_cache_header_key`: `views.decorators.cache.cache_header.<prefix>.<md5 of the URI>`.
  public func headerKey(for request: Request) -> String {
    suffixed("views.decorators.cache.cache_header.\(keyPrefix).\(MD5.hex(request.absoluteURI.utf8))")
  }

  /// `_generate_cache_key`: `views.decorators.cache.cache_page.<prefix>.<method>.<md5 of the URI>.<md5
  /// of the varied headers>`, where each header in `headerList` contributes its value's UTF-8 bytes
  /// (with no separator) and an absent one `-,` (since Django 5.2.19; before, nothing).
  public func pageKey(for request: Request, method: String, headerList: [String]) -> String {
    var digest = MD5()
    for name in headerList {
      if let value = request.metaValue(name) {
        digest.update(value.utf8)
      } else {
        digest.update("-,".utf8)
      }
    }
    let headers = digest.hexDigest()
    return suffixed(
      "views.decorators.cache.cache_page.\(keyPrefix).\(method).\(MD5.hex(request.absoluteURI.utf8)).\(headers)"
    )
  }

  /// What `learn_cache_key` stores for a response: `HTTP_` and each Vary name upper-cased with `-` as
  /// `_`, sorted; Accept-Language is left out when `USE_I18N` is on, since the language ends the key.
  public func headerList(varyingOn response: Response) -> [String] {
    guard let vary = response.headers["Vary"] else { return [] }
    var names: [String] = []
    for header in HeaderList.split(vary) {
      let name = header.uppercased().replacingHyphens
      if name != "ACCEPT_LANGUAGE" || language == nil { names.append("HTTP_" + name) }
    }
    return names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }

  /// `_i18n_cache_key_suffix`: `.<language>` with `USE_I18N`, then `.<time zone>` with `USE_TZ`.
  private func suffixed(_ key: String) -> String {
    var key = key
    if let language { key += "." + language }
    if let timeZone { key += "." + timeZone }
    return key
  }
}
