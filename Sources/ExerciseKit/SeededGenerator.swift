import Primitives

/// A seedable random generator for checks, so every run draws the same sequence for a seed and a
/// failure can be replayed (SplitMix64, the course's one generator).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var base: SplitMix64

  public init(seed: UInt64) {
    base = SplitMix64(seed: seed)
  }

  public mutating func next() -> UInt64 { base.next() }
}
