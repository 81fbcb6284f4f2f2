import CacheKit
import ExerciseKit

/// The viewers the checks play.
private let ada = User(id: 1, name: "Ada", email: "ada@example.org", followers: 120)
private let grace = User(id: 2, name: "Grace", email: "grace@example.org", followers: 48_000)

/// Renders a member's page through the learner's code.
private func render(
  _ memberID: Int, as viewer: User?, in language: String, _ context: CheckContext
) throws -> String {
  try memberPage(
    memberID: memberID, viewer: viewer, language: language,
    fragments: FragmentCache(cache: context.cache), database: context.database)
}

/// The page the template gives, rendered from a database of its own with nothing cached.
private func expectedPage(_ memberID: Int, as viewer: User?, in language: String) throws -> String {
  let database = SlowDatabase()
  return MemberPage.page(
    greeting: MemberPage.greeting(viewer, language: language),
    profileCard: MemberPage.profileCard(try database.user(id: memberID), language: language),
    posts: MemberPage.posts(database.posts(byUser: memberID), language: language),
    trending: MemberPage.trending(database.trendingHashtags(), language: language))
}

/// The text between `start` and the next `end` in `page`, or nil.
private func between(_ page: String, _ start: String, _ end: String) -> String? {
  guard let from = page.range(of: start)?.upperBound, let to = page[from...].range(of: end)?.lowerBound
  else { return nil }
  return String(page[from..<to])
}

/// A page in a few words for messages: the greeting, whose card and posts, and each part's language.
private func summary(_ page: String) -> String {
  let database = SlowDatabase()
  func language(_ german: String, _ english: String) -> String {
    page.contains(german) ? "German" : page.contains(english) ? "English" : "no known language"
  }
  let greeting = between(page, "<header>", "</header>").map {
    $0.split(separator: "<").first.map(String.init) ?? $0
  }
  let card = between(page, "<section class=\"card\"><h1>", "</h1>")
  let postsSection = between(page, "<section class=\"posts\">", "</section>")
  let postsOwner = (1...6).first { member in
    siteLanguages.contains { language in
      MemberPage.posts(database.posts(byUser: member), language: language)
        == "<section class=\"posts\">\(postsSection ?? "")</section>"
    }
  }
  return "greeting \(describe(greeting)), card of \(card ?? "nobody") in "
    + language("Abonnenten</p>", "followers</p>") + ", posts of "
    + (postsOwner.map { "member \($0)" } ?? "nobody") + " in "
    + language("<h2>Beiträge</h2>", "<h2>Posts</h2>") + ", sidebar in "
    + language("<h2>Im Trend</h2>", "<h2>Trending</h2>")
}

/// Fails unless `page` is `expected`, describing both in a few words.
private func expectPage(_ page: String, _ expected: String, _ why: String, line: Int = #line) throws {
  guard page != expected else { return }
  let (got, wanted) = (summary(page), summary(expected))
  throw CheckFailure(
    expected: wanted,
    got: got == wanted ? "the same parts, with markup that differs from MemberPage's" : got,
    why: why, line: line)
}

/// Queries in words, for messages.
private func described(_ queries: [String]) -> String {
  queries.isEmpty ? "no query" : queries.map { "\"\($0)\"" }.joined(separator: ", ")
}

/// Fails unless the database ran exactly `queries` (in any order) since the last reset.
private func expectQueries(
  _ context: CheckContext, _ queries: [String], _ why: String, line: Int = #line
) throws {
  let actual = context.database.queries
  try expect(
    actual.sorted() == queries.sorted(), expected: described(queries), got: described(actual), why,
    line: line)
}

