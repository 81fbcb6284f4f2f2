import CacheKit
import Foundation
import Testing

@testable import ExerciseKit

/// The memory caches a check keeps in front of its shared cache: one store per number, on the check's
/// clock, empty when first asked for.
@Suite struct LocalCacheTests {
  func context(checkIndex: Int = 0) throws -> (CheckContext, String) {
    let files = NSTemporaryDirectory() + "cachelings-local-\(UUID().uuidString)"
    let context = try CheckContext(
      backend: .file, checkIndex: checkIndex, servers: ServerSettings(clock: false), files: files,
      token: "local-test")
    return (context, files)
  }

  @Test func eachNumberIsAStoreOfItsOwnApartFromTheSharedCache() throws {
    let (context, files) = try context()
    defer {
      context.finish()
      try? FileManager.default.removeItem(atPath: files)
    }
    try context.localCache().set("user:2", "Grace")
    #expect(
      try context.localCache().get("user:2", as: String.self) == "Grace", "the same number, the same store")
    #expect(try context.localCache(1).get("user:2", as: String.self) == nil, "another number, another memory")
    #expect(try context.cache.get("user:2", as: String.self) == nil, "memory is not the shared cache")
  }

  @Test func itRunsOnTheChecksClockAndStartsEmpty() throws {
    let (first, files) = try context(checkIndex: 7)
    defer { try? FileManager.default.removeItem(atPath: files) }
    try first.localCache().set("user:2", "Grace", timeout: 5)
    try first.advance(seconds: 4)
    #expect(try first.localCache().get("user:2", as: String.self) == "Grace")
    try first.advance(seconds: 1)
    #expect(
      try first.localCache().get("user:2", as: String.self) == nil, "expired at 5 s of the check's time")
    try first.localCache().set("user:3", "Ada", timeout: .never)
    first.finish()
    let (second, _) = try context(checkIndex: 7)
    defer { second.finish() }
    #expect(
      try second.localCache().get("user:3", as: String.self) == nil, "a new check's memory starts empty")
  }
}
