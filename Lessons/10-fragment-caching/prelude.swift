// Declarations the Swift blocks of "Template fragment caching" assume but do not show. CI compiles each
// block as the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (Product) and this file.
import CacheKit
import Foundation

/// The cache the fragments are stored in: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "fragments")

/// The data layer: what rendering a fragment reads when the fragment is not cached.
enum Catalog {
    static func product(_ id: Int) -> Product {
        Product(id: id, categoryID: 3, name: "Mug", priceCents: 900)
    }
    static func bestSellers() -> [Product] { [product(7), product(12)] }
}

/// The shop's HTML for a list of products: the expensive part of a page.
func renderList(_ products: [Product]) -> String {
    "<ul>" + products.map { "<li>\($0.name)</li>" }.joined() + "</ul>"
}
