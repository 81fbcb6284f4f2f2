import Primitives
import Synchronization

/// Picks the files a cull removes: a random sample, as Django's `random.sample`, drawn from the system's
/// generator or, given a seed, from a repeatable one so that a simulation or a test gets the same cull
/// every run. A seeded sampler sorts the names first, because directory order is the file system's.
final class CullSampler: Sendable {
  private let seeded: Bool
  private let generator: Mutex<SplitMix64>

  init(seed: UInt64?) {
    seeded = seed != nil
    generator = Mutex(SplitMix64(seed: seed ?? 0))
  }

  /// `count` of `names`, chosen at random.
  func sample(_ names: [String], count: Int) -> ArraySlice<String> {
    guard seeded else { return names.shuffled().prefix(count) }
    return generator.withLock { names.sorted().shuffled(using: &$0).prefix(count) }
  }
}
