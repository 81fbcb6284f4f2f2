import Foundation
import Glibc
import Primitives

/// Reads and writes the progress file. Writes are atomic (a temporary file, fsync, rename), so a crash
/// leaves the old file or the new one; a damaged file is moved aside, never overwritten. Changes made
/// through update hold an advisory lock (flock on progress.json.lock beside the file) from reading to
/// writing, so two commands recording at once both count.
public struct ProgressStore: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// The result of loading: the progress, and a message for the learner when something was set aside.
  public struct Loaded: Sendable {
    public var progress: CourseProgress
    public var notice: String?
  }

  /// Loads the progress; a missing file is a fresh start, a damaged one is renamed and reported.
  public func load(now: Date = Date()) -> Loaded {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Loaded(progress: CourseProgress())
    }
    let reason: String
    do {
      let progress = try JSONDecoder().decode(CourseProgress.self, from: data)
      if progress.schema <= CourseProgress.currentSchema { return Loaded(progress: progress) }
      reason = "it was written by a newer cachelings (schema \(progress.schema))"
    } catch {
      reason = "it is not valid progress JSON"
    }
    let aside = path + ".damaged-" + Self.stamp(now)
    let moved = rename(path, aside) == 0
    let notice =
      moved
      ? "Your progress file \(path) could not be read (\(reason)). It was moved to \(aside) and a fresh one started."
      : "Your progress file \(path) could not be read (\(reason)) nor moved aside; fix or remove it."
    return Loaded(progress: CourseProgress(), notice: notice)
  }

  /// Reads the progress, applies change and writes the result, all under the lock, so a change made at
  /// the same time by another command is kept rather than overwritten. Returns what was written, and
  /// the notice of load when a damaged file was set aside.
  public func update(
    now: Date = Date(), _ change: (inout CourseProgress) -> Void
  ) throws -> Loaded {
    try locked {
      var loaded = load(now: now)
      change(&loaded.progress)
      try writeFile(loaded.progress)
      return loaded
    }
  }

  /// Writes progress atomically, creating the folder if needed; waits for a running update first.
  public func save(_ progress: CourseProgress) throws {
    try locked { try writeFile(progress) }
  }

  /// The file beside the progress file whose lock guards every change.
  public var lockPath: String { path + ".lock" }

  /// Runs body holding an exclusive flock on lockPath.
  private func locked<T>(_ body: () throws -> T) throws -> T {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ProgressError(path: lockPath, errno: errno) }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw ProgressError(path: lockPath, errno: errno) }
    }
    return try body()
  }

  private func writeFile(_ progress: CourseProgress) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(progress)
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ProgressError(path: temporary, errno: errno) }
    let failed = data.withUnsafeBytes { buffer -> Int32? in
      WholeWrite.write(buffer, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
    }
    close(descriptor)
    if let failed {
      unlink(temporary)
      throw ProgressError(path: temporary, errno: failed)
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw ProgressError(path: path, errno: code)
    }
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directory >= 0 {
      fsync(directory)
      close(directory)
    }
  }

  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: date)
  }
}

/// Progress that could not be written, with the system's reason.
public struct ProgressError: Error, CustomStringConvertible {
  public var path: String
  public var errno: Int32

  public var description: String { "cannot write \(path): \(String(cString: strerror(errno)))" }
}
