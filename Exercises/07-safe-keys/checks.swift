import CacheKit
import ExerciseKit

/// Text in a short form for messages: long text shortened, spaces and control characters shown.
private func shown(_ text: String) -> String {
  let escaped = text.unicodeScalars.map { scalar -> String in
    switch scalar {
    case "\t": return "\\t"
    case "\n": return "\\n"
    default: return String(scalar)
    }
  }.joined()
  let short = escaped.count > 40 ? String(escaped.prefix(30)) + "... (\(text.count) characters)" : escaped
  return "\"\(short)\""
}

/// The results the database gives, from a database of its own so the check's count stays clean.
private func expectedResults(_ userID: Int, _ query: String) -> [Post] {
  SlowDatabase().searchPosts(byUser: userID, matching: query)
}

/// Posts in a short form for messages.
private func ids(_ posts: [Post]) -> String {
  posts.isEmpty ? "no posts" : "posts " + posts.map { String($0.id) }.joined(separator: ", ")
}

/// Searches through the learner's code, turning memcached's refusal of a key into advice.
private func search(_ userID: Int, _ query: String, _ context: CheckContext) throws -> [Post] {
  do {
    return try searchPosts(userID: userID, query: query, cache: context.cache, database: context.database)
  } catch CacheError.invalidKey(let problem) {
    throw CheckFailure(
      expected: "the search for \(shown(query)) to work", got: "memcached refused the key: \(problem)",
      why: "Memcached's protocol separates the parts of a command with spaces and ends it with a "
        + "newline, so a key may not hold either, nor be longer than 250 characters; CacheKit, like "
        + "Django, refuses such a key before sending it. The text a member types can be anything, "
        + "so it cannot go into the key as it is: the key needs something that stands for the "
        + "text with a fixed length and only safe characters, whatever the text. A digest of the "
        + "text has both.")
  }
}

/// Searches right after an earlier search, both through the learner's code, with the query counters
/// reset in between: the count then says whether the second search was served from the first's key.
private func search(
  _ userID: Int, _ query: String, after earlier: (userID: Int, query: String), _ context: CheckContext
) throws -> [Post] {
  _ = try search(earlier.userID, earlier.query, context)
  context.database.resetCounters()
  return try search(userID, query, context)
}

/// Fails unless the learner's searchKey gives the two searches (member and text) different keys;
/// `searches` names them for the message.
private func expectDifferentKeys(
  _ one: (userID: Int, query: String), _ other: (userID: Int, query: String), _ searches: String,
  _ why: String, line: Int = #line
) throws {
  let oneKey = searchKey(userID: one.userID, query: one.query)
  let otherKey = searchKey(userID: other.userID, query: other.query)
  try expect(
    oneKey != otherKey, expected: "two keys for \(searches)", got: "both give \(shown(oneKey))", why,
    line: line)
}

/// The awkward texts members type: the long non-ASCII one is 117 characters but 351 bytes in UTF-8,
/// and memcached counts bytes.
private let awkwardTexts: [String] = [
  "red shoes", " leading space", String(repeating: "paste ", count: 166) + "done",
  "🍕 pizza 🍕", "tab\there", "two\nlines", "", String(repeating: "キャッシュの無効化", count: 13),
]

/// Pairs of different texts that careless keys merge.
private let differentTexts: [(String, String)] = [
  ("red shoes", "red_shoes"), ("red shoes", "redshoes"), ("red shoes", "red-shoes"),
  (String(repeating: "a", count: 999) + "b", String(repeating: "a", count: 999) + "c"),
  ("🍕", "🍔"), ("tab\there", "tab here"),
  // Texts that differ only in spaces around them: the search matches them as typed.
  ("same", "same "), ("the", " the"), ("the", "the\n"),
]

