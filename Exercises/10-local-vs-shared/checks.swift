import CacheKit
import ExerciseKit
import Foundation
import Synchronization

/// The name of a backend as a learner reads it.
private func backendName(_ backend: Backend) -> String {
  switch backend {
  case .redis: "Redis"
  case .file: "file"
  case .memcached: "memcached"
  case .memory: "memory"
  }
}

/// Holds a worker until `count` workers have arrived (or a few seconds have passed), so the workers
/// of a concurrent check really count at the same time. It meets on the shared cache, under a key of
/// the check's own, with the server's atomic incr.
private func waitForAll(
  _ count: Int, on cache: any Cache, line: String = "check:start-line", seconds: Double = 5
) throws {
  _ = try cache.add(line, 0, timeout: .never)
  _ = try cache.incr(line)
  let deadline = Date().addingTimeInterval(seconds)
  while try (cache.get(line, as: Int.self) ?? 0) < count, Date() < deadline {
    usleep(1000)
  }
}

/// The cache as one worker sees it during the first view of a fresh post: after the worker's first
/// call (whatever it is, and whether it succeeds or throws), it waits until every worker has made
/// its first call too. That is the worst moment of a real race, made certain: every process has
/// looked at the missing counter before any of them goes on.
private final class CacheWithFirstCallLine: CallWrappingCache {
  let store: any Cache
  let workers: Int
  let line: String
  let waited = Mutex(false)

  init(_ store: any Cache, workers: Int, line: String) {
    self.store = store
    self.workers = workers
    self.line = line
  }

  func wrap<T>(_ call: () throws -> T) throws -> T {
    defer {
      let first = waited.withLock { waited in
        defer { waited = true }
        return !waited
      }
      if first { try? waitForAll(workers, on: store, line: line, seconds: 2) }
    }
    return try call()
  }
}

/// A worker process that serves 20 views of post 7 and returns the count the last one saw.
private func twentyViews(_ context: CheckContext) throws -> String {
  var last = 0
  for _ in 1...20 { last = try recordView(of: 7, cache: context.cache) }
  return String(last)
}

/// The fresh posts of the first-view race check.
private let freshPosts = [101, 102, 103]

