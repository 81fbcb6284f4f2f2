import CacheKit
import Glibc
import Testing

/// How FileCache reads a file: whole at every size around its reads' boundaries, and never stuck on
/// something in a cache file's place that is not a regular file.
@Suite("FileCache: reading a cache file")
struct FileCacheReadTests {
  private func makeCache(_ directory: TemporaryDirectory) -> FileCache {
    FileCache(directory: directory.path, options: CacheOptions(clock: ManualClock(), warnings: .silent))
  }

  /// The file holds a 21-byte header and the value, so these sizes put the file's end just before, on
  /// and after the first read's 16 KiB and a later read's 64 KiB.
  @Test(arguments: [0, 1, 16_363, 16_364, 16_365, 81_899, 81_900, 81_901, 300_000])
  func aValueOfAnySizeReadsWhole(size: Int) throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    let value = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try cache.set("k", value)
    let read = try cache.get("k")
    #expect(read?.count == size)
    #expect(read == value)
  }

  @Test("a FIFO in a cache file's place reads as a miss at once, without waiting for a writer")
  func fifoIsAMiss() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    let path = cache.path(for: try cache.makeKey("k"))
    try cache.set("other", [1])
    #expect(mkfifo(path, 0o600) == 0)
    #expect(try cache.get("k") == nil)
  }

  @Test("an empty file reads as a miss and is removed, as damage is")
  func emptyFileIsDamage() throws {
    let directory = TemporaryDirectory()
    let cache = makeCache(directory)
    try cache.set("k", [1, 2, 3])
    let path = cache.path(for: try cache.makeKey("k"))
    #expect(truncate(path, 0) == 0)
    #expect(try cache.get("k") == nil)
    #expect(access(path, F_OK) != 0)
  }
}
