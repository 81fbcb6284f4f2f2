// Declarations the Swift blocks of "Beyond one server" assume but do not show. CI compiles each block as
// the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The site's caches, as its CACHES table names them: a shared Redis and, in every process, a memory
/// cache whose alias has no TIMEOUT, so a call that names none keeps an entry Django's default 300 s.
let caches = try! CachesConfiguration([
    "default": CacheSettings(backend: .redis, location: "redis://10.0.0.31:6379/0", timeout: 300),
    "local": CacheSettings(backend: .memory, location: "prices"),
])

/// The shared cache every process of every server reads.
let shared = try! caches.cache("default")
/// This process's memory cache, in front of the shared one.
let local = try! caches.cache("local")

/// The shop's database: the record the caches copy.
final class Catalog: Sendable {
    /// A product's price in cents: the slow query.
    func price(of productID: Int) throws -> Int { 1_200 }

    /// Changes a product's price.
    func setPrice(of productID: Int, to cents: Int) throws {}
}

let catalog = Catalog()
