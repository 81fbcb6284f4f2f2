import CacheKit
import ExerciseKit

/// The posts the database gives, read from a database of its own so the check's query count stays clean.
private let expectedTopPosts = SlowDatabase().topPosts()

/// Posts in a short form for messages: their ids in order.
private func postIDs(_ posts: [Post]?) -> String {
  guard let posts else { return "nothing" }
  return "posts with ids " + posts.map { String($0.id) }.joined(separator: ", ")
}

/// Fails unless the learner's code returned `expected`, naming both lists by their posts' ids.
private func expectPosts(_ posts: [Post], are expected: [Post], _ why: String, line: Int = #line) throws {
  try expect(posts == expected, expected: postIDs(expected), got: postIDs(posts), why, line: line)
}

let exerciseChecks: [Check] = [
  Check("the first call runs the query once and returns the top posts") { context in
    let posts = try topPosts(cache: context.cache, database: context.database)
    try expectQueries(
      context, 1,
      "The cache starts empty, so the first call is a miss and must ask the database, exactly once. "
        + "More than one query on a miss means the slow path does its work twice.")
    try expectPosts(
      posts, are: expectedTopPosts,
      "On a miss the caller must get what the database returned: a cache may save work, but it must "
        + "never change the answer.")
  },

  Check("a second call is served from the cache") { context in
    let first = try topPosts(cache: context.cache, database: context.database)
    let second = try topPosts(cache: context.cache, database: context.database)
    try expectQueries(
      context, 1,
      "The second call came well within the minute, so it should have been a hit: the whole point of "
        + "cache-aside is that only a miss pays for the slow query. Two queries means nothing was found "
        + "in the cache: check that you look under \"top-posts\" before querying, and store the result "
        + "there.")
    try expectPosts(
      second, are: first,
      "A hit must return the same posts the miss stored; anything else means the value changed on its "
        + "way through the cache.")
  },

  Check("the posts are stored under \"top-posts\"") { context in
    _ = try topPosts(cache: context.cache, database: context.database)
    try expectStored(
      expectedTopPosts, under: "top-posts", in: context.cache, kind: "a [Post] list", shown: postIDs,
      "Other code (an invalidation on write, an admin tool, another process) finds the copy by its key, "
        + "so the key is part of the contract. Store the [Post] list itself under exactly \"top-posts\".")
  },

  Check("the copy lives 60 seconds, then the query runs again") { context in
    try expectStillCached(
      after: 59, context,
      "59 seconds after the posts were stored they are still within their 60 s, so this call should be "
        + "a hit. A second query here means the posts were not stored, or were stored with a timeout "
        + "shorter than 60 s, which throws away work the page was allowed to reuse."
    ) {
      _ = try topPosts(cache: context.cache, database: context.database)
    }
    try context.advance(seconds: 2)
    let posts = try topPosts(cache: context.cache, database: context.database)
    try expectQueries(
      context, 2,
      "61 seconds after the posts were stored the copy should have expired, so this call should be a "
        + "miss that queries again. Still 1 query means the timeout is longer than 60 s: leaving it out "
        + "gives the default of 300 s and .never keeps the copy until something removes it. The timeout "
        + "is how long visitors may see old like counts, so set exactly the 60 s the page allows.")
    try expectPosts(
      posts, are: expectedTopPosts,
      "After the copy expires, the next call must return what the database says now.")
    _ = try topPosts(cache: context.cache, database: context.database)
    try expectQueries(
      context, 2,
      "The miss after the expiry should store the fresh posts again, so the call after it is a hit. "
        + "A third query means the refreshed copy was never stored.")
  },

  Check(
    "processes share the copy on file, Redis and memcached, not on memory",
    worker: { context in
      _ = try topPosts(cache: context.cache, database: context.database)
      return String(context.database.queryCount)
    }
  ) { context in
    let queriesPerProcess = try context.runWorkers(3, concurrently: false)
    if context.backend == .memory {
      try expect(
        queriesPerProcess, equals: ["1", "1", "1"],
        "Local memory lives inside one process: three worker processes have three separate memory "
          + "caches, each of them cold, so each process misses on its one call and should query exactly "
          + "once. More than one query means a single miss ran the slow query twice. That every process "
          + "has to pay for its own miss is how local memory works, and why a site with several "
          + "processes or servers uses a shared backend.")
    } else {
      let backend = context.backend == .redis ? "Redis" : context.backend.rawValue
      try expect(
        queriesPerProcess, equals: ["1", "0", "0"],
        "The \(backend) backend is one store shared by every process: the first process "
          + "missed and stored the posts, so the next two should have found them and run no query. "
          + "A query in every process means the copy never reached the shared cache, so each process "
          + "(and each of your servers) pays for the slow query itself.")
    }
  },
]
