import CacheKit
import ExerciseKit

/// One call on both caches.
private enum Operation: CustomStringConvertible {
  case get(String), set(String, String), add(String, String), hasKey(String), delete(String)

  var key: String {
    switch self {
    case .get(let key), .set(let key, _), .add(let key, _), .hasKey(let key), .delete(let key): key
    }
  }

  var description: String {
    switch self {
    case .get(let key): "get(\"\(key)\")"
    case .set(let key, let value): "set(\"\(key)\", \"\(value)\")"
    case .add(let key, let value): "add(\"\(key)\", \"\(value)\")"
    case .hasKey(let key): "hasKey(\"\(key)\")"
    case .delete(let key): "delete(\"\(key)\")"
    }
  }
}

/// A cull the reference made: before which operation, how full it was, and what it removed.
private struct Cull {
  var step: Int
  var countBefore: Int
  var removed: [String]
}

/// CacheKit's MemoryCache (locmem's rules) with a record of each key's last use and of every cull,
/// so that a divergence can be explained.
private final class Reference {
  let cache: MemoryCache
  let maxEntries: Int
  let cullFrequency: Int
  var lastUse: [String: (step: Int, what: String)] = [:]
  var lastLook: [String: (step: Int, what: String)] = [:]
  var culls: [Cull] = []

  init(maxEntries: Int, cullFrequency: Int) {
    let name = "cachelings-lru-check-\(UInt64.random(in: 0...UInt64.max))"
    cache = MemoryCache(name: name, maxEntries: maxEntries, cullFrequency: cullFrequency)
    cache.clear()
    self.maxEntries = maxEntries
    self.cullFrequency = cullFrequency
  }

  func apply(_ operation: Operation, step: Int) -> String {
    let key = CacheKey(operation.key)
    let before = cache.keysByRecency()
    var answer = ""
    switch operation {
    case .get:
      let value = cache.get(key)
      answer = value.map { "\"" + String(decoding: $0, as: UTF8.self) + "\"" } ?? "nil"
      if value != nil { lastUse[operation.key] = (step, "\(operation)") }
    case .set(_, let value):
      cache.set(key, Array(value.utf8), timeout: .never)
      answer = "nothing (set)"
      lastUse[operation.key] = (step, "\(operation)")
    case .add(_, let value):
      let stored = cache.add(key, Array(value.utf8), timeout: .never)
      answer = String(stored)
      if stored {
        lastUse[operation.key] = (step, "\(operation)")
      } else {
        lastLook[operation.key] = (step, "\(operation), which found it already there")
      }
    case .hasKey:
      let found = cache.hasKey(key)
      answer = String(found)
      if found { lastLook[operation.key] = (step, "\(operation)") }
    case .delete:
      answer = String(cache.delete(key))
    }
    if case .delete = operation {} else {
      let after = Set(cache.keysByRecency())
      let removed = before.filter { !after.contains($0) }
      if !removed.isEmpty {
        culls.append(Cull(step: step, countBefore: before.count, removed: removed.reversed()))
      }
    }
    return answer
  }

  /// Why locmem holds, or no longer holds, `key` after step `step`.
  func story(of key: String, at step: Int) -> String {
    var parts: [String] = []
    if let use = lastUse[key] {
      parts.append("Its last use was operation #\(use.step), \(use.what).")
    }
    if let look = lastLook[key], look.step > (lastUse[key]?.step ?? -1) {
      parts.append(
        "Operation #\(look.step), \(look.what), looked at it but is not a use, so it did not "
          + "move the entry to the front.")
    }
    if let cull = culls.last(where: { $0.step <= step && $0.removed.contains(key) }) {
      parts.append("locmem removed it in the cull at operation #\(cull.step): " + describe(cull))
    } else if let cull = culls.last(where: { $0.step <= step }) {
      parts.append(
        "locmem still holds it: the last cull, at operation #\(cull.step), removed only older "
          + "entries. " + describe(cull))
    } else {
      parts.append("locmem has not needed to cull yet.")
    }
    return parts.joined(separator: " ")
  }

  func describe(_ cull: Cull) -> String {
    let how =
      cullFrequency == 0
      ? "with cullFrequency 0 that removes all of them"
      : "so it removed \(cull.countBefore) / \(cullFrequency) = \(cull.removed.count) least "
        + "recently used"
    let entries = cull.countBefore == 1 ? "1 entry" : "\(cull.countBefore) entries"
    let shown = cull.removed.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
    let more = cull.removed.count > 8 ? " and \(cull.removed.count - 8) more" : ""
    return "the cache held \(entries) (maxEntries \(maxEntries)), \(how) "
      + "(\(shown)\(more), least recent first), then stored."
  }
}

/// The learner's answer to one operation, in the same words as the reference's.
private func answer(_ cache: LRUCache, _ operation: Operation) -> String {
  switch operation {
  case .get(let key): return cache.get(key).map { "\"\($0)\"" } ?? "nil"
  case .set(let key, let value):
    cache.set(key, value)
    return "nothing (set)"
  case .add(let key, let value): return String(cache.add(key, value))
  case .hasKey(let key): return String(cache.hasKey(key))
  case .delete(let key): return String(cache.delete(key))
  }
}

