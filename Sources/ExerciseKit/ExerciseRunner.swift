import CacheKit
import Foundation
import Glibc
import Primitives

/// The entry point of a graded program: runs every check on every backend the grader asked for and
/// reports each outcome on the grader's channel.
public enum ExerciseRunner {
  /// Runs checks and exits; called by the entry point the grader generates.
  /// The checks are an autoclosure, built only after the token is taken: no code the checks' list might
  /// reach runs before it.
  public static func main(_ makeChecks: @autoclosure () -> [Check]) -> Never {
    let environment = ProcessInfo.processInfo.environment
    // The learner's code runs after this; without the token it cannot write a record that counts.
    guard let token = RunSecret.take(), fcntl(GradeEnvironment.channel, F_GETFD) >= 0 else {
      print("This program is built and run by `cachelings check`, which reads its results.")
      exit(2)
    }
    let checks = makeChecks()
    let channel = ResultChannel(token: token)
    let servers = ServerSettings(
      redis: environment[GradeEnvironment.redis].flatMap { RedisLocation(url: $0) },
      memcached: environment[GradeEnvironment.memcached].flatMap { try? MemcachedLocation(parsing: $0) },
      secondMemcached: environment[GradeEnvironment.secondMemcached].flatMap {
        try? MemcachedLocation(parsing: $0).servers.first
      },
      clock: environment[GradeEnvironment.serverClock] == "1")
    let files = environment[GradeEnvironment.files] ?? NSTemporaryDirectory() + "cachelings-grade-\(getpid())"
    if let worker = environment[GradeEnvironment.worker] {
      runWorker(worker, checks: checks, servers: servers, files: files, channel: channel)
    }
    let backends = (environment[GradeEnvironment.backends] ?? "memory,file")
      .split(separator: ",").compactMap { Backend(rawValue: String($0)) }

    // Every check on every backend it runs on, announced first so the grader knows what never started.
    let plan = checks.enumerated().flatMap { index, check in
      backends.filter { check.backends?.contains($0) ?? true }.map { (index, check, $0) }
    }
    for (index, check, backend) in plan {
      channel.send(
        GradeRecord(token: token, event: .planned, check: check.name, backend: backend, order: index))
    }
    for (index, check, backend) in plan {
      channel.send(GradeRecord(token: token, event: .started, check: check.name, backend: backend))
      let started = DispatchTime.now().uptimeNanoseconds
      var record = outcome(check: check.name, backend: backend, token: token) {
        let context = try CheckContext(
          backend: backend, checkIndex: index, servers: servers, files: files, token: token)
        defer { context.finish() }
        try check.body(context)
        return nil
      }
      record.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
      channel.send(record)
    }
    channel.send(GradeRecord(token: token, event: .done))
    exit(0)
  }

  /// Worker mode: runs one check's worker and sends its result.
  private static func runWorker(
    _ description: String, checks: [Check], servers: ServerSettings, files: String, channel: ResultChannel
  ) -> Never {
    let parts = description.split(separator: " ")
    guard parts.count == 4, let checkIndex = Int(parts[0]), checks.indices.contains(checkIndex),
      let backend = Backend(rawValue: String(parts[1])), let workerIndex = Int(parts[2]),
      let clockStart = Double(parts[3]), let worker = checks[checkIndex].worker
    else {
      channel.send(
        GradeRecord(
          token: channel.token, event: .failed,
          details: CheckDetails(message: "a worker was started for a check without one")))
      exit(2)
    }
    let record = outcome(check: checks[checkIndex].name, backend: backend, token: channel.token) {
      let context = try CheckContext(
        backend: backend, checkIndex: checkIndex, servers: servers, files: files, token: channel.token,
        workerIndex: workerIndex,
        clockStart: clockStart)
      defer { context.finish() }
      return try worker(context)
    }
    channel.send(record)
    exit(0)
  }

  /// Runs body and turns what it did into a record: passed, or a worker's result, failed or skipped.
  private static func outcome(
    check: String, backend: Backend, token: String, _ body: () throws -> String?
  ) -> GradeRecord {
    var record = GradeRecord(token: token, event: .passed, check: check, backend: backend)
    do {
      if let result = try body() {
        record.event = .worker
        record.details = CheckDetails(message: result)
      }
    } catch let failure as CheckFailure {
      record.event = .failed
      record.details = CheckDetails(
        message: failure.message, expected: failure.expected, got: failure.got, why: failure.why,
        line: failure.line)
    } catch let skipped as CheckSkipped {
      record.event = .skipped
      record.details = CheckDetails(message: skipped.reason)
    } catch {
      record.event = .failed
      record.details = CheckDetails(
        message: "your code threw an error: \(error)", expected: "no error", got: "the error \(error)",
        why: "A cache should not turn a working request into an error; check what threw.")
    }
    return record
  }
}

/// Writes records as JSON lines to the grader's channel, a descriptor the learner's prints do not reach.
/// Before each record it makes sure descriptor 3 is still the channel it was given: when the learner's
/// code has closed or replaced it, the program says so and exits with lostChannelStatus.
struct ResultChannel {
  let token: String
  private let identity: (device: UInt, inode: UInt)?

  init(token: String) {
    self.token = token
    identity = Self.identity()
  }

  func send(_ record: GradeRecord) {
    guard let identity, let now = Self.identity(), now == identity else {
      let message = "the result channel (descriptor 3) was closed or replaced, so no result can be sent\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      _exit(GradeEnvironment.lostChannelStatus)
    }
    guard var line = try? JSONEncoder().encode(record) else { return }
    line.append(UInt8(ascii: "\n"))
    _ = line.withUnsafeBytes { WholeWrite.write($0, to: GradeEnvironment.channel) }
  }

  /// The device and inode descriptor 3 refers to; nil when it is closed.
  private static func identity() -> (device: UInt, inode: UInt)? {
    var status = stat()
    guard fstat(GradeEnvironment.channel, &status) == 0 else { return nil }
    return (UInt(status.st_dev), UInt(status.st_ino))
  }
}
