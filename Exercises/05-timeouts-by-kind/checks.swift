import CacheKit
import ExerciseKit

/// A load count in words, for messages.
private func loads(_ count: Int) -> String {
  count == 1 ? "1 load" : "\(count) loads"
}

/// Fails unless `actual` loads ran.
private func expectLoads(_ actual: Int, _ expected: Int, _ why: String, line: Int = #line) throws {
  try expect(actual == expected, expected: loads(expected), got: loads(actual), why, line: line)
}

/// The session under `id` read through the learner's code, in words for messages.
private func described(_ session: Session?) -> String {
  session.map { "session \"\($0.id)\" of member \($0.userID)" } ?? "nil: no session"
}

/// Advances the clock to `second` seconds after the check's start, given where it is now.
private func move(_ context: CheckContext, from now: inout Double, to second: Double) throws {
  try context.advance(seconds: second - now)
  now = second
}

/// What the table must say for each kind, and why, for messages.
private let table: [(DataKind, CacheTimeout, String)] = [
  (
    .siteSettings, .never,
    "Settings change only when an admin saves them, and that save deletes the key: a number of "
      + "seconds, however long, only adds reloads, and .default gives 300 s."
  ),
  (
    .exchangeRates, 600,
    "Prices may use rates up to 10 minutes old, and no older: 600 s."
  ),
  (
    .oneTimeToken, 0,
    "A cached \"valid\" lets the same sign-in link work twice: 0 keeps nothing, so every use "
      + "is checked in the database."
  ),
  (
    .session, 1800,
    "A session lasts 30 minutes after the last request: 1800 s."
  ),
]

/// A timeout as the learner writes it.
private func written(_ timeout: CacheTimeout) -> String {
  switch timeout {
  case .default: ".default"
  case .never: ".never"
  case .seconds(let seconds):
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
  }
}

/// Fails unless the learner's table gives `kind` the timeout `wanted`, both written as the learner
/// writes them; a `.default` is told apart from a lifetime.
private func expectTimeout(
  for kind: DataKind, is wanted: CacheTimeout, _ why: String, line: Int = #line
) throws {
  let chosen = timeout(for: kind)
  try expect(
    chosen == wanted, expected: "timeout(for: .\(kind)) to be \(written(wanted))", got: written(chosen),
    why
      + (chosen == .default
        ? " .default is not a lifetime: it is the cache's configured default, 300 s today "
          + "and whatever someone sets tomorrow."
        : ""),
    line: line)
}

