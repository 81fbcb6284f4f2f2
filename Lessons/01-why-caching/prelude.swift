// Declarations the Swift blocks of "Why caching matters" assume but do not show. CI compiles each
// block as the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "pages")

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
    func latestHeadlines() throws -> [String] { ["Cache hit ratio hits record high"] }
    func loadProduct(_ id: Int) throws -> Product {
        Product(id: id, categoryID: 3, name: "Mug", priceCents: 900)
    }

    /// How many of the member's messages are unread: a COUNT query over the messages table.
    func countUnreadMessages(for userID: Int) throws -> Int { 3 }
}

let database = Database()
