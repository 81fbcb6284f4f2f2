// Declarations the Swift blocks of "Invalidation" assume but do not show. CI compiles each block as the top
// level of a main.swift, with `import CacheKit`, `import Foundation`, the course's Lessons/prelude.swift
// (Product, listed in one category) and this file.
import CacheKit
import Foundation
import Synchronization

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "catalog")

/// The data layer. Each write is committed when the call returns.
final class Database: Sendable {
  private let products = Mutex([7: Product(id: 7, categoryID: 3, name: "Mug", priceCents: 1200)])

  func loadProduct(_ id: Int) throws -> Product {
    guard let product = products.withLock({ $0[id] }) else { throw NotFound() }
    return product
  }

  func updatePrice(_ id: Int, _ cents: Int) throws {
    products.withLock { $0[id]?.priceCents = cents }
  }

  /// One page of a category's listing, in the given order ("price" or "name").
  func categoryPage(_ category: Int, page: Int, sort: String) throws -> [Product] {
    let listed = products.withLock { $0.values.filter { $0.categoryID == category } }
    let ordered = sort == "price" ? listed.sorted { $0.priceCents < $1.priceCents } : listed
    return Array(ordered.dropFirst((page - 1) * 20).prefix(20))
  }

  struct NotFound: Error {}
}

let database = Database()
