import CacheKit
import ExerciseKit

/// The truth of one run: the traffic's own count of its lookups, by what each one returned. A key
/// of getMany is one lookup, and getOrSet on a missing key is two (its get, then its get after the
/// add), as the servers count them.
private final class Run {
  private(set) var hits = 0
  private(set) var misses = 0
  /// Keys getMany asked for and did not find.
  private(set) var manyMisses = 0
  /// Lookups that found a stored nil: hits, since the key holds a value that says "nothing".
  private(set) var nilHits = 0
  /// How many times the traffic closure was called.
  private(set) var calls = 0
  /// A wrong value the traffic read back, described; nil when every read was right.
  private(set) var wrongRead: String?
  /// What the cache holds, as far as the check's runs wrote it.
  private var stored: [String: String]

  /// A run on a cache that holds what `previous` runs left in it.
  init(after previous: Run? = nil) { stored = previous?.stored ?? [:] }

  var lookups: Int { hits + misses }

  /// What the learner's measureHits reports for this run: `traffic` is the run's lookups and writes
  /// on the cache measureHits hands it, and each call of it is counted.
  func measured(on cache: any Cache, _ traffic: (any Cache) throws -> Void) throws -> HitReport {
    try measureHits(on: cache) { cache in
      calls += 1
      try traffic(cache)
    }
  }

  func set(_ cache: any Cache, _ number: Int) throws {
    try cache.set("product:\(number)", "Mug \(number)", timeout: 300)
    stored["product:\(number)"] = "Mug \(number)"
  }

  func get(_ cache: any Cache, _ number: Int) throws {
    let key = "product:\(number)"
    let value = try cache.get(key, as: String.self)
    record(key, value)
    if value == nil { misses += 1 } else { hits += 1 }
  }

  /// Stores nil, as a site caches "no such product" so it does not ask the database again.
  func setNil(_ cache: any Cache, _ number: Int) throws {
    try cache.set("product:\(number)", nil as String?, timeout: 300)
  }

  /// Reads a stored nil back twice, with `get(_:as:)` and with `get(_:default:)`: two hits, as
  /// the key is there and holds a value.
  func getNil(_ cache: any Cache, _ number: Int) throws {
    let key = "product:\(number)"
    let read = try cache.get(key, as: String?.self)
    let withDefault = try cache.get(key, default: Optional("no such product"))
    let reads = [
      ("get(_:as:)", read == .some(nil), read.map { describe($0) } ?? "missing"),
      ("get(_:default:)", withDefault == nil, describe(withDefault)),
    ]
    for (call, right, got) in reads {
      hits += 1
      nilHits += 1
      if !right && wrongRead == nil {
        wrongRead = "\(key) read with \(call) as \(got) where the cache holds a stored nil"
      }
    }
  }

  func getMany(_ cache: any Cache, _ numbers: [Int]) throws {
    let keys = numbers.map { "product:\($0)" }
    let found = try cache.getMany(keys, as: String.self)
    for key in keys {
      record(key, found[key])
      if found[key] == nil {
        misses += 1
        manyMisses += 1
      } else {
        hits += 1
      }
    }
  }

  func getOrSet(_ cache: any Cache, _ number: Int) throws {
    let key = "product:\(number)"
    let value = try cache.getOrSet(key, timeout: 300) { "Mug \(number)" }
    if stored[key] == nil {
      misses += 1
      hits += 1
      stored[key] = "Mug \(number)"
    } else {
      hits += 1
    }
    record(key, value)
  }

  private func record(_ key: String, _ value: String?) {
    guard value != stored[key], wrongRead == nil else { return }
    wrongRead = "\(key) read as \(describe(value)) where the cache holds \(describe(stored[key]))"
  }
}

/// Lookups made in the check before the measured run: a server's counters include them.
private func earlierTraffic(_ cache: any Cache) throws {
  try cache.set("session:1", "signed in", timeout: 300)
  for key in ["session:1", "session:1", "session:2"] { _ = try cache.get(key) }
}

/// "1 hit", "2 hits": a count with its noun.
private func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
  "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}

/// Hits and misses in words.
private func figures(hits: Int, misses: Int) -> String {
  counted(hits, "hit") + ", " + counted(misses, "miss", "misses")
}

/// The report's figures for messages.
private func figures(_ report: HitReport) -> String {
  figures(hits: report.hits, misses: report.misses) + ", hit rate \(describe(report.hitRate))"
}

