// Declarations the Swift blocks of "Local memory, files and the database" assume but do not show. CI
// compiles each block as the top level of a main.swift, with `import CacheKit`, `import Foundation`, the
// course's Lessons/prelude.swift (User, Product, HitCounter, productStats) and this file.
import CacheKit
import Foundation

/// The cache the lesson's snippets use: CacheKit's in-process cache (Django's LocMemCache).
let cache = MemoryCache(name: "shop")
