import CacheKit
import ExerciseKit

/// The name member 2 has in the sample data, and the ones the renames give.
private let oldName = "Grace"
private let newName = "Grace H."
private let laterName = "Grace Hopper"

/// The name the shared cache holds for member 2, or nil when it holds no copy.
private func sharedName(_ context: CheckContext) throws -> String? {
  try context.cache.get("user:2", as: User.self)?.name
}

/// A count of database queries in words.
private func queries(_ count: Int) -> String {
  count == 1 ? "1 database query" : "\(count) database queries"
}

/// A count of calls to the shared cache in words.
private func calls(_ count: Int) -> String {
  count == 1 ? "1 call to the shared cache" : "\(count) calls to the shared cache"
}

/// A name a profile showed, in words: the old one, or the name itself.
private func shownName(_ name: String) -> String {
  name == oldName ? "the old name \"\(oldName)\"" : "\"\(name)\""
}

/// Fails unless the shared cache holds member 2 after a first read.
private func expectSharedCopy(_ context: CheckContext) throws {
  try expect(
    try context.cache.hasKey("user:2"), expected: "a copy of member 2 under \"user:2\" in the shared cache",
    got: "no copy there",
    "After the first read the shared cache must hold \"user:2\": it is where the other processes "
      + "find the profile without querying the database. Store what the database returns there for "
      + "300 s.")
}

/// Fails unless this process's memory still holds the copy it stored `seconds` ago.
private func expectMemoryCopyAlive(_ local: any Cache, after seconds: Int) throws {
  try expect(
    try local.hasKey("user:2"), expected: "the memory copy still there \(seconds) s after it was stored",
    got: "it had expired",
    "This process's memory copy was gone \(seconds) s after it was stored, so its timeout is under 5 s "
      + "and reads go to the shared cache more often than they need to. Store it with timeout: 5, "
      + "whichever level answered.")
}

/// Fails unless `cache` (`place`, in words) holds no copy of member 2 right after rename: `ifOld` says
/// why when it holds the old profile, `ifOther` when it holds another copy.
private func expectNoCopyAfterRename(
  in cache: any Cache, _ place: String, ifOld: String, ifOther: String, line: Int = #line
) throws {
  let name = try cache.get("user:2", as: User.self)?.name
  try expect(
    name == nil, expected: "no copy of member 2 in \(place) right after rename",
    got: name == oldName ? "the old profile" : "a copy holding \(shownName(name ?? ""))",
    name == oldName ? ifOld : ifOther, line: line)
}

