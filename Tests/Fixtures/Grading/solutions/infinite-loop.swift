import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  var spins = 0
  while value > 0 { spins &+= 1 }
  return spins
}
