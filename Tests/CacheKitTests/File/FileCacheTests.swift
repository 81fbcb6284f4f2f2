import CacheKit
import Foundation
import Glibc
import Testing

@Suite("FileCache: files, damage, culling and atomic writes")
struct FileCacheTests {
  private func makeCache(
    _ directory: TemporaryDirectory, maxEntries: Int = 300, cullFrequency: Int = 3
  )
    -> FileCache
  {
    FileCache(
      directory: directory.path, maxEntries: maxEntries, cullFrequency: cullFrequency,
      options: CacheOptions(clock: ManualClock(), warnings: .silent))
  }

  /// A cache in directory holding maxEntries files, for the keys k0 to k(maxEntries - 1): the next new
  /// key culls.
  private func fullCache(
    _ directory: TemporaryDirectory, maxEntries: Int, cullFrequency: Int
  ) throws -> FileCache {
    let cache = makeCache(directory, maxEntries: maxEntries, cullFrequency: cullFrequency)
    for index in 0..<maxEntries { try cache.set("k\(index)", [1]) }
    return cache
  }

  private func names(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  private func writeFile(_ path: String, _ bytes: [UInt8]) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
  }

  /// Byte equality by memcmp: element-wise comparison of large arrays is slow in a debug build.
  private static func same(_ left: [UInt8]?, _ right: [UInt8]) -> Bool {
    guard let left, left.count == right.count else { return false }
    return left.withUnsafeBytes { l in
      right.withUnsafeBytes { r in l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 }
    }
  }

  private func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  @Test("the directory is created with mode 0700, parents included")
  func directoryMode() throws {
    let root = TemporaryDirectory()
    let cache = FileCache(directory: root.path + "/nested/cache")
    try cache.set("k", .text("v"))
    var info = stat()
    #expect(stat(root.path + "/nested/cache", &info) == 0)
    #expect(info.st_mode & 0o777 == 0o700)
  }

  @Test("a deleted directory is created again on the next write")
  func directoryRecreated() throws {
    let root = TemporaryDirectory()
    let cache = FileCache(directory: root.path + "/cache")
    TemporaryDirectory.removeTree(root.path + "/cache")
    try cache.set("k", .text("v"))
    #expect(try cache.get("k") == .text("v"))
  }

