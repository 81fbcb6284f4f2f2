import CacheKit
import ExerciseKit

/// A price in words, for messages.
private func euros(_ cents: Int) -> String {
  "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100) €"
}

/// A list in a short form for messages: ids and prices in order.
private func listed(_ products: [Product]) -> String {
  products.map { "product \($0.id) at \(euros($0.priceCents))" }.joined(separator: ", ")
}

/// The error a check throws to make a transaction roll back.
private struct EditorCancelled: Error {}

/// Reads the three cached values that show products of category `categoryID`, filling the cache.
private func warm(
  _ categoryID: Int, _ productID: Int, _ context: CheckContext, cache: (any Cache)? = nil
) throws {
  let cache = cache ?? context.cache
  _ = try product(id: productID, cache: cache, database: context.database)
  _ = try categoryProducts(categoryID, cache: cache, database: context.database)
  _ = try cheapestProducts(cache: cache, database: context.database)
}

/// Changes a price through the learner's code inside a transaction that commits.
private func changeAndCommit(_ productID: Int, to cents: Int, _ context: CheckContext) throws {
  try context.database.transaction {
    try changePrice(productID: productID, to: cents, cache: context.cache, database: context.database)
  }
}

/// Reads product `id`'s page through the learner's code and fails unless it shows the price `cents`.
private func expectProductPage(
  _ id: Int, at cents: Int, _ context: CheckContext, _ why: String, line: Int = #line
) throws {
  let shown = try product(id: id, cache: context.cache, database: context.database)
  try expect(
    shown.priceCents == cents, expected: "product \(id) at \(euros(cents))",
    got: "product \(id) at \(euros(shown.priceCents))", why, line: line)
}

/// Reads category `categoryID`'s listing through the learner's code and fails unless it shows
/// product `id` at the price `cents`.
private func expectInListing(
  _ id: Int, of categoryID: Int, at cents: Int, _ context: CheckContext, _ why: String, line: Int = #line
) throws {
  let listing = try categoryProducts(categoryID, cache: context.cache, database: context.database)
  let found = listing.first { $0.id == id }
  try expect(
    found?.priceCents == cents, expected: "product \(id) at \(euros(cents)) in category \(categoryID)'s listing",
    got: found.map { "product \(id) at \(euros($0.priceCents)) there" } ?? "no product \(id) there", why,
    line: line)
}

