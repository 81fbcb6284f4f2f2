import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  var hoard: [[UInt8]] = []
  while true { hoard.append([UInt8](repeating: UInt8(truncatingIfNeeded: value), count: 1 << 20)) }
}
