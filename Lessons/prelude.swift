// The course's prelude: declarations that the Swift blocks of several lessons assume but do not show.
// CI compiles each block of every lesson as the top level of a main.swift, with `import CacheKit`,
// `import Foundation`, this file and the lesson's own prelude.swift, which must not declare these names
// again.
import Synchronization

/// A member of the site.
struct User: Codable, Sendable {
    var id: Int
    var name: String
    var email: String
}

/// A product of the shop, listed in one category, stored in the cache as JSON.
struct Product: Codable, Sendable {
    var id: Int
    var categoryID: Int
    var name: String
    var priceCents: Int
}

/// A pair of counters for one key family: lookups that found a value, and lookups that did not.
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
