// Declarations the Swift blocks of "Per-view and per-site caching" assume but do not show. CI compiles each
// block as the top level of a main.swift, with `import CacheKit`, `import Foundation`, the course's
// Lessons/prelude.swift (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The cache the page cache stores in: CacheKit's in-process cache (Django's LocMemCache), with no
/// KEY_PREFIX.
let cache = MemoryCache(name: "pages")

/// A cache with `KEY_PREFIX` "shop", to show how the page cache's keys sit under the cache's own.
let shop = MemoryCache(name: "shop", options: CacheOptions(keyPrefix: "shop"))

/// The text of a response's body.
func text(_ response: Response) -> String { String(decoding: response.content, as: UTF8.self) }
