// Declarations the Swift blocks of "Why caching matters" assume but do not show. CI compiles each
// block as the top level of a main.swift, with `import CacheKit`, `import Foundation` and this file.
import CacheKit
import Foundation
import Synchronization

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "pages")

/// A member, as the dashboard greeting needs one.
struct User: Codable, Sendable {
    var id: Int
    var name: String
}

/// A product of the shop.
struct Product: Codable, Sendable {
    var id: Int
    var name: String
    var priceCents: Int
}

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
    func latestHeadlines() throws -> [String] { ["Cache hit ratio hits record high"] }
    func loadProduct(_ id: Int) throws -> Product { Product(id: id, name: "Mug", priceCents: 900) }
    /// How many of the member's messages are unread: a COUNT query over the messages table.
    func countUnreadMessages(for userID: Int) throws -> Int { 3 }
}

let database = Database()

/// A pair of counters for one key family: hits and misses.
final class HitCounter: Sendable {
    private let counts = Mutex((hits: 0, misses: 0))

    func recordHit() { counts.withLock { $0.hits += 1 } }
    func recordMiss() { counts.withLock { $0.misses += 1 } }

    /// hits / (hits + misses), or nil before the first lookup.
    var hitRate: Double? {
        counts.withLock { total in
            let lookups = total.hits + total.misses
            return lookups == 0 ? nil : Double(total.hits) / Double(lookups)
        }
    }
}

/// The counters of the `product:<id>` key family.
let productStats = HitCounter()
