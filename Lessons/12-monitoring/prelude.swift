// Declarations the Swift blocks of "Monitoring a cache, and when not to cache" assume but do not show.
// CI compiles each block as the top level of a main.swift, with `import CacheKit`, `import Foundation`,
// the course's Lessons/prelude.swift (Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The shop's cache: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "shop")

/// The shop's Redis, as Django's RedisCache would use it.
let redisCache = RedisCache(location: RedisLocation(url: "redis://127.0.0.1:6379/0")!)

/// The shop's memcached pool, as Django's PyMemcacheCache would use it: two servers.
let memcachedCache = MemcachedCache(location: try! MemcachedLocation(parsing: "10.0.0.1:11211;10.0.0.2:11211"))

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
    /// The product with this id, or nil when there is none (bots ask for ids that never existed).
    func product(_ id: Int) throws -> Product? {
        id < 1_000 ? Product(id: id, categoryID: 3, name: "Mug", priceCents: 900) : nil
    }

    /// The product's current price, in cents.
    func priceCents(_ id: Int) throws -> Int { 900 }
}

let database = Database()

/// The counters of the `price:<id>` key family.
let priceStats = HitCounter()
