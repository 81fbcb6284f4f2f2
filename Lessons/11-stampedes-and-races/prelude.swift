// Declarations the Swift blocks of "Stampedes and races" assume but do not show. CI compiles each block
// as the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (Product) and this file.
import CacheKit
import Foundation

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "stampedes")

/// The data layer: the slow query a hot key saves.
enum Database {
    /// The best sellers of the last hour: the expensive query behind the home page.
    static func bestSellers() throws -> [Product] {
        [
            Product(id: 7, categoryID: 3, name: "Mug", priceCents: 900),
            Product(id: 12, categoryID: 3, name: "Teapot", priceCents: 3200),
        ]
    }
}

/// The time now, in seconds since 1970: what the XFetch snippets compare expiries with.
func now() -> Double { Date().timeIntervalSince1970 }