/// Runs `operations` on the learner's cache and on locmem's, failing at the first difference.
private func compare(
  _ operations: [Operation], maxEntries: Int, cullFrequency: Int, what: String, line: Int = #line
) throws {
  let mine = LRUCache(maxEntries: maxEntries, cullFrequency: cullFrequency)
  let reference = Reference(maxEntries: maxEntries, cullFrequency: cullFrequency)
  let setting = "maxEntries \(maxEntries), cullFrequency \(cullFrequency)"
  for (index, operation) in operations.enumerated() {
    let step = index + 1
    let recent = operations[max(0, index - 4)...index].enumerated().map {
      "#\(max(0, index - 4) + $0.offset + 1) \($0.element)"
    }.joined(separator: ", ")
    let context = "In \(what) (\(setting)), operation #\(step) of \(operations.count), "
      + "\(operation); the last ones were \(recent)."
    let expected = reference.apply(operation, step: step)
    let got = answer(mine, operation)
    if got != expected {
      throw CheckFailure(
        expected: "\(operation) to answer \(expected)", got: got,
        why: context + " About \"\(operation.key)\". "
          + reference.story(of: operation.key, at: step),
        line: line)
    }
    let count = reference.cache.entryCount
    if mine.count != count {
      let entries = count == 1 ? "1 entry" : "\(count) entries"
      var why = context + " After it locmem holds \(entries). "
      if let cull = reference.culls.last, cull.step == step {
        why += "Before storing, " + reference.describe(cull)
      } else if reference.culls.isEmpty && mine.count < count {
        why += "locmem has culled nothing yet: it culls only when an insert finds the cache "
          + "holding maxEntries entries or more."
      } else {
        why += "This operation culled nothing in locmem: a cull happens only in a set or an add "
          + "that stores, when the cache already holds maxEntries entries or more."
      }
      throw CheckFailure(
        expected: "count \(count) after \(operation)", got: "count \(mine.count)", why: why,
        line: line)
    }
  }
}

/// A random sequence: mostly gets and sets on a key space larger than the cache, with some adds,
/// hasKey calls and deletes, and a few hot keys so that recency matters.
private func randomOperations(seed: UInt64, count: Int, keys: Int) -> [Operation] {
  var random = SeededGenerator(seed: seed)
  return (0..<count).map { index in
    let hot = Int.random(in: 0..<100, using: &random) < 30
    let key = "k" + String(hot ? Int.random(in: 0..<max(1, keys / 10), using: &random)
      : Int.random(in: 0..<keys, using: &random))
    let value = "v\(index)"
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<35: return .get(key)
    case 35..<65: return .set(key, value)
    case 65..<78: return .add(key, value)
    case 78..<92: return .hasKey(key)
    default: return .delete(key)
    }
  }
}

private func sets(_ range: Range<Int>) -> [Operation] {
  range.map { .set("k\($0)", "v\($0)") }
}

let exerciseChecks: [Check] = [
  Check("a full cache culls the least recently used third before it stores") { _ in
    try compare(
      sets(0..<301), maxEntries: 300, cullFrequency: 3,
      what: "301 sets of new keys")
    try compare(
      sets(0..<10) + [.get("k0"), .get("k1")] + sets(10..<14) + [.get("k2"), .get("k0")],
      maxEntries: 9, cullFrequency: 3, what: "sets with two gets in between")
  },

  Check("get and set are uses; hasKey and a failed add are not") { _ in
    try compare(
      sets(0..<6) + [.hasKey("k0"), .get("k1"), .set("k2", "new")] + sets(6..<8)
        + [.get("k0"), .get("k1"), .get("k2"), .get("k3")],
      maxEntries: 6, cullFrequency: 3, what: "a full cache after hasKey, get and set")
    try compare(
      sets(0..<6) + [.add("k0", "again"), .add("k9", "new")] + sets(6..<8)
        + [.get("k0"), .get("k9"), .get("k1")],
      maxEntries: 6, cullFrequency: 3, what: "a full cache after a failed add")
  },

  Check("cullFrequency 0 empties the cache, and a set of a key already there culls too") { _ in
    try compare(
      sets(0..<5) + [.set("k5", "v5"), .get("k0"), .get("k5")],
      maxEntries: 5, cullFrequency: 0, what: "sets into a full cache with cullFrequency 0")
    try compare(
      sets(0..<4) + [.get("k0"), .set("k3", "newer"), .get("k1"), .get("k3")],
      maxEntries: 4, cullFrequency: 2, what: "a set of an existing key in a full cache")
    try compare(
      sets(0..<5) + [.get("k0")], maxEntries: 2, cullFrequency: 3,
      what: "sets with maxEntries 2 and cullFrequency 3")
  },

  Check("long random sequences answer exactly as locmem does") { _ in
    let settings: [(maxEntries: Int, cullFrequency: Int, seed: UInt64)] = [
      (300, 3, 19), (10, 3, 1), (7, 2, 2), (12, 4, 3), (5, 0, 4), (1, 1, 5), (2, 3, 6),
      (50, 5, 7), (20, 1, 8),
    ]
    for setting in settings {
      try compare(
        randomOperations(
          seed: setting.seed, count: 3000, keys: setting.maxEntries * 2 + 3),
        maxEntries: setting.maxEntries, cullFrequency: setting.cullFrequency,
        what: "the random sequence with seed \(setting.seed)")
    }
  },
]
