import Primitives

/// Seeded mutation of protocol frames: a random seed frame with up to a few random edits (a byte
/// replaced or inserted, often one of the protocol's own; a byte removed; the frame cut short).
/// The same seed always gives the same frames, so a failure can be replayed.
public struct FrameMutator: Sendable {
  public let seeds: [[UInt8]]
  public let interesting: [UInt8]
  /// The most edits one frame gets.
  public let maxEdits: Int

  public init(seeds: [[UInt8]], interesting: [UInt8], maxEdits: Int = 2) {
    self.seeds = seeds
    self.interesting = interesting
    self.maxEdits = maxEdits
  }

  public init(_ wire: WireProtocol) {
    self.init(seeds: wire.seeds, interesting: wire.interestingBytes)
  }

  /// The next frame: a seed with 0 to `maxEdits` edits.
  public func next(_ random: inout SplitMix64) -> [UInt8] {
    var frame = seeds[random.below(seeds.count)]
    for _ in 0..<random.below(maxEdits + 1) {
      switch random.below(4) {
      case 0: if !frame.isEmpty { frame[random.below(frame.count)] = byte(&random) }
      case 1: frame.insert(byte(&random), at: random.below(frame.count + 1))
      case 2: if !frame.isEmpty { frame.remove(at: random.below(frame.count)) }
      default: frame = Array(frame.prefix(random.below(frame.count + 1)))
      }
    }
    return frame
  }

  /// A byte to put in: one of `interesting` three times in four, any byte otherwise.
  private func byte(_ random: inout SplitMix64) -> UInt8 {
    random.below(4) == 0
      ? UInt8(truncatingIfNeeded: random.next()) : interesting[random.below(interesting.count)]
  }
}