/// Renders member 2's page (Grace's) for Ada in English, then member `memberID`'s page for Ada in `language`,
/// and fails unless the second is the template's page (`pageWhy`) and ran exactly `queries`
/// (`queriesWhy`): what the first page's fragments could not serve.
private func expectSecondPage(
  _ memberID: Int, in language: String, _ context: CheckContext, _ pageWhy: String,
  queries: [String], _ queriesWhy: String, line: Int = #line
) throws {
  _ = try render(2, as: ada, in: "en", context)
  context.database.resetCounters()
  let page = try render(memberID, as: ada, in: language, context)
  try expectPage(page, try expectedPage(memberID, as: ada, in: language), pageWhy, line: line)
  try expectQueries(context, queries, queriesWhy, line: line)
}

/// The three fragments of the template, with the timeouts of their tags.
private struct Fragment {
  var name: String
  var varyOn: [String]
  var tag: String

  static func card(_ memberID: Int, _ language: String) -> Fragment {
    Fragment(
      name: "profile-card", varyOn: [String(memberID), language],
      tag: "{% cache 3600 profile-card member.id LANGUAGE_CODE %}")
  }

  static func posts(_ memberID: Int, _ language: String) -> Fragment {
    Fragment(
      name: "member-posts", varyOn: [String(memberID), language],
      tag: "{% cache 600 member-posts member.id LANGUAGE_CODE %}")
  }

  static func trending(_ language: String) -> Fragment {
    Fragment(name: "trending", varyOn: [language], tag: "{% cache 300 trending LANGUAGE_CODE %}")
  }

  var key: String { makeTemplateFragmentKey(name, varyOn: varyOn) }

  var shown: String {
    "\"\(name)\" varied on [" + varyOn.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
  }
}

/// Keys a fragment is often stored under by mistake, each with what went wrong.
private func likelyMistakes(_ fragment: Fragment) -> [(key: String, mistake: String)] {
  var mistakes: [(String, String)] = []
  let values = fragment.varyOn
  let names = [
    (fragment.name, ""), ("\"\(fragment.name)\"", "the name in quotes"),
    (fragment.name.replacingDashes, "the name with _ for -"),
  ]
  var orders: [([String], String)] = [(values, "")]
  if values.count == 2 {
    orders.append(([values[1], values[0]], "the values in the wrong order"))
    orders.append(([values[0]], "no language among the values"))
    orders.append(([values[1]], "no member id among the values"))
  }
  orders.append(([], "no vary-on values"))
  for (name, nameMistake) in names {
    for (order, orderMistake) in orders where !(nameMistake.isEmpty && orderMistake.isEmpty) {
      let what = [nameMistake, orderMistake].filter { !$0.isEmpty }.joined(separator: " and ")
      mistakes.append((makeTemplateFragmentKey(name, varyOn: order), what))
    }
  }
  return mistakes
}

/// Fails unless the fragment is stored under the key Django computes, holding the text `expected`.
private func expectStored(
  _ fragment: Fragment, holding expected: String, _ context: CheckContext, line: Int = #line
) throws {
  try expectKey(fragment, context, line: line)
  guard let stored = try context.cache.get(fragment.key).flatMap(DjangoPickle.decodeString) else {
    throw CheckFailure(
      expected: "the rendered fragment, as the tag stores it", got: "a value that is not a pickled string",
      why: "A Django site sharing this cache reads the key \(fragment.key) as a pickled SafeString of "
        + "the fragment's text. Store it with FragmentCache.fragment(_:varyOn:timeout:render:), "
        + "which pickles it as the tag does.",
      line: line)
  }
  try expect(
    stored == expected, expected: "exactly the \(fragment.name) part: \(expected.prefix(50))...",
    got: "other text: \(stored.prefix(60))...",
    "The tag stores what is between {% cache %} and {% endcache %}, and Django's template puts that "
      + "text where the tag is. Whatever else the fragment holds (the greeting, another part) would "
      + "show up twice on Django's page, or be served to the wrong viewer.",
    line: line)
}