let exerciseChecks: [Check] = [
  Check("views are counted under \"views:post:<id>\"") { context in
    let counts = try (1...3).map { _ in try recordView(of: 7, cache: context.cache) }
    try expect(
      counts, equals: [1, 2, 3],
      "Each call of recordView counts one view and returns the count after it: the first view of a "
        + "post returns 1, the next ones 2 and 3.")
    try expect(
      try viewCount(of: 7, cache: context.cache), equals: 3,
      "viewCount must report the views recordView counted.")
    let stored = try? context.cache.get("views:post:7", as: Int.self)
    try expect(
      stored, equals: 3,
      "The count must live in the cache under \"views:post:7\": that key is what every process "
        + "shares, and what a dashboard or a nightly job reads.")
    try expect(
      try viewCount(of: 8, cache: context.cache), equals: 0,
      "A post nobody has viewed has a count of 0, not an error: its counter does not exist yet.")
    try expect(
      try context.cache.hasKey("views:post:8"), equals: false,
      "viewCount only reads: asking for the count of an unviewed post must not create its "
        + "counter. A dashboard that reads thousands of posts would otherwise fill the cache "
        + "with zeros kept forever; let recordView create the counter on the first real view.")
  },

  Check(
    "on memory, each process counts only its own views", backends: [.memory],
    worker: twentyViews
  ) { context in
    let counts = try context.runWorkers(3)
    try expect(
      counts, equals: ["20", "20", "20"],
      "Local memory lives inside one process: each of the three processes has its own store, so "
        + "each counts only the 20 views it served itself. Nothing in your code can change that, and "
        + "the check expects it; a number other than 20 means recordView does not count one view per "
        + "call.")
    try expect(
      try viewCount(of: 7, cache: context.cache), equals: 0,
      "The checking process recorded no view, and its memory cache is not the workers': it must "
        + "see 0. This is why a view counter on local memory is wrong on any site with more than one "
        + "process: every process shows its own share of the truth.")
  },

  Check(
    "processes one after another add to one shared count", backends: [.file, .redis, .memcached],
    worker: twentyViews
  ) { context in
    let counts = try context.runWorkers(3, concurrently: false)
    let name = backendName(context.backend)
    try expect(
      counts, equals: ["20", "40", "60"],
      "The \(name) backend is one store for every process, so the second process must go on from "
        + "the first one's 20 and the third from 40. A process that starts again at 1 did not find the "
        + "counter under \"views:post:7\", or reset it: create it with add, which leaves an existing "
        + "counter alone, never with set.")
    try expect(
      try viewCount(of: 7, cache: context.cache), equals: 60,
      "The checking process shares the \(name) cache with the workers, so it must see all 60 views.")
  },

  Check(
    "processes counting at the same time lose no view", backends: [.redis, .memcached],
    worker: { context in
      try waitForAll(4, on: context.cache)
      for _ in 1...50 { _ = try recordView(of: 7, cache: context.cache) }
      return "done"
    }
  ) { context in
    _ = try context.runWorkers(4)
    let total = try viewCount(of: 7, cache: context.cache)
    try expect(
      total == 200, expected: "200 views", got: "\(total) views",
      "Four processes recorded 50 views each at the same time. Fewer than 200 means views were "
        + "lost: when two processes read the same count, both add one and both write it back, one "
        + "view disappears. \(backendName(context.backend))'s incr adds on the server in one step, "
        + "so no read sits between another process's read and write; add creates the counter only "
        + "when it is missing, so a late process cannot reset it to 0.")
  },

  Check(
    "processes viewing a new post at the same moment all count", backends: [.redis, .memcached],
    worker: { context in
      var firstViews: [String] = []
      for post in freshPosts {
        try waitForAll(4, on: context.cache, line: "check:start-line:\(post)")
        let racing = CacheWithFirstCallLine(
          context.cache, workers: 4, line: "check:first-call:\(post)")
        firstViews.append(String(try recordView(of: post, cache: racing)))
      }
      return firstViews.joined(separator: ",")
    }
  ) { context in
    let results = try context.runWorkers(4).map { $0.split(separator: ",").map(String.init) }
    for (index, post) in freshPosts.enumerated() {
      let returned = results.map { $0.count > index ? $0[index] : "nothing" }
      let total = try viewCount(of: post, cache: context.cache)
      try expect(
        total == 4 && returned.sorted() == ["1", "2", "3", "4"],
        expected: "post \(post) at 4 views, the four calls returning 1, 2, 3 and 4",
        got: "\(total) view(s), the calls returning \(returned.joined(separator: ", "))",
        "Four processes recorded the first view of post \(post) at the same moment, each making "
          + "its first cache call before any went on. Two processes that both find no counter "
          + "(a get that misses, or an incr that throws keyNotFound) and both set it to 1 "
          + "overwrite each other, and views are lost on every new post. Create the counter with "
          + "add(key, 0), which only one process can win and which leaves an existing counter "
          + "alone, then incr it: every process's incr then counts.")
    }
  },

  Check("a rename deletes the cached profile") { context in
    let first = try profile(of: 2, cache: context.cache, database: context.database)
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "The second read of member 2 should be a hit: cache the User under \"user:2\" on the first.")
    try expect(
      first.name, equals: "Grace", "A profile must be what the database holds for that member.")
    try rename(user: 2, to: "Grace H.", cache: context.cache, database: context.database)
    try expect(
      try context.cache.hasKey("user:2"), equals: false,
      "After the rename the cached profile is stale; rename must delete \"user:2\".")
    let renamed = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      renamed.name, equals: "Grace H.",
      "The read after a rename must miss, query again and return the new name.")
  },

  Check("a cached profile expires after 300 seconds") { context in
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    try context.advance(seconds: 299)
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 1,
      "At 299 s the profile is still within its 300 s: the read must be a hit.")
    try context.advance(seconds: 2)
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      context.database.queryCount, equals: 2,
      "At 301 s the cached profile has expired, so the read must miss and query again. Store it "
        + "with timeout: 300: a profile kept forever (.never) is only ever fixed by a delete, and "
        + "any change that forgets to delete leaves it stale for good.")
  },

  Check("rename writes the database before it deletes the cached profile") { context in
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    let racing = CacheWithReaderAfterDeletes(context.cache) { store in
      _ = try profile(of: 2, cache: store, database: context.database)
    }
    try rename(user: 2, to: "Grace H.", cache: racing, database: context.database)
    let shown = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      shown.name, equals: "Grace H.",
      "A request came in right after rename's delete, missed, read the row the database still "
        + "held, the old name, and cached it again for 300 s; the write came after, and nothing "
        + "deleted that copy. Call database.renameUser first, then delete \"user:<id>\".")
  },

  Check(
    "a rename in another process reaches the shared cache, not another's memory",
    worker: { context in
      try rename(user: 2, to: "Grace H.", cache: context.cache, database: context.database)
      return "renamed"
    }
  ) { context in
    _ = try profile(of: 2, cache: context.cache, database: context.database)
    try expect(
      try context.cache.hasKey("user:2"), equals: true,
      "profile must store the member under \"user:2\" on a miss.")
    _ = try context.runWorkers(1)
    let stillCached = try context.cache.hasKey("user:2")
    if context.backend == .memory {
      try expect(
        stillCached, equals: true,
        "The rename ran in another process, and its delete reached only that process's memory. The "
          + "checking process still holds its old copy, and will serve the old name until the 300 s "
          + "run out: that is what local memory does, and why data that one process changes and "
          + "others read belongs in a shared cache, or in local memory only with a short timeout.")
    } else {
      try expect(
        stillCached, equals: false,
        "The rename ran in another process, but \(backendName(context.backend)) is one store for "
          + "all of them: its delete of \"user:2\" must remove the copy this process cached, or this "
          + "process keeps serving the old name.")
    }
  },
]
