import CacheKit
import ExerciseKit

/// Fails unless the cache holds `version` under "user-version:<userID>".
private func expectVersion(
  _ version: Int, of userID: Int, in cache: any Cache, _ why: String, line: Int = #line
) throws {
  try expectStored(
    version, under: "user-version:\(userID)", in: cache, kind: "an integer", shown: { "version \($0)" }, why,
    line: line)
}

/// Renames through the learner's code, turning the error of a missing counter into advice.
private func renameThroughCache(
  _ id: Int, to name: String, _ cache: any Cache, _ context: CheckContext
) throws {
  do {
    try renameUser(id: id, to: name, cache: cache, database: context.database)
  } catch CacheError.keyNotFound(let key) {
    throw CheckFailure(
      expected: "the rename to succeed", got: "CacheError.keyNotFound for the final key \(key)",
      why: "incr works only on a key that exists, as Django's incr raises ValueError on a missing key. "
        + "A member whose profile nobody has read yet has no version, so create it first with "
        + "add(\"user-version:<id>\", 1, timeout: .never), which does nothing when the version exists.")
  }
}

/// Reads member `userID`'s profile through the learner's code (from `cache`, the check's own unless
/// given) and fails unless it shows `name`.
private func expectName(
  _ name: String, of userID: Int, _ context: CheckContext, cache: (any Cache)? = nil, _ why: String,
  line: Int = #line
) throws {
  let read = try profile(userID: userID, cache: cache ?? context.cache, database: context.database)
  try expect(read.name, equals: name, why, line: line)
}

/// Member 1 renamed to "Ada Lovelace" through the learner's code, read before and after the rename so
/// both versions' copies are cached, then `seconds` later.
private func renameAdaAndWait(_ seconds: Double, _ context: CheckContext) throws {
  _ = try profile(userID: 1, cache: context.cache, database: context.database)
  try renameThroughCache(1, to: "Ada Lovelace", context.cache, context)
  _ = try profile(userID: 1, cache: context.cache, database: context.database)
  try context.advance(seconds: seconds)
}

