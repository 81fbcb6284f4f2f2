/// A product of the simulated shop, in one category.
public struct Product: Codable, Sendable, Equatable, Hashable {
  public var id: Int
  public var name: String
  public var categoryID: Int
  public var priceCents: Int

  public init(id: Int, name: String, categoryID: Int, priceCents: Int) {
    self.id = id
    self.name = name
    self.categoryID = categoryID
    self.priceCents = priceCents
  }
}

extension SampleData {
  /// The shop's products: ids 1 to 8, in categories 1 (mugs), 2 (shirts) and 3 (stickers).
  static let products: [Product] = [
    Product(id: 1, name: "Cache Hit mug", categoryID: 1, priceCents: 1_200),
    Product(id: 2, name: "Cache Miss mug", categoryID: 1, priceCents: 1_100),
    Product(id: 3, name: "TTL mug", categoryID: 1, priceCents: 1_500),
    Product(id: 4, name: "Stale Read shirt", categoryID: 2, priceCents: 2_400),
    Product(id: 5, name: "Thundering Herd shirt", categoryID: 2, priceCents: 2_600),
    Product(id: 6, name: "Evicted sticker", categoryID: 3, priceCents: 300),
    Product(id: 7, name: "Warm Cache sticker", categoryID: 3, priceCents: 250),
    Product(id: 8, name: "Invalidate Me sticker", categoryID: 3, priceCents: 400),
  ]
}

extension SlowDatabase {
  /// One product by id; `NotFound` when there is none.
  public func product(id: Int) throws -> Product {
    try readOrFail("product \(id)") { state in
      guard let product = state.products.first(where: { $0.id == id }) else {
        throw NotFound(what: "product \(id)")
      }
      return product
    }
  }

  /// The products of a category, by id.
  public func products(inCategory categoryID: Int) -> [Product] {
    read("products in category \(categoryID)") { state in
      state.products.filter { $0.categoryID == categoryID }.sorted { $0.id < $1.id }
    }
  }

  /// The cheapest products of the whole shop, cheapest first (by id among equal prices).
  public func cheapestProducts(limit: Int = 3) -> [Product] {
    read("cheapest products") { state in
      Array(state.products.sorted { ($0.priceCents, $0.id) < ($1.priceCents, $1.id) }.prefix(limit))
    }
  }

  /// Changes a product's price: a write, so every cached value that shows the product is now stale.
  /// Inside a `transaction` the new price is staged until the commit.
  public func changePrice(productID: Int, to cents: Int) throws {
    try write { rows in
      guard let index = rows.products.firstIndex(where: { $0.id == productID }) else {
        throw NotFound(what: "product \(productID)")
      }
      rows.products[index].priceCents = cents
    }
  }
}
