// Declarations the Swift blocks of "Expiration" assume but do not show. CI compiles each block as the top
// level of a main.swift, with `import CacheKit`, `import Foundation`, the course's Lessons/prelude.swift
// (Product) and this file.
import CacheKit
import Foundation

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "shop")

/// A draft a member is editing.
struct Draft: Codable, Sendable {
  var id: Int
  var text: String
}

/// A price with the moment it was read from the database.
struct CachedPrice: Codable, Sendable {
  var cents: Int
  var storedAt: Date
}

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
  func price(_ id: Int) throws -> Int { 1200 }
  func allProducts() throws -> [Product] {
    [Product(id: 7, categoryID: 3, name: "Mug", priceCents: 1200)]
  }
}

let database = Database()
