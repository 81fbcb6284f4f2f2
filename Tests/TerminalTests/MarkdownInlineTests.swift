import Testing

@testable import Terminal

@Suite struct MarkdownInlineTests {
  @Test func emphasis() {
    let markdown =
      "Caches are *fast*, _cheap_ and **easy to get wrong**; ***really***. snake_case_names stay, 2 * 3 * 4 too."
    expectRendered(
      markdown, widths: [40],
      styled: [
        "Caches are \(sgr("3", "fast")), \(sgr("3", "cheap")) and \(sgr("1", "easy to get"))",
        "\(sgr("1", "wrong")); \(sgr("1;3", "really")). snake_case_names stay, 2",
        "* 3 * 4 too.",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "Caches are \(sgr("3", "fast")), \(sgr("3", "cheap")) and \(sgr("1", "easy to get wrong")); \(sgr("1;3", "really")). snake_case_names stay, 2 *",
        "3 * 4 too.",
      ])
  }

  @Test func codeSpan() {
    let markdown = "Call `cache.get(key)` before ``a `b` c``."
    expectRendered(
      markdown, widths: [40, 80], themes: [.plain],
      lines: [
        "Call `cache.get(key)` before `a `b` c`."
      ])
    expectRendered(
      markdown, widths: [40, 80], themes: [colour],
      lines: [
        "Call \(sgr("36", "cache.get(key)")) before \(sgr("36", "a `b` c"))."
      ])
  }

  @Test func link() {
    let markdown =
      "Read [the Redis docs](https://redis.io/docs) or [https://memcached.org](https://memcached.org)."
    expectRendered(
      markdown, widths: [40],
      styled: [
        "Read \(sgr("4", "the Redis docs"))",
        "\(sgr("2", "(https://redis.io/docs)")) or",
        "\(sgr("4", "https://memcached.org")).",
      ])
    expectRendered(
      markdown, widths: [80],
      styled: [
        "Read \(sgr("4", "the Redis docs")) \(sgr("2", "(https://redis.io/docs)")) or \(sgr("4", "https://memcached.org"))."
      ])
  }

  @Test func escapes() {
    let markdown = #"""
      \*not emphasis\*, \`not code\`, \[not a link\](x) and a back\\slash.
      """#
    expectRendered(
      markdown, widths: [40], themes: [.plain, colour],
      lines: [
        "*not emphasis*, `not code`, [not a",
        "link](x) and a back\\slash.",
      ])
    expectRendered(
      markdown, widths: [80], themes: [.plain, colour],
      lines: [
        "*not emphasis*, `not code`, [not a link](x) and a back\\slash."
      ])
  }

}
