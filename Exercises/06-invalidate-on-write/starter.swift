import CacheKit
import ExerciseKit

/// Changes a product's price.
///
/// This deletes the detail entry at once, before the transaction commits, and forgets the lists
/// that show the product. Delete "product:<id>", "category:<categoryID>:products" and
/// "cheapest-products" in database.onCommit { ... }, after the database write.
func changePrice(productID: Int, to cents: Int, cache: any Cache, database: SlowDatabase) throws {
  try cache.delete("product:\(productID)")
  try database.changePrice(productID: productID, to: cents)
}
