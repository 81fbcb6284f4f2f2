import Synchronization

/// Picks the files a cull removes: a random sample, as Django's `random.sample`, drawn from the system's
/// generator or, given a seed, from a repeatable one so that a simulation or a test gets the same cull
/// every run. A seeded sampler sorts the names first, because directory order is the file system's.
final class CullSampler: Sendable {
  private let seeded: Bool
  private let state: Mutex<UInt64>

  init(seed: UInt64?) {
    seeded = seed != nil
    state = Mutex(seed ?? 0)
  }

  /// `count` of `names`, chosen at random.
  func sample(_ names: [String], count: Int) -> ArraySlice<String> {
    guard seeded else { return names.shuffled().prefix(count) }
    return state.withLock { state in
      var generator = SeededGenerator(state: state)
      let picked = names.sorted().shuffled(using: &generator).prefix(count)
      state = generator.state
      return picked
    }
  }

  /// SplitMix64: small, fast and good enough to pick files.
  private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
