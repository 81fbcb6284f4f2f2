import CacheKit
import Foundation
import TestSupport
import Testing

/// The same requests through Django 5.2's cache_page (in Python, Tests/Peers/django_web_peer.py) and
/// through CacheKit's PageCache, both with RedisCache on one of our Redis servers: Django in database 1,
/// CacheKit in database 2. After every step the two must have run their views alike, answered alike,
/// and hold the same keys with the same TTLs and values (each read back by Django); and each side must
/// serve what the other stored.
@Suite("Page cache against Django 5.2", .serialized)
struct WebPageCacheDifferentialTests {
  static let sequences = 120
  static let stepsPerSequence = 12

  @Test("seeded request sequences: same views run, same responses, same keys, each serves the other's pages")
  func sequencesMatchDjango() throws {
    let redis = try RunningServer(.forTests())
    guard let django = try DjangoWebPeer.start(redisPort: redis.port) else { return }
    var generator = WebSequenceGenerator(random: SplitMix64(seed: 21))
    var requests = 0
    var stores = 0
    var hits = 0
    var crossServed = 0
    for sequence in 0..<Self.sequences {
      let config = generator.config()
      _ = try django.send(PeerCommand(op: "flush"))
      let caches = [1, 2].map { db in
        RedisCache(
          location: RedisLocation(port: redis.port, database: db),
          options: CacheOptions(
            keyPrefix: config.sitePrefix ? "site" : "", version: config.sitePrefix ? 2 : 1, warnings: .silent)
        )
      }
      let pages = caches.map {
        PageCache(
          cache: $0, pageTimeout: config.pageTimeout, defaultSeconds: config.defaultSeconds, keys: config.keys
        )
      }
      let bases = (0..<3).map { _ in generator.request() }
      for step in 0..<Self.stepsPerSequence {
        let place = "sequence \(sequence) step \(step) (config \(config))"
        if generator.chance(12) {
          redis.advance(by: Double(generator.pick([1, 25, 50, 130, 700])))
          continue
        }
        let requestSpec = generator.request(like: bases)
        let viewSpec = generator.view(step: step)
        requests += 1

        let theirs = try django.send(
          PeerCommand(op: "request", db: 1, config: config, request: requestSpec, view: viewSpec))
        let calls = ViewCalls()
        let mine = PeerResponse(
          try pages[1].respond(to: requestSpec.request, with: viewSpec.view(ran: calls)))
        let ranMine = calls.take()
        guard let theirResponse = theirs.response, theirs.ranView == ranMine, theirResponse.matches(mine)
        else {
          Issue.record(
            "\(place): \(requestSpec) with \(viewSpec)\nDjango ran view \(theirs.ranView ?? false): \(theirs.response.map(String.init(describing:)) ?? "nil")\nCacheKit ran view \(ranMine): \(mine)"
          )
          break
        }
        if !ranMine { hits += 1 }

        let djangoKeys = try django.send(PeerCommand(op: "state", db: 1)).state ?? [:]
        let cacheKitKeys = try django.send(PeerCommand(op: "state", db: 2)).state ?? [:]
        guard Self.sameState(djangoKeys, cacheKitKeys) else {
          Issue.record(
            "\(place): after \(requestSpec) with \(viewSpec)\nDjango's keys: \(djangoKeys.keys.sorted())\nCacheKit's keys: \(cacheKitKeys.keys.sorted())\n\(Self.stateDifference(djangoKeys, cacheKitKeys))"
          )
          break
        }
        stores = max(stores, djangoKeys.count)

        let readable = requestSpec.readable
        let servedBy = [
          (
            "Django from Django's db",
            try django.send(PeerCommand(op: "fetch", db: 1, config: config, request: readable)).response
          ),
          (
            "Django from CacheKit's db",
            try django.send(PeerCommand(op: "fetch", db: 2, config: config, request: readable)).response
          ),
          (
            "CacheKit from Django's db",
            try pages[0].cachedResponse(for: readable.request).map(PeerResponse.init)
          ),
          (
            "CacheKit from CacheKit's db",
            try pages[1].cachedResponse(for: readable.request).map(PeerResponse.init)
          ),
        ]
        let reference = servedBy[0].1
        if reference != nil { crossServed += 1 }
        let disagreeing = servedBy.dropFirst().filter { _, served in
          switch (reference, served) {
          case (nil, nil): false
          case (let a?, let b?): !a.matches(b)
          default: true
          }
        }
        guard disagreeing.isEmpty else {
          let lines = servedBy.map { "\($0.0): \($0.1.map(String.init(describing:)) ?? "miss")" }
          let report = lines.joined(separator: "\n")
          Issue.record("\(place): serving \(readable) across caches\n\(report)")
          break
        }
      }
    }
    print(
      "page cache differential: \(Self.sequences) sequences, \(requests) requests, \(hits) served from the cache, "
        + "\(crossServed) pages served by each side from the other's database, up to \(stores) keys at once")
    #expect(requests > 500)
    #expect(hits > 100)
    #expect(crossServed > 100)
  }

  /// Same keys; TTLs within a second (or both without one); values equal as Django reads them.
  static func sameState(_ a: [String: PeerEntry], _ b: [String: PeerEntry]) -> Bool {
    guard Set(a.keys) == Set(b.keys) else { return false }
    return a.allSatisfy { key, entry in
      guard let other = b[key] else { return false }
      let ttlsAgree =
        entry.ttl < 0 || other.ttl < 0 ? entry.ttl == other.ttl : abs(entry.ttl - other.ttl) <= 1
      return ttlsAgree && entry.value.matches(other.value)
    }
  }

  static func stateDifference(_ a: [String: PeerEntry], _ b: [String: PeerEntry]) -> String {
    var lines: [String] = []
    for key in Set(a.keys).union(b.keys).sorted() {
      let left = a[key].map {
        "ttl \($0.ttl) \($0.value.response.map(String.init(describing:)) ?? "\($0.value.list ?? [])")"
      }
      let right = b[key].map {
        "ttl \($0.ttl) \($0.value.response.map(String.init(describing:)) ?? "\($0.value.list ?? [])")"
      }
      if left != right {
        lines.append("\(key)\n  Django:   \(left ?? "absent")\n  CacheKit: \(right ?? "absent")")
      }
    }
    return lines.joined(separator: "\n")
  }
}
