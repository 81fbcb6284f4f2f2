import CacheKit
import ExerciseKit

// The shop's read side, cached for 10 minutes. The task gives it to the learner; the grader
// compiles it with the learner's file.

/// A product's detail page, cached under "product:<id>".
func product(id: Int, cache: any Cache, database: SlowDatabase) throws -> Product {
  try cache.getOrSet("product:\(id)", timeout: 600) { try database.product(id: id) }
}

/// A category's listing, cached under "category:<id>:products".
func categoryProducts(_ categoryID: Int, cache: any Cache, database: SlowDatabase) throws -> [Product] {
  try cache.getOrSet("category:\(categoryID):products", timeout: 600) {
    database.products(inCategory: categoryID)
  }
}

/// The home page's three cheapest products, cached under "cheapest-products".
func cheapestProducts(cache: any Cache, database: SlowDatabase) throws -> [Product] {
  try cache.getOrSet("cheapest-products", timeout: 600) { database.cheapestProducts(limit: 3) }
}
