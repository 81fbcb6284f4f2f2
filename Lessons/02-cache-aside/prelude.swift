// Declarations the Swift blocks of "Cache-aside with the low-level API" assume but do not show. CI
// compiles each block as the top level of a main.swift, with `import CacheKit`, `import Foundation`,
// the course's Lessons/prelude.swift (User, Product) and this file.
import CacheKit
import Foundation
import Synchronization

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "shop")

/// The data layer: the source of truth the cache keeps copies of. Writes are committed when the call
/// returns.
final class Database: Sendable {
    private let products = Mutex([7: Product(id: 7, categoryID: 3, name: "Mug", priceCents: 1000)])
    private let users = Mutex([7: User(id: 7, name: "Ada", email: "ada@example.com")])
    /// Each category's product ids, in listing order.
    private let categories = Mutex([3: [7]])

    func loadProduct(_ id: Int) throws -> Product {
        guard let product = products.withLock({ $0[id] }) else { throw NotFound() }
        return product
    }

    func updatePrice(_ id: Int, _ cents: Int) throws {
        products.withLock { $0[id]?.priceCents = cents }
    }

    /// The member with this email, or nil when there is none.
    func findUser(email: String) throws -> User? {
        users.withLock { $0.values.first { $0.email == email } }
    }

    /// One page of a category's listing, 20 products a page, in the listing's order.
    func productsInCategory(_ categoryID: Int, page: Int) throws -> [Product] {
        let listed = categories.withLock { $0[categoryID] ?? [] }
        return products.withLock { all in
            listed.dropFirst((page - 1) * 20).prefix(20).compactMap { all[$0] }
        }
    }

    /// Adds a product to the shop and to the front of a category's listing.
    func insertProduct(_ product: Product, into categoryID: Int) throws {
        products.withLock { $0[product.id] = product }
        categories.withLock { $0[categoryID, default: []].insert(product.id, at: 0) }
    }

    func buildReport() throws -> String { "Sales: 42 mugs" }

    struct NotFound: Error {}
}

let database = Database()