let exerciseChecks: [Check] = [
  Check("after a committed change, the product page shows the new price") { context in
    try warm(2, 4, context)
    try changeAndCommit(4, to: 1_999, context)
    context.database.resetCounters()
    try expectProductPage(
      4, at: 1_999, context,
      "This is a stale read: the price change was committed, but the product page still came from "
        + "the copy cached before it, and would for up to 10 minutes. After the commit, "
        + "\"product:4\" must be gone, so the next read misses and loads the new row.")
    try expectQueries(
      context, 1, "The read after the change should be one miss that loads the new row once.")
  },

  Check("the category listing and the cheapest products show the new price") { context in
    try warm(2, 4, context)
    try changeAndCommit(4, to: 199, context)
    try expectInListing(
      4, of: 2, at: 199, context,
      "The product page is not the only copy of the price: category 2's listing, cached under "
        + "\"category:2:products\", holds its own copy of product 4, made when the listing was "
        + "cached. Delete that key too, or the shop shows two prices for one shirt for up to "
        + "10 minutes.")
    let cheapest = try cheapestProducts(cache: context.cache, database: context.database)
    // The cheapest three before the change, from a database of its own; product 4 now leads them.
    let before = SlowDatabase().cheapestProducts(limit: 3)
    let expectedList =
      [Product(id: 4, name: "Stale Read shirt", categoryID: 2, priceCents: 199)] + before.prefix(2)
    try expect(
      cheapest == expectedList, expected: listed(expectedList), got: listed(cheapest),
      "At \(euros(199)) product 4 is now the cheapest in the shop, but the home page's list was "
        + "cached before the change and did not have it. A new price can move a product into "
        + "\"cheapest-products\" as well as out of it, so delete that key on every price change, "
        + "whether the product was in the list or not.")
  },

  Check("a read in the middle of the transaction leaves no old price behind") { context in
    try warm(3, 7, context)
    try context.database.transaction {
      try changePrice(productID: 7, to: 150, cache: context.cache, database: context.database)
      // Another request, before the commit: it sees the committed rows, the old price.
      try warm(3, 7, context)
    }
    try expectProductPage(
      7, at: 150, context,
      "The old price came back. The keys were deleted before the transaction committed; a request "
        + "that came in between missed, read the row as committed (the old price: the change "
        + "was not committed yet) and cached it again for 10 minutes. Nothing deleted it after "
        + "the commit. Run the deletes in database.onCommit { ... }, so they happen after the "
        + "commit, when every reader gets the new row.")
    try expectInListing(
      7, of: 3, at: 150, context,
      "The listing was read in the middle of the transaction and cached with the old price; "
        + "deleting \"category:3:products\" after the commit is what removes that copy.")
  },

  Check("a change that rolls back leaves the cache alone") { context in
    try warm(1, 2, context)
    do {
      try context.database.transaction {
        try changePrice(productID: 2, to: 900, cache: context.cache, database: context.database)
        throw EditorCancelled()
      }
    } catch is EditorCancelled {}
    context.database.resetCounters()
    try expectProductPage(
      2, at: 1_100, context,
      "The transaction rolled back, so the price never changed. Showing the new one means it "
        + "reached the cache by another way than the database: cache only what the database "
        + "returns.")
    try warm(1, 2, context)
    try expectQueries(
      context, 0,
      "The change rolled back, so every cached copy was still right, yet reading them again "
        + "queried the database: they had been deleted. Deletes run before the commit happen even "
        + "when the transaction rolls back. Registered with database.onCommit, they are discarded "
        + "with the rollback, and the copies stay cached.")
  },

  Check("a change outside any transaction shows at once") { context in
    try warm(2, 5, context)
    try changePrice(productID: 5, to: 2_000, cache: context.cache, database: context.database)
    try expectProductPage(
      5, at: 2_000, context,
      "Without a transaction the write is committed at once, and database.onCommit runs its "
        + "closure at once too, as Django's on_commit does. The product page must show the new "
        + "price right after the change.")
    try expectInListing(
      5, of: 2, at: 2_000, context,
      "The listing must show the new price as well: delete \"category:2:products\".")
  },

  Check("outside a transaction, the write comes before the deletes") { context in
    try warm(2, 5, context)
    // Another request reads the three pages right after each delete, through the same cache.
    let racing = CacheWithReaderAfterDeletes(context.cache) { store in
      try warm(2, 5, context, cache: store)
    }
    try changePrice(productID: 5, to: 2_000, cache: racing, database: context.database)
    try expectProductPage(
      5, at: 2_000, context,
      "A request came in right after the delete, missed, read the row the database still "
        + "held, the old price, and cached it again for 10 minutes; the write came after, and "
        + "nothing deleted that copy. With no transaction open, database.onCommit runs its "
        + "closure at once, so registered before database.changePrice it deletes before the "
        + "write. Write the database first, then register the deletes.")
    try expectInListing(
      5, of: 2, at: 2_000, context,
      "The listing was read between the delete and the write and cached with the old price. "
        + "Delete after the write, so a reader that misses loads the new row.")
  },

  Check("products of other categories stay cached") { context in
    try warm(1, 1, context)
    _ = try product(id: 6, cache: context.cache, database: context.database)
    _ = try categoryProducts(3, cache: context.cache, database: context.database)
    try changeAndCommit(4, to: 2_500, context)
    context.database.resetCounters()
    _ = try product(id: 1, cache: context.cache, database: context.database)
    _ = try categoryProducts(1, cache: context.cache, database: context.database)
    _ = try product(id: 6, cache: context.cache, database: context.database)
    _ = try categoryProducts(3, cache: context.cache, database: context.database)
    try expectQueries(
      context, 0,
      "Product 4 is a shirt in category 2; nothing about mugs (category 1) or stickers "
        + "(category 3) changed, yet their cached pages were gone. Delete the keys that show the "
        + "product, by name, and nothing else: clearing the whole cache sends every reader of the "
        + "shop to the database for each price change.")
  },
]
