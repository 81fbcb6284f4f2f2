import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let nowhere = UnsafeMutablePointer<Int>(bitPattern: 8)!
  nowhere.pointee = value
  return nowhere.pointee
}
