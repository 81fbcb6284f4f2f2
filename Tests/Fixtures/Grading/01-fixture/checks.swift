import CacheKit
import ExerciseKit

let exerciseChecks: [Check] = [
  Check("reads back what it stored") { context in
    try expect(try remember(42, cache: context.cache), equals: 42, "a cache returns what was stored")
  },
  Check("stores under the key \"answer\"") { context in
    _ = try remember(7, cache: context.cache)
    try expect(
      try context.cache.get("answer", as: Int.self), equals: 7, "other code finds the value by its key")
  },
]