/// Fails unless something is stored under the key Django computes for the fragment, naming the likely
/// mistake when the fragment sits under another key.
private func expectKey(_ fragment: Fragment, _ context: CheckContext, line: Int = #line) throws {
  if try context.cache.hasKey(fragment.key) { return }
  var found = "nothing under that key"
  for (key, mistake) in likelyMistakes(fragment) where try context.cache.hasKey(key) {
    found = "the fragment under \(key), the key for \(mistake)"
    break
  }
  throw CheckFailure(
    expected: "the fragment \(fragment.shown) under \(fragment.key)", got: found,
    why: "The template's tag is \(fragment.tag), so Django stores and deletes this fragment under "
      + "makeTemplateFragmentKey(\"\(fragment.name)\", varyOn: \(fragment.varyOn)): the name as "
      + "written, then every vary-on value as str() prints it, in the tag's order. Any other key "
      + "is a fragment Django's delete never reaches, and one its templates never read.",
    line: line)
}

let exerciseChecks: [Check] = [
  Check("the page is the template's page, with the viewer's greeting") { context in
    let page = try render(2, as: ada, in: "en", context)
    try expectPage(
      page, try expectedPage(2, as: ada, in: "en"),
      "On a cold cache every fragment renders from the database, so the page must be exactly what "
        + "MemberPage.page gives for Grace's profile viewed by Ada in English.")
  },

  Check("each fragment is stored under the key Django computes for the template") { context in
    _ = try render(2, as: ada, in: "de", context)
    let database = SlowDatabase()
    try expectStored(
      .card(2, "de"), holding: MemberPage.profileCard(try database.user(id: 2), language: "de"), context)
    try expectStored(
      .posts(2, "de"), holding: MemberPage.posts(database.posts(byUser: 2), language: "de"), context)
    try expectStored(
      .trending("de"), holding: MemberPage.trending(database.trendingHashtags(), language: "de"),
      context)
  },

  Check("a second render runs no query, whoever views the page") { context in
    _ = try render(2, as: ada, in: "en", context)
    context.database.resetCounters()
    let forGrace = try render(2, as: grace, in: "en", context)
    try expectQueries(
      context, [],
      "The profile card, the posts and the sidebar were all rendered a moment ago, so the second "
        + "render should find all three fragments and run no query. A query here names the "
        + "fragment that was not cached, or not found under the key it was stored under.")
    try expectPage(
      forGrace, try expectedPage(2, as: grace, in: "en"),
      "Grace viewed the page after Ada. The greeting depends on the viewer, and nothing in a "
        + "fragment key says who views the page, so the greeting must stay outside the fragments and "
        + "render every time. Otherwise Grace reads \"Hello, Ada\".")
    let forVisitor = try render(2, as: nil, in: "en", context)
    try expectPage(
      forVisitor, try expectedPage(2, as: nil, in: "en"),
      "A visitor who is not signed in must get the sign-in greeting, whoever viewed the page before.")
  },

  Check("each member gets their own card and posts, and all share the sidebar") { context in
    try expectSecondPage(
      3, in: "en", context,
      "Ada opened Linus's page after Grace's and must see Linus's profile and posts. Seeing Grace's "
        + "means the card or the posts were cached under a key without the member's id: a fragment's "
        + "key holds only the name and the values you list, never the URL.",
      queries: ["user 3", "posts by user 3"],
      "Linus's card and posts were not cached yet, so they render; the trending sidebar is the same "
        + "on every member's page and should be a hit on the copy Grace's page stored. Varying it on "
        + "the member id would render it once per member.")
  },

  Check("each language gets its own fragments") { context in
    try expectSecondPage(
      2, in: "de", context,
      "A German visitor was served English fragments. Unlike a page key, a fragment key holds no "
        + "language: a translated fragment must list LANGUAGE_CODE among its vary-on values, or it "
        + "is served in the language of whoever rendered it first.",
      queries: ["user 2", "posts by user 2", "trending hashtags"],
      "Every fragment is translated, so the German page renders each one once in German.")
  },

  Check("each fragment lives as long as its tag says") { context in
    _ = try render(2, as: nil, in: "en", context)
    context.database.resetCounters()
    try context.advance(seconds: 299)
    _ = try render(2, as: nil, in: "en", context)
    try expectQueries(
      context, [],
      "299 s later every fragment is within its timeout (300, 600 and 3600 s), so nothing renders.")
    try context.advance(seconds: 2)
    _ = try render(2, as: nil, in: "en", context)
    try expectQueries(
      context, ["trending hashtags"],
      "301 s later only the trending sidebar, kept for 300 s, should have expired. Each tag has its "
        + "own timeout: the sidebar changes fast, the profile card slowly.")
    context.database.resetCounters()
    try context.advance(seconds: 300)
    _ = try render(2, as: nil, in: "en", context)
    let afterTenMinutes = context.database.queries
    try expect(
      afterTenMinutes.contains("posts by user 2") && !afterTenMinutes.contains("user 2"),
      expected: "the posts to render again and the card not", got: described(afterTenMinutes),
      "601 s after they were stored, the posts (600 s) have expired and the card (3600 s) has not.")
    context.database.resetCounters()
    try context.advance(seconds: 3_000)
    _ = try render(2, as: nil, in: "en", context)
    try expect(
      context.database.queries.contains("user 2"), expected: "the profile card to render again",
      got: described(context.database.queries),
      "3601 s after it was stored the card has expired: its tag keeps it for an hour.")
  },

  Check("renaming a member deletes that member's profile cards and nothing else") { context in
    for (member, language) in [(2, "en"), (2, "de"), (3, "en")] {
      _ = try render(member, as: ada, in: language, context)
    }
    let kept = [
      (Fragment.posts(2, "en"), "Grace's posts do not show her name"),
      (Fragment.trending("en"), "the sidebar does not show any name"),
      (Fragment.card(3, "en"), "Linus was not renamed"),
    ]
    for fragment in [Fragment.card(2, "en"), .card(2, "de")] + kept.map(\.0) {
      try expectKey(fragment, context)
    }
    try renameMember(
      id: 2, to: "Grace Hopper", fragments: FragmentCache(cache: context.cache),
      database: context.database)
    for language in ["en", "de"] {
      let card = Fragment.card(2, language)
      try expect(
        try !context.cache.hasKey(card.key), expected: "no fragment under \(card.key)",
        got: "the card from before the rename",
        "The rename changed what Grace's card shows, so her card in \(language) must be deleted: "
          + "build its key with the template's name and values, [\"2\", \"\(language)\"], and "
          + "delete it for every language of siteLanguages, not only the one just rendered.")
    }
    for (fragment, why) in kept {
      try expect(
        try context.cache.hasKey(fragment.key), expected: "the fragment \(fragment.shown) still cached",
        got: "it was deleted",
        "The rename deleted more than it had to, and \(why): every fragment deleted needlessly is "
          + "rendered again by the next visitor. Delete exactly the fragments whose text changed. "
          + "(cache.clear() is never the answer: it empties the store for everyone.)")
    }
  },

  Check("the renamed member's page shows the new name at once") { context in
    for language in ["en", "de"] { _ = try render(2, as: ada, in: language, context) }
    try renameMember(
      id: 2, to: "Grace Hopper", fragments: FragmentCache(cache: context.cache),
      database: context.database)
    context.database.resetCounters()
    for language in ["en", "de"] {
      let page = try render(2, as: ada, in: language, context)
      try expect(
        page.contains("<h1>Grace Hopper</h1>"), expected: "\"Grace Hopper\" on the card",
        got: page.contains("<h1>Grace</h1>") ? "the old name, \"Grace\"" : "neither name",
        "The card in \(language) still showed the name from before the rename: its fragment "
          + "outlived the change. The rename must delete the card's fragment under exactly the key "
          + "the page stored it under, in every language.")
    }
    try expectQueries(
      context, ["user 2", "user 2"],
      "After the rename only the card should render again, once per language; the posts and the "
        + "sidebar are still right and should be hits.")
  },
]

extension String {
  fileprivate var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
