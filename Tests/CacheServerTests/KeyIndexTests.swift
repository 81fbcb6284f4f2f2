import TestSupport
import Testing

@testable import CacheServer

@Suite("KeyIndex: open addressing with hash tags and backward-shift deletion")
struct KeyIndexTests {
  @Test("100,000 random inserts and removals agree with a dictionary, also when tags collide")
  func randomOperations() {
    var random = SplitMix64(seed: 42)
    var index = KeyIndex()
    var model: [Int32: UInt64] = [:]
    for step in 0..<100_000 {
      let position = Int32(random.below(2_000))
      // Few distinct tags, so probing runs are long and full of equal tags.
      let hash = UInt64(random.below(64)) << 32 | UInt64(random.below(1 << 20))
      if let existing = model[position] {
        if random.below(2) == 0 {
          index.remove(hash: existing, position: position)
          model[position] = nil
        }
      } else {
        index.insert(hash: hash, position: position)
        model[position] = hash
      }
      if step % 1_000 == 0 {
        #expect(index.count == model.count)
        for (position, hash) in model {
          #expect(index.find(hash: hash) { $0 == position } == position)
        }
      }
    }
    for (position, hash) in model { index.remove(hash: hash, position: position) }
    #expect(index.count == 0)
    #expect(index.find(hash: 5 << 32) { _ in true } == nil)
  }

  @Test("the key hash depends on every byte and on the length")
  func keyHash() {
    let base = Array("user:1234:profile".utf8)
    var seen: Set<UInt64> = [KeyHash.hash(base), KeyHash.hash(base + [0])]
    for index in base.indices {
      var changed = base
      changed[index] ^= 1
      seen.insert(KeyHash.hash(changed))
    }
    #expect(seen.count == base.count + 2)
  }
}