/// Fails unless the report is the run's truth, explaining the likely mistake in caching terms; a
/// report with the figures of the check's own `mistake` fails first, with its why.
private func expectReport(
  _ report: HitReport, of run: Run, _ context: CheckContext, earlier: (hits: Int, misses: Int) = (0, 0),
  mistake: (hits: Int, misses: Int, why: String)? = nil, line: Int = #line
) throws {
  if let mistake, report.hits == mistake.hits && report.misses == mistake.misses {
    throw CheckFailure(
      expected: figures(hits: run.hits, misses: run.misses), got: figures(report), why: mistake.why)
  }
  try expect(
    run.calls == 1, expected: "the traffic run once", got: "it ran \(run.calls) times",
    "measureHits must call traffic exactly once, with the cache it measures: the report is about that run.",
    line: line)
  if let wrong = run.wrongRead {
    throw CheckFailure(
      expected: "every read to return what the cache holds", got: wrong,
      why: "The cache you passed to the traffic must behave exactly like the one you were given; "
        + "counting lookups must not change what they return.", line: line)
  }
  var why =
    run.lookups == 0
    ? "The run made no lookup, only writes."
    : "The run's \(counted(run.lookups, "lookup")) found a value \(counted(run.hits, "time")) and "
      + "nothing \(counted(run.misses, "time"))."
  if report.hits == 0 && report.misses == 0 && run.lookups > 0 {
    why +=
      context.backend.isServer
      ? " Read the server's counters before and after the run. If you do, check the names: INFO's "
        + "stats section has keyspace_hits and keyspace_misses, memcached's stats() get_hits and "
        + "get_misses; a name the server does not report reads as nil."
      : " The \(context.backend.rawValue) cache keeps no counters: hand the traffic a cache that "
        + "counts the lookups going through it."
  } else if report.hits >= run.hits && report.misses >= run.misses
    && report.hits + report.misses > run.lookups
  {
    let before =
      earlier.hits + earlier.misses > 0
      ? ", and here \(figures(hits: earlier.hits, misses: earlier.misses)) just before it" : ""
    why +=
      " Your report includes lookups made before the run."
      + (context.backend.isServer
        ? " The server's counters run from its start, so one reading is a total of every lookup "
          + "before the run too (any earlier check's\(before)): report the difference between a "
          + "reading before the run and one after it."
        : " Counters kept from one measurement to the next (a global, or a counting cache reused) "
          + "make every report a running total: count each run from 0.")
  }
  if run.nilHits > 0 && report.hits < run.hits && run.hits - report.hits <= run.nilHits
    && report.hits + report.misses == run.lookups
  {
    why +=
      " \(run.nilHits) of them read a stored nil, and you counted "
      + (run.hits - report.hits == 1 ? "it" : "them") + " as nothing. A stored nil is a value: "
      + "a server counts that lookup as a hit, because the key was found (Django's get returns "
      + "None for both, but a stored None is a hit); only a key with nothing under it is a miss. "
      + "Count by whether get(_ key: CacheKey) returned bytes, not by what they decode to."
  }
  if report.hits == run.hits && report.misses < run.misses && run.manyMisses > 0 {
    why +=
      " A key getMany did not find is a miss: getMany leaves missing keys out of its answer, so "
      + "count the keys asked for, not the keys returned (MGET and memcached's get k1 k2 count "
      + "each key)."
  }
  try expect(
    report.hits == run.hits && report.misses == run.misses,
    expected: figures(hits: run.hits, misses: run.misses), got: figures(report), why, line: line)
  let rate = run.lookups == 0 ? nil : Double(run.hits) / Double(run.lookups)
  let rateIsRight =
    switch (report.hitRate, rate) {
    case (nil, nil): true
    case (let reported?, let expected?): abs(reported - expected) < 1e-9
    default: false
    }
  try expect(
    rateIsRight, expected: "a hit rate of \(describe(rate))", got: describe(report.hitRate),
    run.lookups == 0
      ? "The run made no lookup, so it has no hit rate: report nil. 0 would say every lookup missed, "
        + "and 0 / 0 is NaN, which a dashboard shows as a broken graph."
      : "The hit rate is hits / (hits + misses) = \(run.hits) / \(run.lookups): the share of lookups "
        + "that found a value."
        + (report.hitRate.map { abs($0 - (1 - (rate ?? 0))) < 1e-9 } == true
          ? " Yours is the miss rate, misses / lookups." : ""),
    line: line)
}

/// Measures a new run of `traffic` (what the run does on the cache measureHits hands it) on the
/// check's cache, and fails unless the report is the run's truth.
private func expectMeasuredRun(
  _ context: CheckContext, mistake: (hits: Int, misses: Int, why: String)? = nil, line: Int = #line,
  _ traffic: (Run, any Cache) throws -> Void
) throws {
  let run = Run()
  let report = try run.measured(on: context.cache) { cache in try traffic(run, cache) }
  try expectReport(report, of: run, context, mistake: mistake, line: line)
}

/// The server's hit counter summed over its servers; nil on memory and file.
private func serverHits(_ cache: any Cache) throws -> Int? {
  let (readings, name) =
    if let redis = cache as? RedisCache {
      (try redis.info("stats"), "keyspace_hits")
    } else if let memcached = cache as? MemcachedCache {
      (try memcached.stats(), "get_hits")
    } else {
      ([[String: String]](), "")
    }
  return name.isEmpty ? nil : readings.reduce(0) { $0 + (Int($1[name] ?? "") ?? 0) }
}