let exerciseChecks: [Check] = [
  Check("a second identical search is served from the cache") { context in
    let first = try search(1, "the", context)
    let second = try search(1, "the", context)
    try expectQueries(
      context, 1,
      "The same member typed the same text twice, so the second search should find the first "
        + "one's results under the same key. Two queries mean the key was not stable, or nothing "
        + "was stored.")
    let expected = expectedResults(1, "the")
    try expect(
      first == expected && second == expected, expected: ids(expected), got: ids(second),
      "A search must return what the database found for that member and that text.")
  },

  Check("keys for any text are valid on memcached") { context in
    for text in awkwardTexts {
      let results = try search(7, text, context)
      try expect(
        results == expectedResults(7, text), expected: ids(expectedResults(7, text)),
        got: ids(results), "A search with any text must return the database's results.")
      let key = searchKey(userID: 7, query: text)
      try expect(
        key.hasPrefix("search:"), expected: "a key starting with \"search:\"", got: shown(key),
        "Keep a readable family in front of the digest: it tells you, and your monitoring, what a "
          + "key on the server is for.")
      let finalKey = context.cache.options.makeKey(key).rawValue
      var problems = KeyValidation.problems(in: finalKey).map(\.description)
      let bytes = finalKey.utf8.count
      if bytes > KeyValidation.maxLength && problems.isEmpty {
        problems.append("the key is \(bytes) bytes in UTF-8, over memcached's 250")
      }
      try expect(
        problems.isEmpty, expected: "a key memcached accepts for the text \(shown(text))",
        got: problems.joined(separator: "; "),
        "Memcached refuses a key with a space or control character, or over 250 bytes in UTF-8 "
          + "(counting CacheKit's \":1:\"; a character outside ASCII takes 2 to 4 bytes), and the "
          + "text a member types can hold all of that. On memcached the search throws, though the "
          + "other backends store the key. The key needs something that stands for the text, "
          + "of a fixed length and in safe characters, whatever goes in: a digest of the text.")
    }
  },

  Check("different texts get different keys") { context in
    for (one, other) in differentTexts {
      try expectDifferentKeys(
        (1, one), (1, other), "\(shown(one)) and \(shown(other))",
        "Two different searches share a key, so whichever runs second is served the first one's "
          + "results. Replacing spaces, trimming them, dropping characters or cutting long text "
          + "short all merge texts that differ; the key must stand for the whole text as the "
          + "member typed it.")
    }
    let spaced = try search(1, "same ", after: (1, "same"), context)
    try expectQueries(
      context, 1,
      "The member searched \"same\", then \"same \" with a space at the end, and the second "
        + "search was served from the first one's key. The search looks for the text as typed, "
        + "spaces included, so the two find different posts: trimming the text before building "
        + "the key serves one search's results for the other. Use the text exactly as typed.")
    try expect(
      spaced, equals: expectedResults(1, "same "),
      "A search must show the results for the text the member typed, spaces included.")
    let other = try search(1, "the deploy", after: (1, "the"), context)
    try expectQueries(
      context, 1, "A new text must miss and run its own query, not reuse another text's results.")
    try expect(
      other, equals: expectedResults(1, "the deploy"),
      "A search must show the results for the text the member typed.")
  },

  Check("different members get different keys") { context in
    let pairs: [((Int, String), (Int, String))] = [
      ((1, "2 cats"), (12, " cats")), ((1, "the"), (2, "the")), ((1, "1"), (11, "")),
    ]
    for ((oneID, oneText), (otherID, otherText)) in pairs {
      try expectDifferentKeys(
        (oneID, oneText), (otherID, otherText),
        "member \(oneID)'s \(shown(oneText)) and member \(otherID)'s \(shown(otherText))",
        "Two members' searches share a key, so one member is shown the other's posts: a data "
          + "leak. The member's id must be in the key, apart from the text, with a separator a "
          + "digit cannot be confused with: \"search:<userID>:<digest>\". Hashing the id and text "
          + "run together makes member 1's \"2 cats\" and member 12's \" cats\" the same input.")
    }
    let ada = try search(1, "the", after: (2, "the"), context)
    try expect(
      ada, equals: expectedResults(1, "the"),
      "Member 1 must see their own posts, not the results cached for member 2's search of the "
        + "same text.")
    try expectQueries(context, 1, "Member 1's first search must miss and run its own query.")
  },

  Check("results are kept for 120 seconds") { context in
    _ = try search(2, "the", context)
    try context.advance(seconds: 119)
    context.database.resetCounters()
    _ = try search(2, "the", context)
    try expectQueries(
      context, 0,
      "119 s after the search was stored it is still within its 120 s, so this should be a hit. "
        + "A query means the results were kept for less, or under a key that changed.")
    try context.advance(seconds: 2)
    _ = try search(2, "the", context)
    try expectQueries(
      context, 1,
      "121 s after the search was stored the results should have expired and the search run "
        + "again. No query means a timeout longer than 120 s: new posts stay out of the results "
        + "longer than the page allows.")
  },

  Check(
    "another process finds the same search", backends: [.file, .redis, .memcached],
    worker: { context in
      _ = try search(4, "Redis INFO 📈", context)
      return String(context.database.queryCount)
    }
  ) { context in
    let queries = try context.runWorkers(2, concurrently: false)
    let backend = context.backend == .redis ? "Redis" : context.backend.rawValue
    try expect(
      queries, equals: ["1", "0"],
      "The \(backend) backend is shared, so the second process should have found the first "
        + "one's results under the same key. A query in each process means the two built "
        + "different keys for the same search: a digest such as Swift's hashValue is seeded "
        + "anew in every process. A digest of the text's UTF-8 bytes, such as MD5, is the same "
        + "everywhere.")
  },
]