let exerciseChecks: [Check] = [
  Check("two reads of a profile run one query") { context in
    let first = try profile(userID: 1, cache: context.cache, database: context.database)
    let second = try profile(userID: 1, cache: context.cache, database: context.database)
    try expectQueries(
      context, 1,
      "The first read misses and loads the row; the second should find it in the cache. Profiles are "
        + "read far more often than they change, which is what makes them worth caching at all.")
    try expect(
      second, equals: first,
      "A hit must return the profile the miss stored.")
    try expect(
      first.name, equals: "Ada",
      "The profile must be member 1's row as the database holds it.")
  },

  Check("the first read stores version 1 and the profile under \"user:<id>:v1\"") { context in
    _ = try profile(userID: 2, cache: context.cache, database: context.database)
    try expectVersion(
      1, of: 2, in: context.cache,
      "A member without a version starts at 1, and the counter must live in the cache under "
        + "\"user-version:<id>\" so that every reader and every rename works with the same number.")
    try expectStored(
      try SlowDatabase().user(id: 2), under: "user:2:v1", in: context.cache, kind: "a User",
      shown: { "\($0.name)'s profile" },
      "The profile belongs under a key that carries the version, \"user:<id>:v<version>\". A write "
        + "changes the version and with it the key, so readers stop finding the old copy without "
        + "anyone deleting it.")
  },

  Check("the read right after a rename shows the new name") { context in
    _ = try profile(userID: 2, cache: context.cache, database: context.database)
    context.database.resetCounters()
    try renameThroughCache(2, to: "Grace Hopper", context.cache, context)
    try expectName(
      "Grace Hopper", of: 2, context,
      "This is a stale read: the database says \"Grace Hopper\", but the cache served the copy from "
        + "before the rename. The rename has to move readers to a new key: bump \"user-version:2\" "
        + "with incr after the database write, and build the profile key from the version.")
    try expectQueries(
      context, 1,
      "The first read after a rename should miss, because the key now carries a new version, and "
        + "load the new row with exactly one query.")
    _ = try profile(userID: 2, cache: context.cache, database: context.database)
    try expectQueries(
      context, 1,
      "The renamed profile should be cached under the new version's key, so the next read is a hit.")
  },

  Check("each rename bumps the version by one") { context in
    _ = try profile(userID: 4, cache: context.cache, database: context.database)
    try renameThroughCache(4, to: "Margaret Hamilton", context.cache, context)
    try expectVersion(
      2, of: 4, in: context.cache,
      "After one rename the counter should have gone from 1 to 2. Bump it with incr: on memcached and "
        + "Redis the server adds to the number itself (memcached's incr, Redis's INCRBY after an "
        + "EXISTS), so two renames at once cannot both write the same number, as a get followed by a "
        + "set could. (The file backend's incr reads, adds and writes back, so two processes renaming "
        + "at once can lose an increment.)")
    try renameThroughCache(4, to: "M. Hamilton", context.cache, context)
    try expectVersion(
      3, of: 4, in: context.cache,
      "Every rename must move the version on by exactly one; a second rename that leaves it alone "
        + "would leave readers on a key that holds the old name.")
    try expectName(
      "M. Hamilton", of: 4, context,
      "After two renames the profile must show the latest name.")
  },

  Check("renaming a member whose profile was never read works") { context in
    try renameThroughCache(5, to: "Alan Turing", context.cache, context)
    try expectName(
      "Alan Turing", of: 5, context,
      "The first read after the rename must show the name the database now holds.")
  },

  Check("renaming one member leaves the others cached") { context in
    _ = try profile(userID: 1, cache: context.cache, database: context.database)
    _ = try profile(userID: 3, cache: context.cache, database: context.database)
    try renameThroughCache(1, to: "Ada Lovelace", context.cache, context)
    context.database.resetCounters()
    let linus = try profile(userID: 3, cache: context.cache, database: context.database)
    try expectQueries(
      context, 0,
      "Only member 1 changed, so member 3's cached profile is still right and should be a hit. A "
        + "query here means the rename invalidated more than it had to (a version shared by every "
        + "member, say), and every write would send all readers back to the database.")
    try expect(linus.name, equals: "Linus", "Member 3's profile must be member 3's row.")
    try expectName(
      "Ada Lovelace", of: 1, context,
      "Member 1 was renamed, so their next read must show the new name, not the cached old one.")
    try expectQueries(
      context, 1,
      "Member 1's read after the rename should be the only miss, loading the new row once.")
  },

  Check("a cached profile is still used an hour later") { context in
    try expectStillCached(
      after: 3_600, context,
      "An hour later the profile should still be cached; the task keeps profiles for a day. With "
        + "versioned keys a write does not wait for a timeout to show, it changes the key; the "
        + "timeout mostly decides how long copies nobody reads any more linger, so it can be long."
    ) {
      _ = try profile(userID: 6, cache: context.cache, database: context.database)
    }
  },

  Check("the version counter outlives the profiles it points to") { context in
    try renameAdaAndWait(3_600, context)
    try expectName(
      "Ada Lovelace", of: 1, context,
      "An hour after the rename the old name came back. If the read right after the rename was "
        + "right, the counter under \"user-version:1\" expired: it started over at 1 and pointed "
        + "readers back at \"user:1:v1\", the copy from before the rename, which is still alive. "
        + "Store the version with timeout: .never so it cannot expire before the profiles it points to. "
        + "(.never rules out expiry only; the next check is about a counter that is lost anyway.)")
  },

  Check("a lost version counter cannot bring back a copy older than a day") { context in
    try renameAdaAndWait(86_401, context)
    // An eviction or a restart of the server that holds it: .never does not protect against either.
    _ = try context.cache.delete("user-version:1")
    try expectName(
      "Ada Lovelace", of: 1, context,
      "A day after the rename the version counter was lost, as a full cache evicting it or its "
        + "server restarting would lose it. It started over at 1, and readers were sent to "
        + "\"user:1:v1\", where the copy from before the rename was still alive: the old name came "
        + "back. No timeout protects the counter from eviction; the copies' own timeout is what "
        + "limits the damage. Keep profiles for a day, timeout: 86_400, never with .never, so that "
        + "no copy older than a day can come back.")
  },

  Check("a second process sees the rename at once", backends: [.file, .redis, .memcached]) { context in
    let otherProcess = try context.cacheOfAnotherProcess()
    defer { try? otherProcess.close() }
    try expectName(
      "Grace", of: 2, context, cache: otherProcess,
      "The other process's first read must load member 2's row.")
    try renameThroughCache(2, to: "Grace Hopper", context.cache, context)
    let backend = context.backend == .redis ? "Redis" : context.backend.rawValue
    try expectName(
      "Grace Hopper", of: 2, context, cache: otherProcess,
      "One process renamed member 2 while another had the old profile cached. On the \(backend) "
        + "backend both processes read the same store, so the bumped version is what the other "
        + "process reads next, and it must miss and load the new name. Seeing the old name means "
        + "the rename did not change the key the other process reads.")
  },
]
