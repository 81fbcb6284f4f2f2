import CacheKit
import ExerciseKit

/// The name member 2 has in the sample data, and the one the renames give.
private let oldName = "Grace"
private let newName = "Grace H."

/// The name the shared cache holds for member 2, or nil when it holds no copy.
private func sharedName(_ context: CheckContext) throws -> String? {
  try context.cache.get("user:2", as: User.self)?.name
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

let exerciseChecks: [Check] = [
  Check("a read within 5 s is served from memory") { context in
    let local = context.localCache()
    let shared = try context.cacheThatCanGoDown()
    let first = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expect(first.name, equals: oldName, "A profile must be what the database holds for that member.")
    try expectSharedCopy(context)
    try expect(
      try local.hasKey("user:2"), equals: true,
      "After the first read this process's memory must hold \"user:2\" too, or every read pays a "
        + "round trip to the shared cache.")
    let callsBefore = context.cacheCalls
    try context.advance(seconds: 4)
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "The second read, 4 s after the first, queried the database again: nothing was cached.")
    try expect(
      context.cacheCalls - callsBefore, equals: 0,
      "The second read, 4 s after the first, called the shared cache: a copy in this process's memory "
        + "must answer it. Ask `local` first and return what it holds; only a memory miss goes on to "
        + "the shared cache.")
  },

  Check("at 5 s memory expires; the shared cache answers") { context in
    let local = context.localCache()
    let shared = try context.cacheThatCanGoDown()
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expectSharedCopy(context)
    let callsBefore = context.cacheCalls
    try context.advance(seconds: 5)
    _ = try profile(of: 2, local: local, shared: shared, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "At 5 s the read queried the database although the shared cache still held the profile for "
        + "300 s. A memory miss must ask the shared cache first: otherwise every process queries the "
        + "database every 5 seconds.")
    try expect(
      context.cacheCalls > callsBefore, expected: "the read at 5 s to ask the shared cache",
      got: "it was answered from this process's memory",
      "A memory copy must live 5 seconds, no longer: that is the longest a rename in another process "
        + "goes unseen here. Store it with timeout: 5, whichever level answered.")
  },

  Check("the shared copy lives 300 s") { context in
    _ = try profile(of: 2, local: context.localCache(), shared: context.cache, database: context.database)
    try expectSharedCopy(context)
    try context.advance(seconds: 299)
    // Each later read comes from a process whose memory is empty, so it reaches the shared cache.
    _ = try profile(of: 2, local: context.localCache(1), shared: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "At 299 s the shared copy is still within its 300 s: another process's read must find it "
        + "there, not query.")
    try context.advance(seconds: 2)
    _ = try profile(of: 2, local: context.localCache(2), shared: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 2,
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
    let queries = try context.runWorkers(4, concurrently: false)
    try expect(
      queries, equals: ["1", "0", "0", "0"],
      "Four processes, one after another, each read member 2 twice; the numbers are each process's "
        + "database queries. Only the first process should query: it stores the profile in the "
        + "shared cache, where the next three find it on their memory miss. A process that queries "
        + "on its second read kept no copy in memory.")
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
    try context.advance(seconds: 5)
    // Memory refreshed from the shared cache just before the rename: the worst case for staleness.
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    _ = try context.runWorkers(1)
    // The site has one database; this process's copy of it takes the worker's write too.
    try context.database.renameUser(id: 2, to: newName)
    try context.advance(seconds: 5)
    let stillShared = try sharedName(context)
    let shown = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      shown, equals: newName,
      stillShared == oldName
        ? "The rename ran in another process, but the shared cache still held the old profile: rename "
          + "must delete \"user:<id>\" from the shared cache after the database write, or every "
          + "process refills its memory with the old name for the next 300 s."
        : "Another process renamed member 2 and this process still showed \"\(oldName)\" 5 s later. "
          + "Its memory copy was refreshed just before the rename, so it may be up to 5 s old, never "
          + "older: keep memory copies for 5 seconds, not for the shared cache's 300.")
  },

  Check("the renaming process sees its change at once") { context in
    let local = context.localCache()
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
    try rename(user: 2, to: newName, local: local, shared: context.cache, database: context.database)
    try expect(
      try context.database.user(id: 2).name, equals: newName,
      "rename must write the new name to the database with database.renameUser.")
    context.database.resetCounters()
    let shown = try profile(of: 2, local: local, shared: context.cache, database: context.database).name
    try expect(
      try sharedName(context) != oldName, expected: "no old profile in the shared cache after rename",
      got: "the shared cache still held \"\(oldName)\"",
      "rename must delete \"user:<id>\" from the shared cache, or every process's next refill brings the "
        + "old name back.")
    try expect(
      shown, equals: newName,
      "The process that renamed member 2 showed the old name on its next read: its own memory still "
        + "held the copy. rename must delete \"user:<id>\" from `local` too, so a member sees their own "
        + "change at once.")
  },

  Check("rename: write, delete shared, then local") { context in
    let local = context.localCache()
    _ = try profile(of: 2, local: local, shared: context.cache, database: context.database)
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
      shown, equals: newName,
      "This process's next read after rename showed the old name. Either rename leaves its memory "
        + "copy, or a request of this process that came in right after that delete found the old "
        + "profile still in the shared cache and copied it back into memory for 5 s. Delete the "
        + "shared copy first, then the local one.")
  },
]
