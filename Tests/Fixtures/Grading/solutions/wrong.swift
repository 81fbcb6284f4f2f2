import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  try cache.set("answer", value + 1)
  return try cache.get("answer", as: Int.self)
}
