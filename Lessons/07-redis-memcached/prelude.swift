// Declarations the Swift blocks of "Redis and Memcached" assume but do not show. CI compiles each block as
// the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The reports' cache: CacheKit's memcached backend (Django's PyMemcacheCache) on the default server.
let reports = MemcachedCache()

/// One row of the monthly sales query.
struct SalesRow: Codable, Sendable {
    var product: String
    var units: Int
    var revenueCents: Int
}

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
    /// The month's sales, one row per product: the slow query.
    func salesRows(_ month: String) throws -> [SalesRow] {
        [SalesRow(product: "Mug", units: 42, revenueCents: 42_000)]
    }

    /// The month's sales report as a full HTML page, built from `salesRows`.
    func renderSalesReport(_ month: String) throws -> String {
        "<html>" + String(repeating: "<p>sales</p>", count: 120_000) + "</html>"  // about 1.4 MB
    }
}

let database = Database()

/// Turns the rows into the report's HTML: fast, no queries.
func renderSalesReport(_ rows: [SalesRow]) -> String {
    "<table>" + rows.map { "<tr><td>\($0.product)</td><td>\($0.units)</td></tr>" }.joined() + "</table>"
}