  @Test("one file per key, named by the MD5 of the final key, as Django names them")
  func fileNaming() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    try cache.set("k", .text("v"))
    #expect(names(in: directory.path) == ["86faa9ea774c6ce60e4513e14b3c0af9.djcache"])
    #expect(
      cache.path(for: try cache.makeKey("k")) == directory.path + "/86faa9ea774c6ce60e4513e14b3c0af9.djcache")
  }

  @Test("a truncated file reads as a miss and is removed")
  func truncatedFile() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    try cache.set("k", Array(repeating: 7, count: 1_000))
    let path = cache.path(for: try cache.makeKey("k"))
    #expect(truncate(path, 500) == 0)
    #expect(try cache.get("k") == nil)
    #expect(!fileExists(path))
  }

  @Test("a file of garbage reads as a miss, is removed, and incr reports the key missing")
  func garbageFile() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    let key = try cache.makeKey("k")
    writeFile(cache.path(for: key), Array("not a cache file at all".utf8))
    #expect(try cache.hasKey("k") == false)
    #expect(!fileExists(cache.path(for: key)))
    writeFile(cache.path(for: key), [])
    #expect(throws: CacheError.keyNotFound(":1:k")) { try cache.incr("k") }
    #expect(try cache.add("k", .text("fresh")))
    #expect(try cache.get("k") == .text("fresh"))
  }

  @Test("a foreign file in the directory is never read, counted, culled or cleared")
  func foreignFile() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory, maxEntries: 4, cullFrequency: 0)
    let foreign = directory.path + "/README.txt"
    writeFile(foreign, Array("keep me".utf8))
    for index in 0..<3 { try cache.set("k\(index)", [1]) }
    #expect(cache.fileCount == 3)
    try cache.set("k3", [1])
    #expect(cache.fileCount == 4)
    cache.clear()
    #expect(cache.fileCount == 0)
    #expect(names(in: directory.path) == ["README.txt"])
  }

  /// At maxEntries a new key's write first removes count / cullFrequency files, or every file when
  /// cullFrequency is 0; then writes its own.
  @Test(arguments: [(maxEntries: 9, cullFrequency: 3, left: 7), (maxEntries: 5, cullFrequency: 0, left: 1)])
  func cullCount(maxEntries: Int, cullFrequency: Int, left: Int) throws {
    let directory = TemporaryDirectory()
    let cache = try fullCache(directory, maxEntries: maxEntries, cullFrequency: cullFrequency)
    #expect(cache.fileCount == maxEntries)
    try cache.set("new", [1])
    #expect(cache.fileCount == left)
    #expect(try cache.get("new") == [1])
  }

  @Test("replacing a file in a full directory keeps every file; the next added file culls")
  func cullOnlyWhenAdding() throws {
    let directory = TemporaryDirectory()
    let cache = try fullCache(directory, maxEntries: 6, cullFrequency: 3)
    try cache.set("k0", [2])
    #expect(cache.fileCount == 6)
    #expect(try cache.get("k0") == [2])
    try cache.add("new", [1])
    #expect(cache.fileCount == 5)
    #expect(try cache.get("new") == [1])
  }

  @Test("the culled files are a random sample, not always the same ones")
  func cullIsRandom() throws {
    var survivorSets: Set<Set<String>> = []
    for _ in 0..<6 {
      let directory = TemporaryDirectory()
      let cache = try fullCache(directory, maxEntries: 12, cullFrequency: 2)
      try cache.set("extra", [1])
      survivorSets.insert(Set(try cache.getMany((0..<12).map { "k\($0)" }).keys))
    }
    #expect(survivorSets.count > 1)
  }

  @Test("with a cull seed, the same writes cull the same files")
  func seededCullRepeats() throws {
    func survivors(seed: UInt64) throws -> Set<String> {
      let directory = TemporaryDirectory()
      let cache = FileCache(
        directory: directory.path, maxEntries: 12, cullFrequency: 2, cullSeed: seed,
        options: CacheOptions(clock: ManualClock(), warnings: .silent))
      for index in 0..<12 { try cache.set("k\(index)", [1]) }
      try cache.set("extra", [1])
      try cache.set("extra2", [1])
      return Set(try cache.getMany((0..<12).map { "k\($0)" }).keys)
    }
    let first = try survivors(seed: 7)
    #expect(first.count == 6)
    #expect(try survivors(seed: 7) == first)
    #expect(try (1...5).map { try survivors(seed: $0) }.contains { $0 != first })
  }

  @Test("two caches on one directory share entries, as two processes would")
  func sharedDirectory() throws {
    let directory = TemporaryDirectory()
    let first = makeCache(directory)
    let second = makeCache(directory)
    try first.set("k", .text("v"))
    #expect(try second.get("k") == .text("v"))
    #expect(try second.add("k", .text("other")) == false)
  }

  @Test("writes leave no temporary files behind")
  func noTemporaryFiles() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    for index in 0..<50 {
      try cache.set("k\(index % 5)", [UInt8(index)])
      try cache.add("a\(index % 7)", [1])
      try cache.touch("k\(index % 5)", timeout: 60)
    }
    #expect(names(in: directory.path).filter { !$0.hasSuffix(".djcache") }.isEmpty)
    #expect(cache.fileCount == 12)
  }

  @Test("a reader never sees half a value while a writer replaces it")
  func atomicWrites() async throws {
    let directory = TemporaryDirectory()
    let path = directory.path
    let first = [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
    let second = [UInt8](repeating: UInt8(ascii: "b"), count: 256 * 1024)
    try FileCache(directory: path).set("k", first)
    let torn = try await withThrowingTaskGroup(of: Int.self) { group in
      group.addTask {
        let writer = FileCache(directory: path)
        for round in 0..<200 { try writer.set("k", round.isMultiple(of: 2) ? second : first) }
        return 0
      }
      group.addTask {
        let reader = FileCache(directory: path)
        var torn = 0
        for _ in 0..<400 {
          let value = try reader.get("k")
          if !(Self.same(value, first) || Self.same(value, second)) { torn += 1 }
        }
        return torn
      }
      return try await group.reduce(0, +)
    }
    #expect(torn == 0)
  }

  @Test("a relative directory is made absolute")
  func relativeDirectory() {
    let cache = FileCache(directory: "relative-cache-dir-test")
    #expect(cache.directory.hasPrefix("/"))
    #expect(cache.directory.hasSuffix("/relative-cache-dir-test"))
    rmdir(cache.directory)
  }
}
