/// Bytes a decoder has received and not yet consumed: an array and a read position. The consumed front
/// is dropped once it is most of the array, so memory tracks what is pending while a long pipeline or a
/// large value is parsed in place, never copied per read.
public struct PendingBytes: Sendable {
  /// Everything kept, consumed bytes before `position` included.
  public private(set) var bytes: [UInt8] = []
  /// The first byte not yet consumed.
  public var position = 0

  public init() {}

  /// Bytes received but not yet consumed.
  public var count: Int { bytes.count - position }

  /// Keeps `more` after what is pending (first dropping the consumed front when it is most of the array).
  public mutating func append(_ more: UnsafeRawBufferPointer) {
    compact()
    bytes.append(contentsOf: more)
  }

  /// Keeps `more` after what is pending, as `append(_:)` of a raw buffer does.
  public mutating func append(_ more: some Sequence<UInt8>) {
    compact()
    bytes.append(contentsOf: more)
  }

  /// Drops the consumed bytes now, so that what is pending starts the array.
  public mutating func dropConsumed() {
    bytes.removeSubrange(0..<position)
    position = 0
  }

  /// Hands over the array itself holding the first `count` bytes, instead of copying them (with
  /// `position` at 0); what follows them and the next `skip` bytes stays pending, in a new array.
  public mutating func takeFront(_ count: Int, dropping skip: Int) -> [UInt8] {
    var front = bytes
    bytes = Array(bytes[(count + skip)...])
    front.removeLast(front.count - count)
    return front
  }

  /// Drops consumed bytes once they are most of the buffer, so memory tracks what is pending.
  private mutating func compact() {
    if position == bytes.count {
      bytes.removeAll(keepingCapacity: bytes.capacity <= 64 * 1024)
      position = 0
    } else if position > 4_096 && position * 2 > bytes.count {
      bytes.removeSubrange(0..<position)
      position = 0
    }
  }
}