let exerciseChecks: [Check] = [
  Check("timeout(for:) gives every kind its own timeout") { _ in
    for (kind, wanted, reason) in table {
      try expectTimeout(
        for: kind, is: wanted,
        "timeout(for:) is the site's one table of lifetimes, and every piece of code that caches "
          + "this kind asks it; a number written at a call site instead is one the next caller "
          + "does not see. \(reason)")
    }
  },

  Check("site settings never expire on their own") { context in
    var count = 0
    let settings = ["name": "cachelings", "signups": "open"]
    func load() -> [String: String] {
      count += 1
      return settings
    }
    _ = try cached(.siteSettings, key: "site-settings", cache: context.cache, load: load)
    try expectLoads(count, 1, "The cache starts empty, so the first call loads the settings once.")
    try context.advance(seconds: 400 * 86_400)
    let later = try cached(.siteSettings, key: "site-settings", cache: context.cache, load: load)
    try expectLoads(
      count, 1,
      "400 days later the settings were loaded again, so the copy expired. Settings change only "
        + "when an admin saves them, and that save deletes the key, so a timeout only adds loads. "
        + "Leaving it out gives 300 s; a long number of seconds still ends, and over 30 days "
        + "memcached reads it as a date. .never (Django's None) is the one timeout that never "
        + "runs out.")
    try expect(later, equals: settings, "A hit must return the settings that were stored.")
    try expectTimeout(
      for: .siteSettings, is: .never,
      "However long, a number of seconds runs out some day, and the settings would reload for no "
        + "reason. Over 30 days memcached reads the number as a date, computed with the web "
        + "server's clock, so when the clocks disagree the copy lives longer or shorter than you "
        + "asked. .never (Django's None) is the one timeout that never runs out.")
    _ = try context.cache.delete("site-settings")
    _ = try cached(.siteSettings, key: "site-settings", cache: context.cache, load: load)
    try expectLoads(
      count, 2,
      "The admin's save deleted \"site-settings\", so the next call must miss and load the new "
        + "settings. No load means they were cached under another key than the one given: use "
        + "key exactly as it is passed to cached.")
  },

  Check("exchange rates are reused for 600 seconds, then loaded again") { context in
    var count = 0
    func load() -> Double {
      count += 1
      return count == 1 ? 1.08 : 1.09
    }
    _ = try cached(.exchangeRates, key: "rates:EUR", cache: context.cache, load: load)
    try context.advance(seconds: 599)
    let cachedRate = try cached(.exchangeRates, key: "rates:EUR", cache: context.cache, load: load)
    try expectLoads(
      count, 1,
      "599 s after the rates were stored they are within the 10 minutes prices may use them, so "
        + "this call should be a hit. A load here means they were kept for less than 600 s "
        + "(the cache's default of 300 s, say), which asks the bank twice as often as needed.")
    try expect(cachedRate, equals: 1.08, "A hit must return the rate that was stored.")
    try context.advance(seconds: 2)
    let fresh = try cached(.exchangeRates, key: "rates:EUR", cache: context.cache, load: load)
    try expectLoads(
      count, 2,
      "601 s after the rates were stored they are older than the 10 minutes allowed, so this call "
        + "must load them again. No load means the timeout is longer than 600 s, or .never, and "
        + "prices go out with stale rates.")
    try expect(fresh, equals: 1.09, "After the copy expires, the call must return the new rate.")
  },

  Check("a one-time token is checked against the database on every use") { context in
    var used = false
    var count = 0
    func load() -> String {
      count += 1
      return used ? "used" : "valid"
    }
    let first = try cached(.oneTimeToken, key: "token:7f3a", cache: context.cache, load: load)
    try expect(first, equals: "valid", "The token has not been used yet, so it must come back valid.")
    used = true
    let second = try cached(.oneTimeToken, key: "token:7f3a", cache: context.cache, load: load)
    try expect(
      second, equals: "used",
      "The token was used to sign in, yet the second use was told it is still valid: that answer "
        + "came from a cached copy, so the same link can sign in twice. A one-time token must be "
        + "checked in the database every time: give this kind a timeout of 0, which keeps "
        + "nothing.")
    try expectLoads(count, 2, "Each use of the token must load its state from the database.")
    let stored = try context.cache.hasKey("token:7f3a")
    try expect(
      !stored, expected: "nothing under \"token:7f3a\"", got: "a value stored there",
      "A timeout of 0 means \"do not keep\": nothing should be left under the token's key.")
  },

  Check("a session nobody reads ends 30 minutes after it started") { context in
    try startSession(Session(id: "s1", userID: 1), cache: context.cache)
    let stored = try? context.cache.get("session:s1", as: Session.self)
    try expect(
      stored == Session(id: "s1", userID: 1), expected: "session \"s1\" under \"session:s1\"",
      got: stored.map { described($0) + " there" }
        ?? ((try? context.cache.hasKey("session:s1")) == true
          ? "a value there that is not a Session" : "nothing under \"session:s1\""),
      "startSession must store the Session itself under \"session:<id>\", where session(id:) "
        + "and every other process look for it.")
    try context.advance(seconds: 1_799)
    let present = try context.cache.hasKey("session:s1")
    try expect(
      present, expected: "the session still stored 1,799 s after it started", got: "it had expired",
      "A session lasts 30 minutes, 1,800 s. Ending it sooner (with the default of 300 s, say) "
        + "signs visitors out in the middle of their visit.")
    try context.advance(seconds: 2)
    let gone = try session(id: "s1", cache: context.cache)
    try expect(
      gone == nil, expected: "nil 1,801 s after the session started, with no read in between",
      got: described(gone),
      "Nobody used the session for more than 30 minutes, so it must have ended. A longer "
        + "timeout, or .never, keeps a session alive on a shared computer long after its owner "
        + "left.")
  },

  Check("each read slides the session's expiry by 30 minutes") { context in
    try startSession(Session(id: "s2", userID: 2), cache: context.cache)
    var now = 0.0
    for second in [1_799.0, 3_598, 5_397] {
      try move(context, from: &now, to: second)
      let found = try session(id: "s2", cache: context.cache)
      try expect(
        found == Session(id: "s2", userID: 2), expected: "session \"s2\" of member 2",
        got: described(found),
        "The visitor came back \(Int(second)) s after the session started and 1,799 s after "
          + "their last request, inside the 30 minutes. Each read must touch \"session:<id>\" "
          + "with 1,800 s so the 30 minutes count from the last request. touch without a timeout "
          + "does not keep the session's: it applies the cache's default, 300 s.")
    }
    try move(context, from: &now, to: 5_397 + 1_801)
    let gone = try session(id: "s2", cache: context.cache)
    try expect(
      gone == nil, expected: "nil 1,801 s after the last read", got: described(gone),
      "The session was idle for more than 30 minutes after its last read, so it must have ended. "
        + "Touch with exactly 1,800 s, not more, and not .never.")
  },

  Check("an unknown session is nil, and nothing is stored for it") { context in
    let found = try session(id: "nobody", cache: context.cache)
    try expect(
      found == nil, expected: "nil for a session that was never started", got: described(found),
      "A session id nobody started (a forged or old cookie) must not sign anyone in.")
    let stored = try context.cache.hasKey("session:nobody")
    try expect(
      !stored, expected: "nothing under \"session:nobody\"", got: "a value stored there",
      "Reading a session must never create one: every forged cookie would add an entry.")
  },
]
