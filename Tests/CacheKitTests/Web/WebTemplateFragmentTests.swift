import CacheKit
import Testing

@Suite("Template fragments")
struct WebTemplateFragmentTests {
  @Test("keys as Django 5.2's make_template_fragment_key gives them")
  func keys() {
    #expect(
      makeTemplateFragmentKey("foo", varyOn: ["abc"]) == "template.cache.foo.493e283d571a73056196f1a68efd0f66"
    )
    #expect(makeTemplateFragmentKey("sidebar") == "template.cache.sidebar.d41d8cd98f00b204e9800998ecf8427e")
    #expect(
      makeTemplateFragmentKey("a", varyOn: ["x:y", "5", "é"])
        == "template.cache.a.9df726b4ee6645ad2fbda519bfa9d695")
  }

  @Test("the template_fragments alias when configured, default otherwise, or the one named")
  func aliases() throws {
    let both = try CachesConfiguration([
      "default": CacheSettings(backend: .memory, location: "fragments-default"),
      "template_fragments": CacheSettings(backend: .memory, location: "fragments-own", keyPrefix: "frag"),
    ])
    #expect(try FragmentCache(configuration: both).cache.options.keyPrefix == "frag")
    #expect(try FragmentCache(configuration: both, using: "default").cache.options.keyPrefix == "")
    let onlyDefault = try CachesConfiguration([
      "default": CacheSettings(backend: .memory, location: "fragments-only")
    ])
    #expect(try FragmentCache(configuration: onlyDefault).cache.options.keyPrefix == "")
    #expect(throws: ConfigurationError.self) { try FragmentCache(configuration: onlyDefault, using: "nope") }
  }

  @Test("a fragment renders once, is stored as a pickled str, and renders again once invalidated")
  func caching() throws {
    let cache = MemoryCache(name: "fragment-caching", options: CacheOptions(clock: ManualClock()))
    let fragments = FragmentCache(cache: cache)
    var renders = 0
    for _ in 0..<3 {
      let text = try fragments.fragment("sidebar", varyOn: ["ada"], timeout: 60) {
        renders += 1
        return "<ul>ada</ul>"
      }
      #expect(text == "<ul>ada</ul>")
    }
    #expect(renders == 1)
    let stored = try #require(try cache.get(makeTemplateFragmentKey("sidebar", varyOn: ["ada"])))
    #expect(DjangoPickle.decodeString(stored) == "<ul>ada</ul>")
    #expect(try fragments.invalidate("sidebar", varyOn: ["ada"]))
    _ = try fragments.fragment("sidebar", varyOn: ["ada"], timeout: .never) {
      renders += 1
      return ""
    }
    #expect(try fragments.fragment("sidebar", varyOn: ["ada"], timeout: 60) { "other" } == "")
    #expect(renders == 2)
  }
}