let exerciseChecks: [Check] = [
  Check("a read within 5 s is served from memory") { context in
    let local = context.localCache()
    let shared = context.countedCache()
    let first = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expect(
      first.name == oldName, expected: "member 2's name from the database, \"\(oldName)\"",
      got: describe(first.name), "A profile must be what the database holds for that member.")
    try expectSharedCopy(context)
    try expect(
      try local.hasKey("user:2"), expected: "a copy under \"user:2\" in this process's memory",
      got: "no copy there",
      "After the first read this process's memory must hold \"user:2\" too, or every read pays a "
        + "round trip to the shared cache.")
    let callsBefore = context.cacheCalls
    try context.advance(seconds: 4)
    try expectMemoryCopyAlive(local, after: 4)
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    let queryCount = context.database.queryCount
    try expect(
      queryCount == 1, expected: "1 database query in all", got: queries(queryCount),
      "The second read, 4 s after the first, queried the database again although the profile was "
        + "in this process's memory and in the shared cache.")
    let sharedCalls = context.cacheCalls - callsBefore
    try expect(
      sharedCalls == 0, expected: "no call to the shared cache", got: calls(sharedCalls),
      "The second read, 4 s after the first, called the shared cache although this process's memory "
        + "held the copy. Ask `local` first and return what it holds; only a memory miss goes on to "
        + "the shared cache.")
  },

  Check("at 5 s memory expires; the shared cache answers") { context in
    let local = context.localCache()
    let shared = context.countedCache()
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expectSharedCopy(context)
    let callsBefore = context.cacheCalls
    try context.advance(seconds: 5)
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    let queryCount = context.database.queryCount
    try expect(
      queryCount == 1, expected: "1 database query in all", got: queries(queryCount),
      "At 5 s the read queried the database although the shared cache still held the profile for "
        + "300 s. A memory miss must ask the shared cache first: otherwise every process queries the "
        + "database every 5 seconds.")
    try expect(
      context.cacheCalls > callsBefore, expected: "the read at 5 s to ask the shared cache",
      got: "it was answered from this process's memory",
      "A memory copy must live 5 seconds, no longer: that is the longest a rename in another process "
        + "goes unseen here. Store it with timeout: 5, whichever level answered.")
    try expect(
      try local.hasKey("user:2"),
      expected: "the copy the shared cache returned at 5 s, now in this process's memory",
      got: "no copy there",
      "A copy found in the shared cache must go into memory for 5 s too: otherwise this process asks "
        + "the shared cache on every read from now on, and so does every process that did not query "
        + "the database itself.")
    let callsAtFive = context.cacheCalls
    try context.advance(seconds: 4)
    try expectMemoryCopyAlive(local, after: 4)
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    let sharedCalls = context.cacheCalls - callsAtFive
    try expect(
      sharedCalls == 0, expected: "no call to the shared cache at 9 s", got: calls(sharedCalls),
      "At 9 s this process's memory held the copy it took from the shared cache at 5 s, yet the read "
        + "called the shared cache. Return the memory copy when there is one.")
  },

  Check("the shared copy lives 300 s") { context in
    _ = try profile(of: 2, local: context.localCache(), shared: context.cache, database: context.database)
    try expectSharedCopy(context)
    try context.advance(seconds: 299)
    // Each later read comes from a process whose memory is empty, so it reaches the shared cache.
    _ = try profile(of: 2, local: context.localCache(1), shared: context.cache, database: context.database)
    var queryCount = context.database.queryCount
    try expect(
      queryCount == 1, expected: "1 database query in all: the shared copy answers at 299 s",
      got: queries(queryCount),
      "At 299 s the shared copy is still within its 300 s: another process's read must find it "
        + "there, not query.")
    try context.advance(seconds: 2)
    _ = try profile(of: 2, local: context.localCache(2), shared: context.cache, database: context.database)
    queryCount = context.database.queryCount
    try expect(
      queryCount == 2, expected: "a second database query at 301 s", got: "\(queries(queryCount)) in all",
      "At 301 s the shared copy has expired, so another process's read must query the database "
        + "again. Store the profile in the shared cache with timeout: 300: kept longer, it is only "
        + "ever fixed by a delete, and a change that forgets one leaves it stale for good.")
  },

  Check(
    "four processes query the database once",
    worker: { context in
      let local = context.localCache()
      _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
      _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
      return String(context.database.queryCount)
    }
  ) { context in
    let counts = try context.runWorkers(4, concurrently: false)
    try expect(
      counts == ["1", "0", "0", "0"], expected: "database queries per process: 1, 0, 0, 0",
      got: "database queries per process: " + counts.joined(separator: ", "),
      "Four processes, one after another, each read member 2 twice. Only the first process should "
        + "query: it stores the profile in the shared cache, where the next three find it on their "
        + "memory miss. A process that queries on its second read kept no copy in memory.")
  },

  Check(
    "another process's rename shows within 5 s",
    worker: { context in
      try rename(
        user: 2, to: newName, local: context.localCache(), shared: context.cache, database: context.database)
      return "renamed"
    }
  ) { context in
    let local = context.localCache()
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    try expectSharedCopy(context)
    try context.advance(seconds: 5)
    // The memory copy is refilled from the shared cache just before the rename, whatever timeout the
    // first copy had: the worst case for staleness.
    _ = try local.delete("user:2")
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    _ = try context.runWorkers(1)
    // The site has one database; this process's copy of it takes the worker's write too.
    try context.database.renameUser(id: 2, to: newName)
    try context.advance(seconds: 5)
    let stillShared = try sharedName(context)
    let shown = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      shown == newName, expected: "the new name \"\(newName)\" 5 s after the rename", got: shownName(shown),
      stillShared == oldName
        ? "The rename ran in another process, but the shared cache still held the old profile: rename "
          + "must delete \"user:<id>\" from the shared cache after the database write, or every "
          + "process refills its memory with the old name for the next 300 s."
        : "Another process renamed member 2 and this process still showed the old name 5 s later. "
          + "Its memory copy was refilled from the shared cache just before the rename, so it may be "
          + "up to 5 s old, never older: keep memory copies for 5 seconds, not longer.")
    // Another process renames member 2 again at 10 s, as rename should: the database, then the shared
    // copy. This process's memory copy, filled by the read just now, is read once more 4 s later.
    try context.database.renameUser(id: 2, to: laterName)
    _ = try context.cache.delete("user:2")
    try context.advance(seconds: 4)
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    try context.advance(seconds: 1)
    let later = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      later == laterName, expected: "the new name \"\(laterName)\" 5 s after the second rename",
      got: "\"\(later)\", from this process's memory",
      "A read 4 s after the rename found the copy in memory and made it live longer. A memory copy "
        + "lives 5 s from when it was filled: set it only on a miss, never touch or re-set it on a "
        + "hit, or a profile read more often than every 5 s never shows another process's rename.")
  },

  Check("the renaming process sees its change at once") { context in
    let local = context.localCache()
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    try expectSharedCopy(context)
    try rename(user: 2, to: newName, local: local, shared: context.cache, database: context.database)
    let stored = try context.database.user(id: 2).name
    try expect(
      stored == newName, expected: "the database to hold \"\(newName)\" after rename",
      got: shownName(stored), "rename must write the new name to the database with database.renameUser.")
    try expectNoCopyAfterRename(
      in: context.cache, "the shared cache",
      ifOld: "rename must delete \"user:<id>\" from the shared cache, or every process's next refill "
        + "brings the old name back.",
      ifOther: "rename must delete \"user:<id>\" and leave the refill to the next read, not store a copy "
        + "itself, not even by reading the profile again: two renames that finish out of order would leave the older name in the shared "
        + "cache for 300 s while the database holds the newer one. Two deletes cannot disagree.")
    try expectNoCopyAfterRename(
      in: local, "this process's memory",
      ifOld: "The process that renamed member 2 still held the old copy in its own memory. rename must "
        + "delete \"user:<id>\" from `local` too, so a member sees their own change at once.",
      ifOther: "rename must delete \"user:<id>\" from `local`, not store a copy there: the next read fills "
        + "memory from what the shared cache or the database holds then.")
    let shown = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      shown == newName, expected: "the new name \"\(newName)\" on the next read", got: shownName(shown),
      "The process that renamed member 2 did not show the new name on its next read, although both "
        + "caches were empty: read the database when both levels miss.")
  },

  Check("rename: write, delete shared, then local") { context in
    let local = context.localCache()
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    try expectSharedCopy(context)
    // A request of another process that comes in right after each delete of the shared copy.
    let visitor = context.localCache(1)
    let shared = CacheWithReaderAfterDeletes(context.cache) { store in
      _ = try profile(of: 2, local: visitor, shared: store, database: context.database)
    }
    // A request of this process that comes in right after each delete of its memory copy.
    let memory = CacheWithReaderAfterDeletes(local) { store in
      _ = try profile(of: 2, local: store, shared: context.cache, database: context.database)
    }
    try rename(user: 2, to: newName, local: memory, shared: shared, database: context.database)
    try expect(
      try sharedName(context) != oldName, expected: "no old profile in the shared cache",
      got: "the old name, kept for 300 s",
      "The shared cache held the old name after rename. Either rename does not delete it, or a request "
        + "came in right after the delete, missed, read the row the database still held, the old name, "
        + "and stored it again for 300 s; the database write came after, and nothing deleted that "
        + "copy. Call database.renameUser first, then delete.")
    let shown = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      shown == newName, expected: "the new name \"\(newName)\" on this process's next read",
      got: shownName(shown),
      "This process's next read after rename showed the old name. Either rename leaves its memory "
        + "copy, or a request of this process that came in right after that delete found the old "
        + "profile still in the shared cache and copied it back into memory for 5 s. After "
        + "database.renameUser, delete the shared copy, then the local one.")
  },
]
