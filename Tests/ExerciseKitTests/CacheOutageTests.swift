import CacheKit
import Foundation
import Glibc
import Primitives
import Testing

@testable import ExerciseKit

/// The relay a check's Redis or memcached cache goes through, and the cache that fails in front of
/// memory and file, which let a check take its cache server down and bring it back.
@Suite struct CacheOutageTests {
  /// A loopback server that echoes every byte back, on a port of its own.
  final class EchoServer: Sendable {
    let port: UInt16
    private let listener: Int32

    init() throws {
      let bound = try #require(LoopbackPort.bound())
      let descriptor = bound.descriptor
      try #require(listen(descriptor, 8) == 0)
      listener = descriptor
      port = bound.port
      Thread.detachNewThread {
        while true {
          let client = accept(descriptor, nil, nil)
          guard client >= 0 else { return }
          Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 1024)
            while true {
              let count = recv(client, &buffer, buffer.count, 0)
              guard count > 0, send(client, buffer, count, Int32(MSG_NOSIGNAL)) == count else { break }
            }
            close(client)
          }
        }
      }
    }

    deinit {
      shutdown(listener, Int32(SHUT_RDWR))
      close(listener)
    }
  }

  /// A connected socket to a loopback port, or the errno that refused it.
  private static func connect(to port: UInt16) -> Result<Int32, POSIXError> {
    guard let descriptor = LoopbackPort.connect(port, timeoutSeconds: 2) else {
      return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
    }
    return .success(descriptor)
  }

  /// Sends text and reads what comes back; nil when the connection ended.
  private static func exchange(_ text: String, on descriptor: Int32) -> String? {
    let bytes = Array(text.utf8)
    guard send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { return nil }
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = recv(descriptor, &buffer, buffer.count, 0)
    return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
  }

  @Test func theRelayPassesBytesBothWays() throws {
    let server = try EchoServer()
    let relay = try CacheServerRelay(toHost: "127.0.0.1", port: server.port)
    defer { relay.takeDown() }
    #expect(relay.port != server.port)
    let client = try Self.connect(to: relay.port).get()
    defer { close(client) }
    #expect(Self.exchange("PING\r\n", on: client) == "PING\r\n")
    #expect(Self.exchange("get views:post:7\r\n", on: client) == "get views:post:7\r\n")
  }

  @Test func takingItDownCutsOpenConnectionsAndRefusesNewOnes() throws {
    let server = try EchoServer()
    let relay = try CacheServerRelay(toHost: "127.0.0.1", port: server.port)
    defer { relay.takeDown() }
    let client = try Self.connect(to: relay.port).get()
    defer { close(client) }
    #expect(Self.exchange("one\r\n", on: client) == "one\r\n")
    relay.takeDown()
    #expect(!relay.isUp)
    #expect(Self.exchange("two\r\n", on: client) == nil)
    guard case .failure(let error) = Self.connect(to: relay.port) else {
      Issue.record("a connection to a relay that is down was accepted")
      return
    }
    #expect(error.code == .ECONNREFUSED)
  }

  @Test func bringingItBackListensOnTheSamePortAgain() throws {
    let server = try EchoServer()
    let relay = try CacheServerRelay(toHost: "127.0.0.1", port: server.port)
    defer { relay.takeDown() }
    relay.takeDown()
    try relay.bringBack()
    #expect(relay.isUp)
    let client = try Self.connect(to: relay.port).get()
    defer { close(client) }
    #expect(Self.exchange("back\r\n", on: client) == "back\r\n")
  }

  @Test func aRelayToAServerThatIsNotThereClosesTheClient() throws {
    // A port held by a socket that is bound but never listens: connections to it are refused.
    let (holder, port) = try #require(LoopbackPort.bound())
    defer { close(holder) }
    let relay = try CacheServerRelay(toHost: "127.0.0.1", port: port)
    defer { relay.takeDown() }
    let client = try Self.connect(to: relay.port).get()
    defer { close(client) }
    #expect(Self.exchange("PING\r\n", on: client) == nil)
  }

  /// A fresh memory cache behind the switch of an outage, and that switch.
  private static func cacheBehindAnOutage(failsWhileDown: Bool) -> (OutageCache, CacheOutage) {
    let outage = CacheOutage()
    let store = MemoryCache(name: "outage-test-\(UUID())", options: CacheOptions(warnings: .silent))
    return (OutageCache(store, outage: outage, failsWhileDown: failsWhileDown), outage)
  }

  @Test func theFailingCacheThrowsWhileDownAndKeepsItsData() throws {
    let (cache, outage) = Self.cacheBehindAnOutage(failsWhileDown: true)
    try cache.set("user:2", "Grace")
    outage.takeDown()
    #expect(outage.isDown)
    #expect(throws: CacheError.self) { try cache.get("user:2", as: String.self) }
    #expect(throws: CacheError.self) { try cache.set("user:3", "Linus") }
    #expect(outage.failures == 2)
    try outage.bringBack()
    #expect(try cache.get("user:2", as: String.self) == "Grace")
    #expect(try cache.get("user:3", as: String.self) == nil)
    #expect(outage.calls == 5)
    #expect(outage.failures == 2)
  }

  @Test func aMissingKeyIsAnAnswerNotAFailure() throws {
    let (cache, outage) = Self.cacheBehindAnOutage(failsWhileDown: true)
    #expect(throws: CacheError.keyNotFound(":1:views:post:7")) { try cache.incr("views:post:7") }
    #expect(outage.calls == 1)
    #expect(outage.failures == 0)
  }

  @Test func aServerCacheIsNotFailedByTheWrapperItself() throws {
    let (cache, outage) = Self.cacheBehindAnOutage(failsWhileDown: false)
    outage.takeDown()
    try cache.set("user:2", "Grace")
    #expect(try cache.get("user:2", as: String.self) == "Grace")
    #expect(outage.failures == 0)
  }

  @Test(arguments: [Backend.memory, .file])
  func aCheckTakesItsCacheDownAndBringsItBack(backend: Backend) throws {
    try withCheckContext(backend, token: "outage-test") { context in
      let cache = try context.cacheThatCanGoDown()
      try context.cache.set("user:2", "Grace")
      #expect(try cache.get("user:2", as: String.self) == "Grace")
      context.takeCacheServerDown()
      #expect(context.cacheServerIsDown)
      #expect(throws: CacheError.self) { try cache.get("user:2", as: String.self) }
      #expect(try context.cache.get("user:2", as: String.self) == "Grace")
      try context.bringCacheServerBack()
      #expect(try cache.get("user:2", as: String.self) == "Grace")
      #expect(context.cacheCalls == 3)
      #expect(context.failedCacheCalls == 1)
    }
  }

  @Test(arguments: [Backend.memory, .file])
  func theCountedCacheIsTheChecksCacheWithItsCallsCounted(backend: Backend) throws {
    try withCheckContext(backend, token: "counted-test") { context in
      let cache = context.countedCache()
      try cache.set("user:2", "Grace")
      #expect(
        try context.cache.get("user:2", as: String.self) == "Grace", "the same data as the check's cache")
      #expect(context.cacheCalls == 1, "calls of the check's own cache are not counted")
      context.takeCacheServerDown()
      #expect(try cache.get("user:2", as: String.self) == "Grace", "it never goes down")
      #expect(context.cacheCalls == 2)
      #expect(context.failedCacheCalls == 0)
    }
  }
}
