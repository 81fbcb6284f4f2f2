/// Django 5.2's `make_template_fragment_key`: `template.cache.<name>.<md5>`, the MD5 taken over each
/// vary-on value's UTF-8 text followed by `:`. Pass values as Django's `str()` would print them.
public func makeTemplateFragmentKey(_ name: String, varyOn: [String] = []) -> String {
  var digest = MD5()
  for value in varyOn {
    digest.update(value.utf8)
    digest.update(CollectionOfOne(UInt8(ascii: ":")))
  }
  return "template.cache.\(name).\(digest.hexDigest())"
}

/// Django's `{% cache %}` tag: a rendered fragment kept under `makeTemplateFragmentKey`, pickled as the
/// `SafeString` the tag stores, so that Django's templates and CacheKit share fragments.
public struct FragmentCache: Sendable {
  public let cache: any Cache

  public init(cache: any Cache) { self.cache = cache }

  /// The fragment cache of `configuration`: the `using` alias when given, otherwise
  /// `template_fragments` when configured and `default` when not, as the tag chooses.
  public init(
    configuration: CachesConfiguration, using alias: String? = nil, clock: any CacheClock = SystemClock(),
    warnings: CacheWarningHandler = .printOncePerPattern
  ) throws {
    let chosen =
      alias ?? (configuration.aliases["template_fragments"] != nil ? "template_fragments" : "default")
    cache = try configuration.cache(chosen, clock: clock, warnings: warnings)
  }

  /// The cached fragment `name` for `varyOn`, or `render()`'s text, stored for `timeout` (the tag's
  /// expire time: seconds, or `.never` for its `None`).
  public func fragment(
    _ name: String, varyOn: [String] = [], timeout: CacheTimeout, render: () throws -> String
  ) throws -> String {
    let key = makeTemplateFragmentKey(name, varyOn: varyOn)
    if let stored = try cache.get(key).flatMap(DjangoPickle.decodeString) { return stored }
    let text = try render()
    try cache.set(key, DjangoPickle.encode(safeString: text), timeout: timeout)
    return text
  }

  /// Removes the fragment `name` for `varyOn`, so that the next render recomputes it.
  @discardableResult
  public func invalidate(_ name: String, varyOn: [String] = []) throws -> Bool {
    try cache.delete(makeTemplateFragmentKey(name, varyOn: varyOn))
  }
}
