import CacheKit
import ExerciseKit

/// Changes a product's price, and once the transaction commits, deletes every cached value that
/// shows the product: its detail, its category's listing and the cheapest products.
func changePrice(productID: Int, to cents: Int, cache: any Cache, database: SlowDatabase) throws {
  let categoryID = try database.product(id: productID).categoryID
  try database.changePrice(productID: productID, to: cents)
  let keys = ["product:\(productID)", "category:\(categoryID):products", "cheapest-products"]
  try database.onCommit { try cache.deleteMany(keys) }
}
