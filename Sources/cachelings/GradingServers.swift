import CacheKit
import CacheServer
import Course
import Foundation
import GradeProtocol
import Grader

/// The Redis-protocol and Memcached-protocol servers a grading run uses: ours, started in this process on
/// free loopback ports with their test clocks on, unless the learner named real servers.
final class GradingServers: @unchecked Sendable {
  private(set) var redis: String?
  private(set) var memcached: String?
  /// A second memcached server of ours, for checks that grade a pool of two; nil with a real server.
  private(set) var secondMemcached: String?
  /// Whether every server in use accepts the test clock command; real servers do not.
  private(set) var clock = true
  private var stoppers: [EventLoopStopper] = []
  private var ownsRedis = false
  private var ownsMemcached = false
  /// Whether a grade may have used the servers since they started.
  private var used = true

  /// Starts what backends need; redisURL and memcachedAddress point at real servers instead.
  init(for backends: [Backend], redisURL: String?, memcachedAddress: String?) throws {
    if backends.contains(.redis) {
      if let redisURL {
        guard RedisLocation(url: redisURL) != nil else {
          throw GradingSetupError("--redis takes a URL like redis://127.0.0.1:6379/0, not '\(redisURL)'")
        }
        redis = redisURL
        clock = false
      } else {
        ownsRedis = true
      }
    }
    if backends.contains(.memcached) {
      if let memcachedAddress {
        do {
          _ = try MemcachedLocation(parsing: memcachedAddress)
        } catch {
          throw GradingSetupError("--memcached takes HOST:PORT, like 127.0.0.1:11211: \(error)")
        }
        memcached = memcachedAddress
        clock = false
      } else {
        ownsMemcached = true
      }
    }
    try renew()
    used = false
  }

  /// Replaces the course's own servers with new, empty ones, so that every grade starts from servers as
  /// fresh as the first: nothing a program stored or configured (CONFIG SET, other databases) carries over.
  /// Each holds at most what a graded program may: a solution cannot grow the course's process past it.
  func renew() throws {
    // The servers init started are as fresh as can be until a grade has used them.
    guard used else {
      used = true
      return
    }
    for stopper in stoppers { stopper.stop() }
    stoppers = []
    if ownsRedis {
      var options = RedisServer.Options()
      options.port = 0
      options.testClock = true
      options.maxMemory = Self.memoryLimit
      let server = try RedisServer(options)
      redis = "redis://127.0.0.1:\(server.port)/0"
      start(server.stopper) { server.run() }
    }
    if ownsMemcached {
      memcached = try startMemcached()
      secondMemcached = try startMemcached()
    }
  }

  /// Starts one of our memcached servers with its test clock on; returns its host:port.
  private func startMemcached() throws -> String {
    var options = MemcachedServer.Options()
    options.port = 0
    options.configuration.testClock = true
    options.configuration.memoryLimit = min(options.configuration.memoryLimit, Self.memoryLimit)
    let server = try MemcachedServer(options)
    start(server.stopper) { server.run() }
    return "127.0.0.1:\(server.port)"
  }

  /// The most a grading server holds: what a graded program may use.
  static let memoryLimit = RunLimits().memoryBytes

  deinit {
    for stopper in stoppers { stopper.stop() }
  }

  private func start(_ stopper: EventLoopStopper, _ run: @escaping () -> Void) {
    stoppers.append(stopper)
    let box = RunBox(run)
    Thread.detachNewThread { box.run() }
  }

  /// Carries a server's run loop to its thread, which owns the server from then on.
  private final class RunBox: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }
}

/// A problem with how grading was asked for, in words for the learner.
struct GradingSetupError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
