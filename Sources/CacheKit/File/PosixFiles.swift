import Glibc
import Primitives

/// The few file operations the file backend needs, straight on the system calls: one open, one read,
/// one close per lookup, and writes that a reader never sees half done.
enum PosixFiles {
  /// The whole content of `path`, or nil when it cannot be read (missing, a directory, not a regular
  /// file, unreadable). A cache file fits the first read, so a lookup costs an open, a read and a close;
  /// only a first read that comes back empty or full asks fstat whether this is a regular file (a
  /// device could be endless), and a non-blocking open keeps a FIFO from waiting for a writer.
  static func readAll(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard var content = read(descriptor, upTo: firstRead) else { return nil }
    // A short read of a regular file is its end.
    if !content.isEmpty && content.count < firstRead { return content }
    guard isRegularFile(descriptor) else { return nil }
    if content.isEmpty { return content }
    while true {
      guard let more = read(descriptor, upTo: laterReads) else { return nil }
      content.append(contentsOf: more)
      if more.count < laterReads { return content }
    }
  }

  /// Bytes asked of a lookup's first read: more than most cache files hold.
  private static let firstRead = 16 * 1024
  /// Bytes asked of each read after a first one that came back full.
  private static let laterReads = 64 * 1024

  /// Up to `count` bytes from one read (again after EINTR); nil when the read fails.
  private static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      while true {
        let got = Glibc.read(descriptor, buffer.baseAddress, count)
        if got < 0 && errno == EINTR { continue }
        failed = got < 0
        initialized = max(got, 0)
        return
      }
    }
    return failed ? nil : bytes
  }

  private static func isRegularFile(_ descriptor: Int32) -> Bool {
    var info = stat()
    return fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Writes `bytes` to a new temporary file in `directory` and returns its path; the caller renames or
  /// links it into place. Creates the directory (mode 0700) when it is missing.
  static func writeTemporary(_ bytes: [UInt8], in directory: String) throws -> String {
    var attempt = 0
    while true {
      let path = directory + "/.tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor < 0 {
        let failure = errno
        attempt += 1
        if failure == ENOENT && attempt < 3 {
          try makeDirectory(directory)
          continue
        }
        if failure == EEXIST && attempt < 10 { continue }
        throw CacheError.backendFailure("cannot write in \(directory): \(describe(failure))")
      }
      defer { close(descriptor) }
      if let failure = bytes.withUnsafeBytes({ WholeWrite.write($0, to: descriptor) }) {
        unlink(path)
        throw CacheError.backendFailure("cannot write \(path): \(describe(failure))")
      }
      return path
    }
  }

  /// Moves `source` to `destination` in one step: a reader sees the old file or the new one, never half.
  /// `beforeCreating` runs first when `destination` does not exist yet, that is, when a file is added.
  ///
  /// Where it can, this swaps the two names (renameat2 with RENAME_EXCHANGE) and then removes the old
  /// file: ext4 flushes a file's data to disk when a plain rename replaces another, which makes every
  /// write wait for the disk, and a cache does not need that.
  static func install(_ source: String, at destination: String, beforeCreating: () -> Void = {}) throws {
    if let exchange = exchangeFunction {
      if exchange(AT_FDCWD, source, AT_FDCWD, destination, renameExchange) == 0 {
        unlink(source)
        return
      }
      if errno == ENOENT {
        beforeCreating()
        return try move(source, to: destination)
      }
    }
    if access(destination, F_OK) != 0 { beforeCreating() }
    try move(source, to: destination)
  }

  private static func move(_ source: String, to destination: String) throws {
    guard rename(source, destination) == 0 else {
      let failure = errno
      unlink(source)
      throw CacheError.backendFailure("cannot rename into \(destination): \(describe(failure))")
    }
  }

  /// renameat2's flag to swap two names (linux/fs.h).
  private static let renameExchange: UInt32 = 1 << 1

  private typealias RenameAt2 =
    @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32

  /// glibc's renameat2, which Swift's Glibc module does not export; nil where the C library lacks it.
  private static let exchangeFunction: RenameAt2? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()

  /// Links `source` to `destination` only if `destination` does not exist: false when it does.
  static func linkIfAbsent(_ destination: String, to source: String) throws -> Bool {
    if link(source, destination) == 0 { return true }
    let failure = errno
    if failure == EEXIST { return false }
    throw CacheError.backendFailure("cannot create \(destination): \(describe(failure))")
  }

  /// Removes `path`; true when it was there.
  @discardableResult
  static func remove(_ path: String) -> Bool { unlink(path) == 0 }

  /// The names in `directory` that end with `suffix` (none when the directory is missing).
  static func names(in directory: String, endingWith suffix: String) -> [String] {
    var names: [String] = []
    forEachName(in: directory, endingWith: suffix) { names.append(String(decoding: $0, as: UTF8.self)) }
    return names
  }

  /// How many names in `directory` end with `suffix`, without building a string for each.
  static func count(in directory: String, endingWith suffix: String) -> Int {
    var count = 0
    forEachName(in: directory, endingWith: suffix) { _ in count += 1 }
    return count
  }

  private static func forEachName(
    in directory: String, endingWith suffix: String, _ body: (UnsafeRawBufferPointer) -> Void
  ) {
    guard let stream = opendir(directory) else { return }
    defer { closedir(stream) }
    let tail = Array(suffix.utf8)
    while let entry = readdir(stream) {
      withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        let length = strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        guard length >= tail.count,
          memcmp(raw.baseAddress! + (length - tail.count), tail, tail.count) == 0
        else { return }
        body(UnsafeRawBufferPointer(rebasing: raw[..<length]))
      }
    }
  }

  /// Creates `path` and its missing parents with mode 0700.
  static func makeDirectory(_ path: String) throws {
    var prefix = ""
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += "/" + component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
        throw CacheError.backendFailure("cannot create directory \(prefix): \(describe(errno))")
      }
    }
  }

  /// `path` made absolute against the current directory, as Django's `os.path.abspath`.
  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let cwd = getcwd(nil, 0) else { return path }
    defer { free(cwd) }
    let base = String(cString: cwd)
    return path.isEmpty || path == "." ? base : base + "/" + path
  }

  static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
