import CacheKit

/// Fails the check unless `cache` holds `expected` under `key`: other code finds a copy by its key, so
/// the key and what is stored there are part of the contract. `kind` names the type in words ("a
/// Dashboard"), and `shown` puts a value in words, for the message.
public func expectStored<T: Codable & Equatable>(
  _ expected: T, under key: String, in cache: any Cache, kind: String, shown: (T) -> String,
  _ why: String, line: Int = #line
) throws {
  let stored = try? cache.get(key, as: T.self)
  let found = try cache.hasKey(key)
  try expect(
    stored == expected, expected: shown(expected) + " under \"\(key)\"",
    got: stored.map { shown($0) + " there" }
      ?? (found ? "a value under \"\(key)\" that is not \(kind)" : "no value under \"\(key)\""),
    why, line: line)
}
