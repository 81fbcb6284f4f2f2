import CacheKit
import Foundation
import Glibc
import Synchronization
import Testing

@testable import ExerciseKit

/// What the stampede and early-refresh checks rely on: queries dated by the check's clock, time
/// that runs while requests wait for real, and a start line for worker processes.
@Suite struct CheckTimingTests {
  /// A fresh folder for a check's files, removed by the caller.
  static func files() -> String {
    NSTemporaryDirectory() + "cachelings-timing-\(UUID().uuidString)"
  }

  /// A check's context on backend, its files in `files`.
  static func context(_ backend: Backend, files: String) throws -> CheckContext {
    try CheckContext(
      backend: backend, checkIndex: 0, servers: ServerSettings(clock: false), files: files,
      token: "timing-test")
  }

  @Test func theTimelineDatesEveryQueryByTheClockAndAResetClearsIt() throws {
    let clock = ManualClock(start: 1_000)
    let database = SlowDatabase(clock: clock)
    _ = database.topPosts()
    clock.advance(by: 2.5)
    _ = try database.user(id: 2)
    database.failNextQueries(1)
    clock.advance(by: 1)
    #expect(throws: SlowDatabase.Unavailable.self) { try database.user(id: 3) }
    #expect(
      database.timeline == [
        .init(query: "top posts", at: 1_000), .init(query: "user 2", at: 1_002.5),
        .init(query: "user 3", at: 1_003.5),
      ])
    database.resetCounters()
    #expect(database.timeline.isEmpty)
    #expect(SlowDatabase().timeline.isEmpty)
  }

  @Test func aDatabaseWithoutAClockDatesItsQueriesZero() {
    let database = SlowDatabase()
    _ = database.trendingHashtags()
    #expect(database.timeline == [.init(query: "trending hashtags", at: 0)])
  }

  @Test func timeRunsWhileTheBodyRunsAndStandsStillAfterIt() throws {
    let files = Self.files()
    defer { try? FileManager.default.removeItem(atPath: files) }
    let context = try Self.context(.memory, files: files)
    defer { context.finish() }
    let start = context.now
    let moved = context.letTimeRun {
      let deadline = ContinuousClock.now + .seconds(10)
      while context.now == start && ContinuousClock.now < deadline { usleep(1_000) }
      return context.now > start
    }
    #expect(moved, "the clock never moved while the body waited")
    let stopped = context.now
    usleep(20_000)
    #expect(context.now == stopped, "the clock went on after letTimeRun returned")
  }

  @Test func anExpiredValueIsGoneOnceEnoughTimeHasRun() throws {
    let files = Self.files()
    defer { try? FileManager.default.removeItem(atPath: files) }
    let context = try Self.context(.file, files: files)
    defer { context.finish() }
    try context.cache.set("lock", true, timeout: 0.05)
    let expired = try context.letTimeRun {
      let deadline = ContinuousClock.now + .seconds(10)
      while try context.cache.hasKey("lock") && ContinuousClock.now < deadline { usleep(1_000) }
      return try !context.cache.hasKey("lock")
    }
    #expect(expired)
  }

  @Test func workersLeaveTheStartLineTogether() throws {
    let files = Self.files()
    defer { try? FileManager.default.removeItem(atPath: files) }
    let workers = try (0..<3).map { index in
      try CheckContext(
        backend: .memory, checkIndex: 4, servers: ServerSettings(clock: false), files: files,
        token: "timing-test", workerIndex: index)
    }
    defer { workers.forEach { $0.finish() } }
    let arrivedBeforeTheLast = Atomic(0)
    let left = Atomic(0)
    let group = DispatchGroup()
    for worker in workers.dropLast() {
      group.enter()
      Thread.detachNewThread {
        try? worker.waitForWorkers(3, seconds: 30)
        left.add(1, ordering: .relaxed)
        group.leave()
      }
    }
    usleep(50_000)
    arrivedBeforeTheLast.store(left.load(ordering: .relaxed), ordering: .relaxed)
    try workers[2].waitForWorkers(3, seconds: 30)
    group.wait()
    #expect(arrivedBeforeTheLast.load(ordering: .relaxed) == 0, "a worker left before all arrived")
    #expect(left.load(ordering: .relaxed) == 2)
  }

  @Test func theCheckItselfDoesNotWaitAtTheStartLine() throws {
    let files = Self.files()
    defer { try? FileManager.default.removeItem(atPath: files) }
    let context = try Self.context(.memory, files: files)
    defer { context.finish() }
    try context.waitForWorkers(2, seconds: 30)
    #expect(!FileManager.default.fileExists(atPath: files + "/check0.start-line"))
  }
}
