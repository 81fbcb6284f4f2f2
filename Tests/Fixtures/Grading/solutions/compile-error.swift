import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let stored: String = value
  return stored
}
