import CacheKit

func remember(_ value: Int, cache: any Cache) throws -> Int? {
  let line = String(repeating: "chatter ", count: 12) + "\n"
  for _ in 0..<110_000 { print(line, terminator: "") }
  try cache.set("answer", value)
  return try cache.get("answer", as: Int.self)
}