let exerciseChecks: [Check] = [
  Check("the run's own lookups, not totals from before") { context in
    try earlierTraffic(context.cache)
    let run = Run()
    let hitsBefore = try serverHits(context.cache)
    let report = try run.measured(on: context.cache) { cache in
      for number in 1...6 { try run.set(cache, number) }
      for number in 1...8 { try run.get(cache, number) }
      try run.getMany(cache, [5, 9, 10])
    }
    if let hitsBefore, let hitsAfter = try serverHits(context.cache), hitsAfter < hitsBefore + run.hits {
      throw CheckFailure(
        expected: "the server's hit counter up by \(run.hits)",
        got: "\(hitsBefore) before, \(hitsAfter) after",
        why: "Your measurement reset the server's counters. Every other monitor reading them sees a "
          + "restart, and two measurements at once wipe each other's: take two readings instead.")
    }
    try expectReport(report, of: run, context, earlier: (2, 1))
  },

  Check("hit rate = hits / lookups; nil with no lookup") { context in
    let writes = Run()
    let quiet = try writes.measured(on: context.cache) { cache in
      for number in 1...3 { try writes.set(cache, number) }
      _ = try cache.delete("product:3")
    }
    try expectReport(quiet, of: writes, context)
    let reads = Run(after: writes)
    let report = try reads.measured(on: context.cache) { cache in
      for number in 11...13 { try reads.set(cache, number) }
      for number in 11...14 { try reads.get(cache, number) }
    }
    try expectReport(report, of: reads, context)
  },

  Check("getOrSet on a missing key: a miss, then a hit") { context in
    try expectMeasuredRun(
      context,
      mistake: (
        hits: 5, misses: 5,
        why: "You counted one lookup per getOrSet call. On a missing key getOrSet reads, adds and "
          + "reads again (as Django's get_or_set does, in case another process added the key in "
          + "between), and the servers count both reads: count at the cache's get, which every "
          + "read goes through.")
    ) { run, cache in
      for number in 1...5 { try run.getOrSet(cache, number) }
      for number in 1...5 { try run.getOrSet(cache, number) }
    }
  },

  Check("a stored nil is a hit, not a miss") { context in
    try expectMeasuredRun(context) { run, cache in
      for number in 1...2 { try run.set(cache, number) }
      try run.setNil(cache, 3)
      for number in [1, 2, 4] { try run.get(cache, number) }
      try run.getNil(cache, 3)
    }
  },

  Check(
    "other processes' lookups count too",
    backends: [.redis, .memcached]
  ) { context in
    let otherWorker = try context.cacheOfAnotherProcess()
    try expectMeasuredRun(
      context,
      mistake: (
        hits: 2, misses: 1,
        why: "Those are the lookups made through the cache you handed the traffic. Another worker "
          + "process of the site made 5 more on the same \(context.backend.rawValue) server in the "
          + "same run, through its own connection, where no counter of yours can see them. The "
          + "server counts every client's lookups: report its counters here.")
    ) { run, cache in
      for number in 1...3 { try run.set(cache, number) }
      for number in [1, 2, 4] { try run.get(cache, number) }
      for number in [1, 2, 3, 5, 6] { try run.get(otherWorker, number) }
    }
  },

  Check("a pool's servers added up", backends: [.memcached]) { context in
    let pool = try context.memcachedPoolOfTwo()
    let stats = { try (pool as? MemcachedCache)?.stats() ?? [] }
    let before = try stats()
    let run = Run()
    let report = try run.measured(on: pool) { cache in
      for number in 1...8 { try run.set(cache, number) }
      for number in 1...10 { try run.get(cache, number) }
      try run.getMany(cache, [3, 11, 12])
    }
    let after = try stats()
    let perServer = zip(before, after).map { earlier, later in
      (hits: (Int(later["get_hits"] ?? "") ?? 0) - (Int(earlier["get_hits"] ?? "") ?? 0),
       misses: (Int(later["get_misses"] ?? "") ?? 0) - (Int(earlier["get_misses"] ?? "") ?? 0))
    }
    if let one = perServer.first(where: { $0.hits == report.hits && $0.misses == report.misses }),
      one.hits != run.hits || one.misses != run.misses
    {
      let each = perServer.map { figures(hits: $0.hits, misses: $0.misses) }
      throw CheckFailure(
        expected: figures(hits: run.hits, misses: run.misses), got: figures(report),
        why: "Your figures are one server's. The cache is a pool of two memcached servers, and "
          + "each counts only the lookups of the keys placed on it (the client spreads keys by "
          + "hashing, as Django's pool does): here \(each.joined(separator: " and ")). stats() "
          + "returns one reading per server: add up every server's.")
    }
    try expectReport(report, of: run, context)
  },

  Check("two runs reported apart") { context in
    let first = Run()
    _ = try first.measured(on: context.cache) { cache in
      for number in 1...2 { try first.set(cache, number) }
      for number in 1...3 { try first.get(cache, number) }
    }
    let second = Run(after: first)
    let report = try second.measured(on: context.cache) { cache in
      for number in [2, 7, 8, 9] { try second.get(cache, number) }
    }
    try expectReport(
      report, of: second, context,
      mistake: (
        hits: 3, misses: 4,
        why: "The second report adds in the first run's 2 hits and 1 miss: counters kept from one "
          + "measurement to the next (a global, or a counting cache reused) make every report a "
          + "total since the first. Each report covers its own run."))
  },
]
