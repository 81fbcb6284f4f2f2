import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  try cache.set("answer", value)
  return try cache.get("answer", as: Int.self)
}
