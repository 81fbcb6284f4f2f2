/// SplitMix64: a small, fast, seedable generator, so shuffles, simulations, samples and fuzz runs repeat
/// exactly for a given seed, and drawing a number costs no system call.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniform value in [0, 1).
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// A number in 0..<bound; bound must be above 0.
  public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
