import Synchronization

/// A cache in a directory with Django FileBasedCache's rules: one file per key, named by the MD5 of the
/// final key plus `.djcache`, holding the deadline and the value.
///
/// Writes go to a temporary file that is renamed into place, so a reader never sees half a value; a
/// damaged or truncated file reads as a miss and is removed; a write that adds a file first culls a
/// random `1/cullFrequency` of the files once there are `maxEntries`. Files without the suffix are left
/// alone.
/// Unlike Django's, `incr` keeps the entry's timeout, as the other three backends do.
public final class FileCache: Cache {
  static let suffix = ".djcache"

  public let options: CacheOptions
  /// The absolute path of the cache directory (Django's LOCATION).
  public let directory: String
  /// The file count at which a write first culls (Django's MAX_ENTRIES, 300 by default).
  public let maxEntries: Int
  /// A cull removes `count / cullFrequency` files; 0 removes all (Django's CULL_FREQUENCY, 3).
  public let cullFrequency: Int
  /// Serialises this instance's read-modify-write operations (`incr`, `touch`); as in Django, they are
  /// not atomic across processes or across instances on one directory.
  private let updates = Mutex(())
  private let cullSampler: CullSampler

  /// `cullSeed` makes the cull's random sample repeatable (for simulations and tests); without it each
  /// cull draws from the system's generator, as Django's `random.sample` does.
  public init(
    directory: String, maxEntries: Int = 300, cullFrequency: Int = 3, cullSeed: UInt64? = nil,
    options: CacheOptions = .init()
  ) {
    self.directory = PosixFiles.absolute(directory)
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
    self.cullSampler = CullSampler(seed: cullSeed)
    self.options = options
    try? PosixFiles.makeDirectory(self.directory)
  }

  /// The path of the file that holds `key`.
  public func path(for key: CacheKey) -> String {
    directory + "/" + MD5.hex(key.rawValue.utf8) + Self.suffix
  }

  /// How many cache files the directory holds.
  public var fileCount: Int { PosixFiles.count(in: directory, endingWith: Self.suffix) }

  public func add(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws -> Bool {
    let path = path(for: key)
    if readLive(path) != nil { return false }
    if timeout.expiresImmediately { return true }
    cull()
    let temporary = try PosixFiles.writeTemporary(record(value, timeout).encoded(), in: directory)
    if try PosixFiles.linkIfAbsent(path, to: temporary) {
      PosixFiles.remove(temporary)
      return true
    }
    if readLive(path) != nil {
      PosixFiles.remove(temporary)
      return false
    }
    try PosixFiles.install(temporary, at: path)
    return true
  }

  public func get(_ key: CacheKey) -> [UInt8]? {
    readLive(path(for: key))?.value
  }

  public func set(_ key: CacheKey, _ value: [UInt8], timeout: ResolvedTimeout) throws {
    let path = path(for: key)
    if timeout.expiresImmediately {
      PosixFiles.remove(path)
      return
    }
    try write(record(value, timeout), to: path)
  }

  public func touch(_ key: CacheKey, timeout: ResolvedTimeout) throws -> Bool {
    let path = path(for: key)
    return try updates.withLock { _ in
      guard var live = readLive(path) else { return false }
      if timeout.expiresImmediately {
        PosixFiles.remove(path)
        return true
      }
      live.deadline = timeout.deadline(on: options.clock) ?? .infinity
      try write(live, to: path)
      return true
    }
  }

  public func delete(_ key: CacheKey) -> Bool {
    let path = path(for: key)
    return readLive(path) != nil && PosixFiles.remove(path)
  }

  public func hasKey(_ key: CacheKey) -> Bool {
    readLive(path(for: key)) != nil
  }

  public func incr(_ key: CacheKey, by delta: Int) throws -> Int {
    let path = path(for: key)
    return try updates.withLock { _ in
      guard var live = readLive(path) else { throw CacheError.keyNotFound(key.rawValue) }
      let sum = try DecimalInteger.increment(live.value, by: delta, key: key)
      live.value = DecimalInteger.format(sum)
      try write(live, to: path)
      return sum
    }
  }

  public func clear() {
    for name in PosixFiles.names(in: directory, endingWith: Self.suffix) {
      PosixFiles.remove(directory + "/" + name)
    }
  }

  /// The record at `path` when it is whole and live; a damaged or expired file is removed.
  private func readLive(_ path: String) -> CacheFileRecord? {
    guard let bytes = PosixFiles.readAll(path) else { return nil }
    guard let record = CacheFileRecord(decoding: bytes), record.deadline > options.clock.now() else {
      PosixFiles.remove(path)
      return nil
    }
    return record
  }

  private func record(_ value: [UInt8], _ timeout: ResolvedTimeout) -> CacheFileRecord {
    CacheFileRecord(deadline: timeout.deadline(on: options.clock) ?? .infinity, value: value)
  }

  /// Writes `record` to `path` atomically, culling first when the write adds a file.
  private func write(_ record: CacheFileRecord, to path: String) throws {
    let temporary = try PosixFiles.writeTemporary(record.encoded(), in: directory)
    try PosixFiles.install(temporary, at: path, beforeCreating: cull)
  }

  /// Django's `_cull`: once there are `maxEntries` files, remove a random sample of a `1/cullFrequency`
  /// share of them (all of them when the frequency is 0). It runs before a write that adds a file; a
  /// write that replaces one cannot raise the count, so it skips the directory listing.
  private func cull() {
    guard PosixFiles.count(in: directory, endingWith: Self.suffix) >= maxEntries else { return }
    let names = PosixFiles.names(in: directory, endingWith: Self.suffix)
    let doomed =
      cullFrequency == 0 ? names[...] : cullSampler.sample(names, count: names.count / cullFrequency)
    for name in doomed { PosixFiles.remove(directory + "/" + name) }
  }
}
