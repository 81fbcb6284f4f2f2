// Declarations the Swift blocks of "Cache keys" assume but do not show. CI compiles each block as the top
// level of a main.swift, with `import CacheKit`, `import Foundation`, the course's Lessons/prelude.swift
// (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The cache the lesson's functions use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "keys")

/// A member of one customer (tenant) of a software-as-a-service site. Member ids are numbered per tenant.
struct Member: Codable, Sendable {
  var tenantID: Int
  var id: Int
  var name: String
}

/// A tenant's dashboard figures.
struct Dashboard: Codable, Sendable {
  var openInvoices: Int
  var revenueCents: Int
}

/// One page of search results.
struct SearchResults: Codable, Sendable {
  var query: String
  var productIDs: [Int]
}

/// The data layer: the slow source the cache saves work for.
final class Database: Sendable {
  func dashboard(tenantID: Int) throws -> Dashboard { Dashboard(openInvoices: 3, revenueCents: 120_000) }
  func search(_ query: String) throws -> SearchResults { SearchResults(query: query, productIDs: [7, 9]) }
}

let database = Database()
